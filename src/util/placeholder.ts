import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';

import { type FunctionNode, getEnclosingFunction, skipWrappers, staticMemberName } from './ast.js';
import { askChecker, skipTsWrappers } from './type-checker.js';

/**
 * What counts as a placeholder: the texts, error classes and helpers that
 * stand in for code nobody wrote yet (Rust's `todo!()`). Every rule that asks
 * "is this a placeholder?" asks here, so the vocabulary lives in one place.
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

const EMPTY_VOCABULARY: PlaceholderVocabulary = {
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
}

/** Words a message can say around its subject without saying anything about it. */
const FILLER_WORDS = new Set([
  'a',
  'an',
  'the',
  'this',
  'is',
  'are',
  'was',
  'be',
  'been',
  'has',
  'have',
  'not',
  'yet',
  'still',
  'implemented',
  'unimplemented',
  'notimplemented',
  'implement',
  'me',
  'method',
  'function',
  'feature',
  'functionality',
  'code',
  'here',
  'error',
]);

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
    (word) => !FILLER_WORDS.has(word.toLowerCase()) && word !== site.functionName && word !== site.className,
  );
  return subject.length > 0;
}

/**
 * A concrete base class's method whose whole body throws a "not implemented"
 * message naming that same method (`install() { throw new Error('install() not
 * implemented'); }`): the JavaScript way of writing an abstract method, which
 * subclasses override. The quick fix's `Method not implemented.` names no
 * method, and a marker (`TODO: install`) is still a placeholder.
 */
function isOverriddenMethodStub(
  message: string | undefined,
  site: ThrowSite,
  vocabulary: PlaceholderVocabulary,
): boolean {
  if (message === undefined || site.isWholeMethodBody !== true || site.functionName === undefined) return false;
  const text = message.length > MAX_MESSAGE_LENGTH ? message.slice(0, MAX_MESSAGE_LENGTH) : message;
  return !isMarkerOrOwnPattern(text, vocabulary) && namesIdentifier(text, site.functionName);
}

/**
 * Is this thrown value a placeholder, and why? `site` says where the `throw`
 * stands; without it, the value is judged on its own.
 */
export function classifyThrownValue(
  thrown: ThrownValue,
  vocabulary = EMPTY_VOCABULARY,
  site: ThrowSite = {},
): Placeholder | undefined {
  const { errorClass, message } = thrown;
  if (errorClass !== undefined && isPlaceholderErrorClass(errorClass, vocabulary)) {
    // A class named in the options marks unfinished code whatever its message says.
    if (vocabulary.errorClasses.has(errorClass)) return { kind: 'errorClass', errorClass };
    if (
      message !== undefined &&
      (isOverriddenMethodStub(message, site, vocabulary) || explainsLimitation(message, site, vocabulary))
    ) {
      return undefined;
    }
    return { kind: 'errorClass', errorClass };
  }
  if (errorClass !== undefined && !isErrorClassName(errorClass)) return undefined;
  if (
    message !== undefined &&
    isPlaceholderMessage(message, vocabulary) &&
    !isOverriddenMethodStub(message, site, vocabulary)
  ) {
    return { kind: 'message', message };
  }
  return undefined;
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

// ---------------------------------------------------------------------------
// ESTree: the file being linted.
// ---------------------------------------------------------------------------

/** Reads a literal string type from the type checker, when the caller has one. */
export type LiteralTypeOf = (node: TSESTree.Node) => string | undefined;

type Scope = TSESLint.Scope.Scope;

/** The static name a callee goes by: `Error`, `errors.NotImplementedError`, `x['TypeError']`. */
export function calleeName(callee: TSESTree.Node): string | undefined {
  const node = skipWrappers(callee);
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  return node.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(node) : undefined;
}

/**
 * The text of a message, as far as it is known without running the code:
 * constants through `getStaticValue`, template literals and `+` chains on their
 * static parts, and (given `literalTypeOf`) anything whose type is a string
 * literal type.
 */
export function messageTextOf(
  node: TSESTree.Node,
  scope: Scope | undefined,
  literalTypeOf?: LiteralTypeOf,
): string | undefined {
  const expression = skipWrappers(node);
  const staticValue = ASTUtils.getStaticValue(expression, scope);
  if (staticValue) return typeof staticValue.value === 'string' ? staticValue.value : undefined;
  const partial = partialText(expression, scope, 0);
  if (partial !== undefined) return partial;
  return literalTypeOf?.(expression);
}

const MAX_CONCAT_DEPTH = 50;

/** Static parts of a template literal or `+` chain, with the dynamic parts elided. */
function partialText(node: TSESTree.Node, scope: Scope | undefined, depth: number): string | undefined {
  if (depth > MAX_CONCAT_DEPTH) return undefined;
  const part = (child: TSESTree.Node): string => {
    const inner = skipWrappers(child);
    const value = ASTUtils.getStaticValue(inner, scope);
    if (value) return String(value.value);
    return partialText(inner, scope, depth + 1) ?? DYNAMIC_PART;
  };
  if (node.type === AST_NODE_TYPES.TemplateLiteral) {
    return node.quasis
      .map((quasi, index) => {
        const expression = node.expressions[index];
        return (quasi.value.cooked ?? quasi.value.raw) + (expression ? part(expression) : '');
      })
      .join('');
  }
  if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+') {
    const left = part(node.left);
    const right = part(node.right);
    // A sum of two unknowns is no message at all.
    return left === DYNAMIC_PART && right === DYNAMIC_PART ? undefined : left + right;
  }
  return undefined;
}

/**
 * What a `throw` argument throws: `new E(message)` and `E(message)` give the
 * class and the message, a string or template literal gives the message. Any
 * other value (a rethrown `err`, a call of some factory) gives nothing.
 */
export function thrownValueOf(
  argument: TSESTree.Expression,
  scope: Scope | undefined,
  literalTypeOf?: LiteralTypeOf,
): ThrownValue | undefined {
  const node = skipWrappers(argument);
  if (node.type === AST_NODE_TYPES.NewExpression || node.type === AST_NODE_TYPES.CallExpression) {
    const errorClass = calleeName(node.callee);
    if (errorClass === undefined) return undefined;
    // The syntactic shape decides before any type is read.
    if (!isErrorClassName(errorClass) && !isPlaceholderErrorClass(errorClass)) return { errorClass };
    const [first] = node.arguments;
    if (!first) return { errorClass };
    // A message built at run time is known to be there, not what it says.
    const message =
      first.type === AST_NODE_TYPES.SpreadElement ? undefined : messageTextOf(first, scope, literalTypeOf);
    return { errorClass, message: message ?? DYNAMIC_PART };
  }
  if (
    (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') ||
    node.type === AST_NODE_TYPES.TemplateLiteral ||
    (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+')
  ) {
    const message = messageTextOf(node, scope);
    return message === undefined ? undefined : { message };
  }
  return undefined;
}

/** The name a function is known by: its own, or the variable, property or method it is assigned to. */
export function functionNameOf(node: FunctionNode): string | undefined {
  if (node.id) return node.id.name;
  const { parent } = node;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
    return parent.id.name;
  }
  if (
    (parent.type === AST_NODE_TYPES.MethodDefinition ||
      parent.type === AST_NODE_TYPES.Property ||
      parent.type === AST_NODE_TYPES.PropertyDefinition) &&
    !parent.computed
  ) {
    if (parent.key.type === AST_NODE_TYPES.Identifier) return parent.key.name;
    if (parent.key.type === AST_NODE_TYPES.Literal && typeof parent.key.value === 'string') return parent.key.value;
  }
  return undefined;
}

/** Where a `throw` stands: the function it is in, and whether it is the whole body of an overridable method. */
export function throwSiteOf(node: TSESTree.ThrowStatement): ThrowSite {
  const fn = getEnclosingFunction(node);
  if (!fn) return {};
  const isWholeBody =
    fn.body.type === AST_NODE_TYPES.BlockStatement && fn.body.body.length === 1 && fn.body.body[0] === node;
  const { parent } = fn;
  // `class Driver { install() { … } }`
  if (parent.type === AST_NODE_TYPES.MethodDefinition && parent.kind !== 'constructor') {
    const owner = parent.parent.parent;
    return {
      functionName: functionNameOf(fn),
      className: owner.id?.name,
      isWholeMethodBody: isWholeBody,
    };
  }
  // `Driver.prototype.install = function () { … }`
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === fn) {
    const target = parent.left;
    if (
      target.type === AST_NODE_TYPES.MemberExpression &&
      !target.computed &&
      target.property.type === AST_NODE_TYPES.Identifier &&
      target.object.type === AST_NODE_TYPES.MemberExpression &&
      !target.object.computed &&
      target.object.property.type === AST_NODE_TYPES.Identifier &&
      target.object.property.name === 'prototype' &&
      target.object.object.type === AST_NODE_TYPES.Identifier
    ) {
      return {
        functionName: target.property.name,
        className: target.object.object.name,
        isWholeMethodBody: isWholeBody,
      };
    }
  }
  return { functionName: functionNameOf(fn) };
}

/** The shape of a function in the linted file; see {@link isPlaceholderHelper}. */
export function functionShapeOf(
  node: FunctionNode,
  scope: Scope | undefined,
  literalTypeOf?: LiteralTypeOf,
): FunctionShape {
  const declaresNever = node.returnType?.typeAnnotation.type === AST_NODE_TYPES.TSNeverKeyword;
  let soleThrow: ThrownValue | null | undefined;
  if (node.body.type === AST_NODE_TYPES.BlockStatement && node.body.body.length === 1) {
    const [statement] = node.body.body;
    if (statement?.type === AST_NODE_TYPES.ThrowStatement) {
      soleThrow = thrownValueOf(statement.argument, scope, literalTypeOf) ?? null;
    }
  }
  return { name: functionNameOf(node), declaresNever, soleThrow };
}

// ---------------------------------------------------------------------------
// TypeScript: declarations the checker resolves, possibly in other files.
// ---------------------------------------------------------------------------

type TsFunction = ts.FunctionDeclaration | ts.MethodDeclaration | ts.FunctionExpression | ts.ArrowFunction;

/** Shapes are read once per declaration and program; the vocabulary is applied on each use. */
const shapeCache = new WeakMap<ts.Program, WeakMap<ts.Node, FunctionShape>>();

function tsLiteralType(checker: ts.TypeChecker, node: ts.Expression): string | undefined {
  const type = askChecker(() => checker.getTypeAtLocation(node));
  return type?.isStringLiteral() ? type.value : undefined;
}

function tsMessageText(checker: ts.TypeChecker, node: ts.Expression, depth: number): string | undefined {
  const expression = skipTsWrappers(node);
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return expression.text;
  if (depth > MAX_CONCAT_DEPTH) return undefined;
  const part = (child: ts.Expression): string => tsMessageText(checker, child, depth + 1) ?? DYNAMIC_PART;
  if (ts.isTemplateExpression(expression)) {
    return (
      expression.head.text + expression.templateSpans.map((span) => part(span.expression) + span.literal.text).join('')
    );
  }
  if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = part(expression.left);
    const right = part(expression.right);
    return left === DYNAMIC_PART && right === DYNAMIC_PART ? undefined : left + right;
  }
  return tsLiteralType(checker, expression);
}

function tsCalleeName(node: ts.Expression): string | undefined {
  const callee = skipTsWrappers(node);
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

function tsThrownValue(checker: ts.TypeChecker, argument: ts.Expression): ThrownValue | undefined {
  const node = skipTsWrappers(argument);
  if (ts.isNewExpression(node) || ts.isCallExpression(node)) {
    const errorClass = tsCalleeName(node.expression);
    if (errorClass === undefined) return undefined;
    if (!isErrorClassName(errorClass) && !isPlaceholderErrorClass(errorClass)) return { errorClass };
    const first = node.arguments?.[0];
    if (!first) return { errorClass };
    const message = ts.isSpreadElement(first) ? undefined : tsMessageText(checker, first, 0);
    return { errorClass, message: message ?? DYNAMIC_PART };
  }
  if (
    ts.isStringLiteral(node) ||
    ts.isNoSubstitutionTemplateLiteral(node) ||
    ts.isTemplateExpression(node) ||
    ts.isBinaryExpression(node)
  ) {
    const message = tsMessageText(checker, node, 0);
    return message === undefined ? undefined : { message };
  }
  return undefined;
}

/** The function a declaration defines, if it defines one with a body. */
function tsFunctionOf(declaration: ts.Declaration): TsFunction | undefined {
  if ((ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration)) && declaration.body) {
    return declaration;
  }
  if (
    (ts.isVariableDeclaration(declaration) ||
      ts.isPropertyDeclaration(declaration) ||
      ts.isPropertyAssignment(declaration)) &&
    declaration.initializer
  ) {
    const initializer = skipTsWrappers(declaration.initializer);
    if (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)) return initializer;
  }
  return undefined;
}

function tsFunctionShape(checker: ts.TypeChecker, fn: TsFunction, name: string): FunctionShape {
  const declaresNever = fn.type?.kind === ts.SyntaxKind.NeverKeyword;
  let soleThrow: ThrownValue | null | undefined;
  const { body } = fn;
  if (body && ts.isBlock(body) && body.statements.length === 1) {
    const [statement] = body.statements;
    if (statement && ts.isThrowStatement(statement)) {
      soleThrow = tsThrownValue(checker, statement.expression) ?? null;
    }
  }
  return { name, declaresNever, soleThrow };
}

/** The symbol an import or export alias stands for (through every re-export), or the symbol itself. */
function resolveAlias(checker: ts.TypeChecker, symbol: ts.Symbol): ts.Symbol {
  if (!(symbol.flags & ts.SymbolFlags.Alias)) return symbol;
  return askChecker(() => checker.getAliasedSymbol(symbol)) ?? symbol;
}

/**
 * The shape of the function a symbol resolves to (through import and export
 * aliases, into other files), or `undefined` when it resolves to no function
 * with a body (an ambient declaration, a value of some other kind). Cached per
 * program and declaration.
 */
function resolvedFunctionShape(program: ts.Program, symbol: ts.Symbol): FunctionShape | undefined {
  const checker = program.getTypeChecker();
  const target = resolveAlias(checker, symbol);
  const declarations = target.getDeclarations() ?? [];
  let fn: TsFunction | undefined;
  let declaration: ts.Declaration | undefined;
  for (const candidate of declarations) {
    fn = tsFunctionOf(candidate);
    if (fn) {
      declaration = candidate;
      break;
    }
  }
  if (!fn || !declaration) return undefined;

  let byDeclaration = shapeCache.get(program);
  if (!byDeclaration) {
    byDeclaration = new WeakMap();
    shapeCache.set(program, byDeclaration);
  }
  const cached = byDeclaration.get(declaration);
  if (cached) return cached;
  const shape = tsFunctionShape(checker, fn, target.getName());
  byDeclaration.set(declaration, shape);
  return shape;
}

function callSignaturesReturnNever(checker: ts.TypeChecker, callee: ts.Node): boolean {
  return (
    askChecker(() => {
      const signatures = checker.getTypeAtLocation(callee).getCallSignatures();
      return (
        signatures.length > 0 &&
        signatures.every((signature) => (checker.getReturnTypeOfSignature(signature).flags & ts.TypeFlags.Never) !== 0)
      );
    }) ?? false
  );
}

/**
 * Type-aware: is the function a callee resolves to (also in another module,
 * through import aliases) a placeholder helper? `undefined` when the checker
 * knows no symbol for it, so the caller falls back to what the file says.
 * The same goes for an import the checker cannot resolve.
 * A function with a body is judged by {@link isPlaceholderHelper}; one without
 * (an ambient `declare function todo(): never`) by its helper name and a
 * `never` return type.
 */
export function isPlaceholderHelperByType(
  program: ts.Program,
  callee: ts.Node,
  vocabulary = EMPTY_VOCABULARY,
): boolean | undefined {
  const checker = program.getTypeChecker();
  const symbol = askChecker(() => checker.getSymbolAtLocation(callee));
  if (!symbol) return undefined;
  const target = resolveAlias(checker, symbol);
  // An import the checker cannot resolve ends at its "unknown" symbol, declared nowhere.
  if ((target.getDeclarations()?.length ?? 0) === 0) return undefined;
  const shape = resolvedFunctionShape(program, symbol);
  if (shape) return isPlaceholderHelper(shape, vocabulary);
  return isPlaceholderHelperName(target.getName(), vocabulary) && callSignaturesReturnNever(checker, callee);
}
