/**
 * What counts as a placeholder: the texts, error classes and helpers that
 * stand in for code nobody wrote yet (Rust's `todo!()`). Every question "is
 * this a placeholder?" is answered here, so the vocabulary lives in one
 * place; `thrown-value.ts` (the linted file) and `helper-by-type.ts` (other
 * files, through the type checker) only read the code it judges.
 */

/** Stands for the dynamic parts of a message known only in part. */
export const DYNAMIC_PART = '${…}';

/**
 * Texts that say the code is missing, matched case-insensitively: the ones
 * TypeScript's quick fixes ("Method not implemented.", "Function not
 * implemented."), typescript-eslint's and SonarJS's fixers ("Not implemented
 * yet") insert, and the ones people type.
 */
const NOT_IMPLEMENTED_PATTERNS: readonly RegExp[] = [
  /\bnot[\s_-]*(?:yet[\s_-]*)?implemented\b/i,
  /\bunimplemented\b/i,
  /\bimplement\s+me\b/i,
];

/**
 * Words that state a deliberate limitation, Rust's `unimplemented!` meaning
 * rather than its `todo!` one: what is (not) supported, what to use instead,
 * what is deprecated or no longer there.
 */
const LIMITATION: readonly RegExp[] = [
  /\b(?:un)?support(?:s|ed)?\b/i,
  /\binstead\b/i,
  /\bdeprecated\b|\bno\s+longer\b/i,
];

/**
 * "Not implemented" texts that describe a deliberate design rather than a gap:
 * a concrete base class whose method "must be overridden by subclasses" (the
 * JavaScript way of writing an abstract method), a requirement on whoever
 * implements an interface ("must implement send when invoke is not
 * implemented").
 */
const DELIBERATE_DESIGN = [
  /\bsub-?class(?:es)?\b|\boverrid(?:e|den)\b|\bderived\s+class|\babstract\b/i,
  /\bmust\s+(?:be\s+)?implement/i,
  /\b(?:when|if|unless|while)\b[^.;:!?]*\bnot\s+(?:yet\s+)?implemented\b/i,
  // A limitation stated as one, or a pointer elsewhere: "not implemented, call deleteDatabase() instead".
  ...LIMITATION,
];

/**
 * Markers: TODO, FIXME, TBD, XXX and stub, when they are used as a marker and
 * not as content. "TODO: wire the cache" is a placeholder, "Todo list is
 * empty" is not.
 */
const MARKER_PATTERNS: readonly RegExp[] = [
  // The whole message is a marker: "TODO", "fixme!", "Stub!" (Android's stubs).
  /^\W*(?:todo|fixme|tbd|xxx|stub)\W*$/i,
  // A marker followed by ":", "!" or "(" (an author's tag, with no space before
  // it: "FIXME(ana) ..."), in capitals anywhere: "Retry failed. TODO: backoff".
  /\b(?:TODO|FIXME|TBD|XXX)(?:\s*[:!]|\()/,
  // In any case at the start or after punctuation: "todo: wire the cache", "Retry
  // policy (todo: backoff)"; not after a word, where it is content: "Invalid
  // todo: title is required", "Could not fetch todo (id 3)".
  /(?:^|[^\w\s])\s*(?:todo|fixme|tbd|xxx)(?:\s*[:!]|\()/i,
  // Written in capitals at the start, a marker needs no punctuation: "TODO wire the cache".
  /^\s*(?:TODO|FIXME|TBD|XXX)\b/,
  /^\s*stub\s*:/i,
  /\b(?:is|just|only)\s+(?:a\s+)?stub\b/i,
];

/** `NotImplementedError`, `NotYetImplementedException`, `UnimplementedError`, `TodoError`. */
const PLACEHOLDER_ERROR_CLASS = /^(?:NotYetImplemented|NotImplemented(?:Yet)?|Unimplemented|Todo)(?:Error|Exception)$/;

/** Helpers that exist to stand in for unfinished code, as Rust's `todo!()` and `unimplemented!()`. */
const DEFAULT_PLACEHOLDER_HELPERS: readonly string[] = ['todo', 'unimplemented', 'notImplemented'];

/** A class whose instances are errors by name: `Error`, `TypeError`, `DOMException`, `HttpException`. */
const ERROR_CLASS_NAME = /(?:Error|Exception)$/;

/** The vocabulary one rule configuration uses: the defaults plus its options. */
export interface PlaceholderVocabulary {
  /** Extra message patterns; a match makes any message a placeholder. */
  readonly messagePatterns: readonly RegExp[];
  /** Extra placeholder error class names. */
  readonly errorClasses: ReadonlySet<string>;
  /** Extra placeholder helper names. */
  readonly helpers: ReadonlySet<string>;
}

export interface PlaceholderVocabularyOptions {
  readonly messagePatterns?: readonly string[];
  readonly errorClasses?: readonly string[];
  readonly helpers?: readonly string[];
}

/**
 * Builds a vocabulary from rule options. Message patterns are regular
 * expression sources, matched case-insensitively; a source that does not
 * compile is a configuration error, reported as one.
 */
export function createPlaceholderVocabulary(
  options: PlaceholderVocabularyOptions,
  ruleName: string,
): PlaceholderVocabulary {
  const messagePatterns = (options.messagePatterns ?? []).map((source) => {
    try {
      return new RegExp(source, 'i');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(
        `Configuration for rule "${ruleName}" is invalid: messagePatterns entry ${JSON.stringify(source)} is not a valid regular expression (${reason}).`,
        { cause: error },
      );
    }
  });
  return {
    messagePatterns,
    errorClasses: new Set(options.errorClasses),
    helpers: new Set(options.helpers),
  };
}

export const EMPTY_VOCABULARY: PlaceholderVocabulary = {
  messagePatterns: [],
  errorClasses: new Set(),
  helpers: new Set(),
};

/**
 * How much of a message is read. Placeholder texts are short, and some
 * patterns (the condition before "not implemented") take time quadratic in
 * the length of the text they scan.
 */
const MAX_MESSAGE_LENGTH = 1000;

/** Does this error message read as a placeholder for unfinished code? */
export function isPlaceholderMessage(message: string, vocabulary = EMPTY_VOCABULARY): boolean {
  const text = message.length > MAX_MESSAGE_LENGTH ? message.slice(0, MAX_MESSAGE_LENGTH) : message;
  const matches = (pattern: RegExp) => pattern.test(text);
  if (vocabulary.messagePatterns.some(matches) || MARKER_PATTERNS.some(matches)) return true;
  return NOT_IMPLEMENTED_PATTERNS.some(matches) && !DELIBERATE_DESIGN.some(matches);
}

/** Is this an error class that exists to mark unfinished code (`NotImplementedError`)? */
export function isPlaceholderErrorClass(name: string, vocabulary = EMPTY_VOCABULARY): boolean {
  return PLACEHOLDER_ERROR_CLASS.test(name) || vocabulary.errorClasses.has(name);
}

/** Is this the name of a helper that stands in for unfinished code (`todo()`)? */
export function isPlaceholderHelperName(name: string, vocabulary = EMPTY_VOCABULARY): boolean {
  return DEFAULT_PLACEHOLDER_HELPERS.includes(name) || vocabulary.helpers.has(name);
}

/** Is this, by its name, an error class: `Error`, a built-in error, or any `…Error` / `…Exception`? */
export function isErrorClassName(name: string): boolean {
  return ERROR_CLASS_NAME.test(name);
}

/** What a `throw` throws, as far as the placeholder question needs it. */
export interface ThrownValue {
  /** The error class constructed or called (`new E(…)`, `E(…)`); absent for a thrown string. */
  readonly errorClass?: string;
  /** The message as far as it is known; {@link DYNAMIC_PART} stands for the parts only known at run time. */
  readonly message?: string;
}

/** Why a thrown value is a placeholder. */
export type Placeholder =
  { readonly kind: 'errorClass'; readonly errorClass: string } | { readonly kind: 'message'; readonly message: string };

/** Where a `throw` stands, as far as reading its message goes. */
export interface ThrowSite {
  /** The name of the function the `throw` is in (its own, or the variable, property or method it is assigned to). */
  readonly functionName?: string | undefined;
  /** The class (or constructor whose `prototype` gets the method) that function is a method of. */
  readonly className?: string | undefined;
  /**
   * The `throw` is the whole body of a class method (or of a function assigned
   * to `X.prototype.name`): a method a subclass can override.
   */
  readonly isWholeMethodBody?: boolean;
  /**
   * The `throw` is the whole consequent of an `if` that checks that something
   * is missing or wrong (`if (block == null)`), in a function that does other
   * work besides.
   */
  readonly isFailureGuard?: boolean;
}

/** Words a message can say around its subject without saying anything about it. */
const CONTENTLESS_WORDS = new Set(
  'a an the this is are was be been has have not yet still implemented unimplemented notimplemented implement me method function feature functionality code here error'.split(
    ' ',
  ),
);

const IDENTIFIER = /^[\p{L}_$][\p{L}\p{N}_$]*$/u;
const DYNAMIC_TOKEN = 'dynamic';

/** The words of a message, its dynamic parts as one placeholder token each. */
function wordsOf(message: string): string[] {
  return message
    .split(DYNAMIC_PART)
    .flatMap((text, index) => [...(index > 0 ? [DYNAMIC_TOKEN] : []), ...(text.match(/[\p{L}\p{N}_$]+/gu) ?? [])]);
}

/** Does the message name `name` as a whole identifier (`install() not implemented`, `Driver.install`)? Case matters. */
function namesIdentifier(message: string, name: string): boolean {
  if (!IDENTIFIER.test(name)) return false;
  const escaped = name.replace(/\$/g, '\\$');
  return new RegExp(`(?<![\\p{L}\\p{N}_$])${escaped}(?![\\p{L}\\p{N}_$])`, 'u').test(message);
}

function isMarkerOrOwnPattern(text: string, vocabulary: PlaceholderVocabulary): boolean {
  const matches = (pattern: RegExp) => pattern.test(text);
  return vocabulary.messagePatterns.some(matches) || MARKER_PATTERNS.some(matches);
}

/**
 * Does the message a built-in placeholder error class (`NotImplementedError`)
 * carries explain a deliberate limitation rather than mark a gap? The class
 * name already says "not implemented"; a message that only repeats it ("Not
 * implemented yet"), is a marker ("TODO"), is a bare name (`'sync'`, the way a
 * stub names itself) or names nothing but the function it stands in is the
 * `todo!` meaning. A message with a subject of its own ("limit is not
 * implemented", "The emulator only supports id_token") or built from run-time
 * values (the request type that reached a `default:`) describes what this
 * working code does not do: the deliberate `unimplemented!` meaning, often a
 * server's 501 answer.
 */
function explainsLimitation(message: string, site: ThrowSite, vocabulary: PlaceholderVocabulary): boolean {
  const text = message.length > MAX_MESSAGE_LENGTH ? message.slice(0, MAX_MESSAGE_LENGTH) : message;
  if (isMarkerOrOwnPattern(text, vocabulary)) return false;
  if (LIMITATION.some((pattern) => pattern.test(text)) || /\bonly\b/i.test(text)) return true;
  const words = wordsOf(text);
  if (words.length > 0 && words.every((word) => word === DYNAMIC_TOKEN)) return true;
  // A bare name, with no sentence around it: `new NotImplementedError('Store.sync')`.
  if (!/\s/.test(text.trim()) && !text.includes(DYNAMIC_PART)) return false;
  const subject = words.filter(
    (word) => !CONTENTLESS_WORDS.has(word.toLowerCase()) && word !== site.functionName && word !== site.className,
  );
  return subject.length > 0;
}

/**
 * A concrete base class's method whose whole body throws a "not implemented"
 * message naming that same method (`install() { throw new Error('install() not
 * implemented'); }`): the JavaScript way of writing an abstract method, which
 * subclasses override. A message naming the method's own class (`Not
 * implemented for MemoryBackend`) says the same of one implementation: this one
 * deliberately leaves the member to another. The quick fix's `Method not
 * implemented.` names neither, and a marker (`TODO: install`) is still a
 * placeholder.
 */
function isOverriddenMethodStub(
  message: string | undefined,
  site: ThrowSite,
  vocabulary: PlaceholderVocabulary,
): boolean {
  if (message === undefined || site.isWholeMethodBody !== true || site.functionName === undefined) return false;
  const text = message.length > MAX_MESSAGE_LENGTH ? message.slice(0, MAX_MESSAGE_LENGTH) : message;
  if (isMarkerOrOwnPattern(text, vocabulary)) return false;
  return (
    namesIdentifier(text, site.functionName) || (site.className !== undefined && namesIdentifier(text, site.className))
  );
}

/**
 * Is this thrown value a placeholder, and why? `site` says where the `throw`
 * stands; without it, the value is judged on its own.
 */
export function classifyThrownValue(
  thrown: ThrownValue,
  vocabulary = EMPTY_VOCABULARY,
  site: ThrowSite | (() => ThrowSite) = {},
): Placeholder | undefined {
  const { errorClass, message } = thrown;
  // Given as a function, the site is found only for a value the checks below get as far as reading it for.
  let found: ThrowSite | undefined;
  const where = (): ThrowSite => (found ??= typeof site === 'function' ? site() : site);
  if (errorClass !== undefined && isPlaceholderErrorClass(errorClass, vocabulary)) {
    // A class named in the options marks unfinished code whatever its message says.
    if (vocabulary.errorClasses.has(errorClass)) return { kind: 'errorClass', errorClass };
    if (
      message !== undefined &&
      (isOverriddenMethodStub(message, where(), vocabulary) || explainsLimitation(message, where(), vocabulary))
    ) {
      return undefined;
    }
    return { kind: 'errorClass', errorClass };
  }
  if (errorClass !== undefined && !isErrorClassName(errorClass)) return undefined;
  if (
    message === undefined ||
    !isPlaceholderMessage(message, vocabulary) ||
    isOverriddenMethodStub(message, where(), vocabulary) ||
    isUnfinishedGuardMessage(message, where(), vocabulary) ||
    isDeliberateRefusal(errorClass, message, where(), vocabulary)
  ) {
    return undefined;
  }
  return { kind: 'message', message };
}

/** Error classes of the language and the DOM: what code throws at code, not what a program tells its user. */
const BUILT_IN_ERROR_CLASS =
  /^(?:Error|AggregateError|EvalError|RangeError|ReferenceError|SuppressedError|SyntaxError|TypeError|URIError|DOMException)$/;

/**
 * A program's own error class (`FirebaseError`, `CliError`) with a "not
 * implemented" text that has a subject of its own ("open is not yet
 * implemented") tells the user which feature is not available: a deliberate
 * refusal, the `unimplemented!` meaning, judged as a `NotImplementedError`'s
 * message is. `Error` and the built-in classes, and a text with no subject
 * (`Method not implemented.`), stay placeholders.
 */
function isDeliberateRefusal(
  errorClass: string | undefined,
  message: string,
  site: ThrowSite,
  vocabulary: PlaceholderVocabulary,
): boolean {
  if (errorClass === undefined || BUILT_IN_ERROR_CLASS.test(errorClass)) return false;
  return explainsLimitation(message, site, vocabulary);
}

/**
 * A bare marker as the message of a failure guard (`if (block == null) { throw
 * new Error('TODO'); }`) in a function that does other work: the check is
 * written and throws when it should; what is left to do is its text. Only a
 * TODO, FIXME, TBD or XXX marker: a text that says "not implemented", mentions
 * implementing or a stub, or matches `messagePatterns` marks missing code.
 */
function isUnfinishedGuardMessage(message: string, site: ThrowSite, vocabulary: PlaceholderVocabulary): boolean {
  if (site.isFailureGuard !== true) return false;
  const text = message.length > MAX_MESSAGE_LENGTH ? message.slice(0, MAX_MESSAGE_LENGTH) : message;
  const matches = (pattern: RegExp) => pattern.test(text);
  if (vocabulary.messagePatterns.some(matches) || NOT_IMPLEMENTED_PATTERNS.some(matches)) return false;
  return !/implement|\bstub\b/i.test(text);
}

/**
 * Does this thrown value say nothing but "not implemented" (`Method not
 * implemented.`, `new NotImplementedError()`)? That is what every method of a
 * hand-written interface says. A marker (`TODO:`), a message or error class of
 * the configuration, or a thrown value of any other kind says more.
 */
export function saysOnlyNotImplemented(thrown: ThrownValue, vocabulary = EMPTY_VOCABULARY): boolean {
  const { errorClass, message } = thrown;
  if (errorClass !== undefined) {
    if (vocabulary.errorClasses.has(errorClass)) return false;
    if (!PLACEHOLDER_ERROR_CLASS.test(errorClass) && !isErrorClassName(errorClass)) return false;
  }
  if (message === undefined || message === DYNAMIC_PART) {
    return errorClass !== undefined && PLACEHOLDER_ERROR_CLASS.test(errorClass);
  }
  const text = message.length > MAX_MESSAGE_LENGTH ? message.slice(0, MAX_MESSAGE_LENGTH) : message;
  return !isMarkerOrOwnPattern(text, vocabulary) && NOT_IMPLEMENTED_PATTERNS.some((pattern) => pattern.test(text));
}

/**
 * The shape of a function as far as "is it a placeholder helper?" goes:
 * its name, whether it declares a `never` return type, and, when its body is a
 * single `throw`, what that throws.
 */
export interface FunctionShape {
  readonly name: string | undefined;
  readonly declaresNever: boolean;
  /** The thrown value when the whole body is one `throw`; `null` when it is a `throw` of something else. */
  readonly soleThrow: ThrownValue | null | undefined;
}

/**
 * Is this function a placeholder helper? Either it carries a helper's name and
 * does nothing but throw (or declares it never returns), or it declares a
 * `never` return type and its whole body is a placeholder throw.
 */
export function isPlaceholderHelper(shape: FunctionShape, vocabulary = EMPTY_VOCABULARY): boolean {
  if (shape.name !== undefined && isPlaceholderHelperName(shape.name, vocabulary)) {
    return shape.declaresNever || shape.soleThrow !== undefined;
  }
  return (
    shape.declaresNever && shape.soleThrow != null && classifyThrownValue(shape.soleThrow, vocabulary) !== undefined
  );
}
