import rule from '../../../src/rules/no-placeholder-throw/index.js';
import { createJsRuleTester, createRuleTester, createTypedRuleTester } from '../../rule-tester.js';
import { locate } from '../../util/probe-rule.js';

/*
 * The last branch of a dispatch on one discriminant (a `switch`'s `default:`,
 * the final `else` of an `if (x === A) … else if (x === B) …` chain, the
 * statement after a run of `if (x === A) return …;`). Without types, a dispatch
 * that lists two or more different constants is left alone: its last branch
 * guards the values the author did not list. With types, the branch is left
 * alone only when every member of the discriminant's type has its case.
 */

const lines = (...parts: string[]) => parts.join('\n');

function message(code: string, statement: string, text: string, occurrence = 0) {
  return { messageId: 'placeholderMessage' as const, data: { text }, ...locate(code, statement, occurrence) };
}

function errorClass(code: string, statement: string, name: string) {
  return { messageId: 'placeholderErrorClass' as const, data: { errorClass: name }, ...locate(code, statement) };
}

function helperCall(code: string, call: string, helper: string, occurrence = 0) {
  return { messageId: 'placeholderHelperCall' as const, data: { helper }, ...locate(code, call, occurrence) };
}

/** A reducer: two actions, and a `default:` for any other. */
const reducer = lines(
  'export function cartReducer(state, action) {',
  '  switch (action.type) {',
  "    case 'add':",
  '      return [...state, action.item];',
  "    case 'remove':",
  '      return state.filter((item) => item.id !== action.id);',
  '    default:',
  "      throw new Error('Not implemented');",
  '  }',
  '}',
);
/** A compiled enum (numbers with the member names in comments) and a helper in the final `else`. */
const compiledEnum = lines(
  'function notImplemented() {',
  "  throw new Error('Not implemented');",
  '}',
  'export function openHandle(mode, path) {',
  '  let handle;',
  '  if (mode === 0 /* Read */) {',
  '    handle = openForReading(path);',
  '  } else if (mode === 1 /* Write */) {',
  '    handle = openForWriting(path);',
  '  } else {',
  '    notImplemented();',
  '  }',
  '  return handle;',
  '}',
);
/** A run of early returns on one discriminant, then a marker. */
const earlyReturns = lines(
  'export function serialize(rows, format) {',
  "  if (format === 'csv') return toCsv(rows);",
  "  if (format === 'json') {",
  '    return JSON.stringify(rows);',
  '  }',
  "  throw new Error('TODO');",
  '}',
);
/** The same with `else if`, and no last `else`. */
const elseIfReturns = lines(
  'export function parse(text, syntax) {',
  "  if (syntax === 'yaml') {",
  '    return parseYaml(text);',
  "  } else if (syntax === 'toml') {",
  '    return parseToml(text);',
  '  }',
  "  throw new Error('Not implemented');",
  '}',
);
/** `||` of comparisons is one case for each constant, and the branch may log first. */
const disjunction = lines(
  'export function toMilliseconds(amount, unit) {',
  "  if (unit === 'ms' || unit === 'milliseconds') {",
  '    return amount;',
  "  } else if ('s' === unit) {",
  '    return amount * 1000;',
  '  } else {',
  "    console.warn('unit', unit);",
  "    throw new Error('Not implemented yet');",
  '  }',
  '}',
);
/** Constants declared in the file, and enum-like members. */
const namedConstants = lines(
  "const READ = 'read';",
  "const WRITE = 'write';",
  'export function permissionFor(operation) {',
  '  switch (operation) {',
  '    case READ:',
  '      return Permission.Read;',
  '    case WRITE: {',
  '      return Permission.Write;',
  '    }',
  '    default:',
  '      throw new NotImplementedError();',
  '  }',
  '}',
);
const importedConstants = lines(
  "import { CREATED, DELETED } from './events.js';",
  'export function onEvent(event) {',
  '  if (event.type === CREATED) {',
  '    return insert(event.record);',
  '  } else if (event.type === DELETED) {',
  '    return remove(event.record.id);',
  '  } else {',
  "    throw new Error('TODO');",
  '  }',
  '}',
);
const enumMembers = lines(
  'export function describe(node) {',
  '  switch (node.kind) {',
  '    case ts.SyntaxKind.Identifier:',
  '      return node.text;',
  '    case ts.SyntaxKind.StringLiteral:',
  '      return JSON.stringify(node.text);',
  '    default:',
  '      return unimplemented();',
  '  }',
  '}',
);
/** Cases that end in an `if … else` that returns either way, and early `continue`s in a loop. */
const branchingCase = lines(
  'export function label(status, short) {',
  '  switch (status) {',
  "    case 'open':",
  "      return 'Open';",
  "    case 'closed':",
  '      if (short) {',
  "        return 'C';",
  '      } else {',
  "        return 'Closed';",
  '      }',
  '    default:',
  "      throw new Error('Not implemented');",
  '  }',
  '}',
);
const loopContinues = lines(
  'export function apply(changes, store) {',
  '  for (const change of changes) {',
  "    if (change.op === 'set') {",
  '      store.set(change.key, change.value);',
  '      continue;',
  '    }',
  "    if (change.op === 'delete') continue;",
  '    throw new NotImplementedError();',
  '  }',
  '}',
);
/** A dispatch on `typeof`. */
const typeofDispatch = lines(
  'export function format(value) {',
  "  if (typeof value === 'string') {",
  '    return value;',
  "  } else if (typeof value === 'number') {",
  '    return value.toFixed(2);',
  '  }',
  '  else {',
  "    throw new Error('Method not implemented.');",
  '  }',
  '}',
);

createJsRuleTester().run('no-placeholder-throw: last branch of a dispatch, without types', rule, {
  valid: [
    reducer,
    compiledEnum,
    earlyReturns,
    elseIfReturns,
    disjunction,
    namedConstants,
    importedConstants,
    enumMembers,
    typeofDispatch,
    branchingCase,
    loopContinues,
  ],
  invalid: [],
});

/** One case: the last branch is the other half, often still to be written. */
const oneCase = lines(
  'export async function signIn(provider) {',
  "  if (provider === 'github') {",
  '    return signInWithGitHub();',
  '  } else {',
  "    throw new Error('Not implemented');",
  '  }',
  '}',
);
const oneEarlyReturn = lines(
  'export function exportTo(target) {',
  "  if (target === 's3') return uploadToS3();",
  "  throw new Error('TODO');",
  '}',
);
/** The same constant twice is still one case. */
const sameConstant = oneCase.replace(
  '  } else {\n    throw',
  "  } else if (provider === 'github') {\n    return signInWithGitHub();\n  } else {\n    throw",
);
/** Values that are not constants: a parameter and a call. */
const variables = lines(
  'export function roleLabel(role, owner, admin) {',
  '  switch (role) {',
  '    case owner:',
  "      return 'Owner';",
  '    case admin.role():',
  "      return 'Admin';",
  '    default:',
  '      throw new NotImplementedError();',
  '  }',
  '}',
);
/** Each test on another expression: no single discriminant. */
const mixedTests = lines(
  'export function price(plan, user) {',
  "  if (plan === 'pro') {",
  '    return 20;',
  '  } else if (user.isAdmin === true) {',
  '    return 0;',
  '  } else {',
  '    return todo();',
  '  }',
  '}',
);
/** A listed value falls through into the `default:`. */
const fallThrough = lines(
  'export function color(state) {',
  '  switch (state) {',
  "    case 'ok':",
  "      return 'green';",
  "    case 'warn':",
  '    default:',
  "      throw new Error('Not implemented');",
  '  }',
  '}',
);
/** A listed case that may fall through: its `if` has no `else`. */
const mayFallThrough = lines(
  'export function retryDelay(failure, attempt) {',
  '  switch (failure) {',
  "    case 'timeout':",
  '      return 1000 * attempt;',
  "    case 'throttled':",
  '      if (attempt < 3) {',
  '        return 5000;',
  '      }',
  '    default:',
  '      return todo();',
  '  }',
  '}',
);
/** A chain whose last `else` goes on to the placeholder: a listed value reaches it. */
const elseGoesOn = lines(
  'export function parse(text, syntax) {',
  "  if (syntax === 'yaml') {",
  '    return parseYaml(text);',
  "  } else if (syntax === 'toml') {",
  '    warnOnce(syntax);',
  '  }',
  "  throw new Error('Not implemented');",
  '}',
);
/** `switch (true)` compares no value with constants. */
const switchTrue = lines(
  'export function bucket(size) {',
  '  switch (true) {',
  '    case size < 10:',
  "      return 'small';",
  '    case size < 100:',
  "      return 'medium';",
  '    default:',
  "      throw new Error('TODO');",
  '  }',
  '}',
);
/** A placeholder in a listed case, and one that does not end the dispatch. */
const listedCase = lines(
  'export function render(block) {',
  '  switch (block.type) {',
  "    case 'text':",
  '      return renderText(block);',
  "    case 'image':",
  "      throw new Error('Not implemented yet: image case');",
  "    case 'video':",
  '      return renderVideo(block);',
  '    default:',
  '      return null;',
  '  }',
  '}',
);
/** An `if` that does not leave the function ends the run of early returns. */
const notReturning = lines(
  'export function handle(event) {',
  "  if (event === 'open') return onOpen();",
  "  if (event === 'close') log('closing');",
  "  throw new Error('Not implemented');",
  '}',
);

createJsRuleTester().run('no-placeholder-throw: not the last branch of a dispatch, without types', rule, {
  valid: [],
  invalid: [
    { code: oneCase, errors: [message(oneCase, "throw new Error('Not implemented');", 'Not implemented')] },
    { code: oneEarlyReturn, errors: [message(oneEarlyReturn, "throw new Error('TODO');", 'TODO')] },
    { code: sameConstant, errors: [message(sameConstant, "throw new Error('Not implemented');", 'Not implemented')] },
    { code: variables, errors: [errorClass(variables, 'throw new NotImplementedError();', 'NotImplementedError')] },
    { code: mixedTests, errors: [helperCall(mixedTests, 'todo()', 'todo')] },
    { code: fallThrough, errors: [message(fallThrough, "throw new Error('Not implemented');", 'Not implemented')] },
    { code: mayFallThrough, errors: [helperCall(mayFallThrough, 'todo()', 'todo')] },
    { code: elseGoesOn, errors: [message(elseGoesOn, "throw new Error('Not implemented');", 'Not implemented')] },
    { code: switchTrue, errors: [message(switchTrue, "throw new Error('TODO');", 'TODO')] },
    {
      code: listedCase,
      errors: [
        message(listedCase, "throw new Error('Not implemented yet: image case');", 'Not implemented yet: image case'),
      ],
    },
    { code: notReturning, errors: [message(notReturning, "throw new Error('Not implemented');", 'Not implemented')] },
  ],
});

/** TypeScript without types: the same policy. */
const typedSource = lines(
  "type Format = 'csv' | 'json' | 'xml';",
  'export function serialize(rows: Row[], format: Format): string {',
  "  if (format === 'csv') return toCsv(rows);",
  "  if (format === 'json') return JSON.stringify(rows);",
  "  throw new Error('Not implemented');",
  '}',
);

/** The `default:` SonarJS's quick fix adds to a switch that lists its cases. */
const quickFixDefault = lines(
  'export function logLevel(level: string): number {',
  '  switch (level) {',
  "    case 'debug':",
  '      return 10;',
  "    case 'info':",
  '      return 20;',
  '    default: {',
  "      throw new Error('Not implemented yet');",
  '    }',
  '  }',
  '}',
);

createRuleTester().run('no-placeholder-throw: last branch of a dispatch, TypeScript without types', rule, {
  valid: [typedSource, quickFixDefault],
  invalid: [],
});

/** With types, the branch is left alone only when the type checker proves it unreachable. */
const exhaustiveReturns = typedSource.replace(" | 'xml'", '');
const exhaustiveDisjunction = lines(
  "type Unit = 'ms' | 'milliseconds' | 's';",
  'export function toMilliseconds(amount: number, unit: Unit): number {',
  "  if (unit === 'ms' || unit === 'milliseconds') {",
  '    return amount;',
  "  } else if (unit === 's') {",
  '    return amount * 1000;',
  '  } else {',
  "    throw new Error('Not implemented yet');",
  '  }',
  '}',
);
const exhaustiveBranching = lines(
  "type Status = 'open' | 'closed';",
  'export function label(status: Status, short: boolean): string {',
  '  switch (status) {',
  "    case 'open':",
  "      return 'Open';",
  "    case 'closed':",
  "      if (short) return 'C';",
  "      else return 'Closed';",
  '    default:',
  "      throw new Error('Not implemented');",
  '  }',
  '}',
);
const typedFallThrough = lines(
  "type State = 'ok' | 'warn';",
  'export function color(state: State): string {',
  '  switch (state) {',
  "    case 'ok':",
  "      return 'green';",
  "    case 'warn':",
  '    default:',
  "      throw new Error('Not implemented');",
  '  }',
  '}',
);

createTypedRuleTester().run('no-placeholder-throw: last branch of a dispatch, type-aware', rule, {
  valid: [exhaustiveReturns, exhaustiveDisjunction, exhaustiveBranching],
  invalid: [
    // `xml` has no case: the branch runs for it.
    { code: typedSource, errors: [message(typedSource, "throw new Error('Not implemented');", 'Not implemented')] },
    // `warn` falls through into the `default:`.
    {
      code: typedFallThrough,
      errors: [message(typedFallThrough, "throw new Error('Not implemented');", 'Not implemented')],
    },
  ],
});
