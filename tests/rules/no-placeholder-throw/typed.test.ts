import rule from '../../../src/rules/no-placeholder-throw/index.js';
import { createRuleTester, createTypedRuleTester } from '../../rule-tester.js';
import { locate } from '../../util/probe-rule.js';

/*
 * Type-aware calls: which callees the checker is asked about (only those whose
 * declaration could go by a helper's name), and what it then answers.
 */

function helperCall(code: string, call: string, helper: string, occurrence = 0) {
  return {
    messageId: 'placeholderHelperCall' as const,
    data: { helper },
    ...locate(code, call, occurrence),
  };
}

const defaultImport = "import finishLater from './placeholder-default.js';\nexport const refund = () => finishLater();";
const renamed = "import { stubbed as later } from './placeholder-helpers.js';\nlater();";
const loadedModule = "export async function load() {\n  (await import('./placeholder-reexport.js')).later();\n}";
const typedModule = "export function run(dev: typeof import('./placeholder-reexport.js')) {\n  dev.later();\n}";
const globalHelper = 'declare global {\n  function todo(): never;\n}\ntodo();\nexport {};';

createTypedRuleTester().run('no-placeholder-throw: callees the checker is asked about', rule, {
  valid: [
    // Local functions, variables and parameters that go by no helper's name.
    'function total(items: number[]): number {\n  return items.reduce((a, b) => a + b, 0);\n}\ntotal([1, 2]);',
    "import { fail } from './placeholder-helpers.js';\nconst later = fail;\nlater('bad input');",
    'export function run(callback: () => void) {\n  callback();\n}',
    // A member named like an export alias (`export { pending as later }`), of an object that is no module.
    'const queue = { later(): number { return 1; } };\nqueue.later();',
  ],
  invalid: [
    // A default import goes by the name its module gives it: the checker is asked.
    { code: defaultImport, errors: [helperCall(defaultImport, 'finishLater()', 'finishLater')] },
    // A named import under another name goes by its imported name.
    { code: renamed, errors: [helperCall(renamed, 'later()', 'later')] },
    // A member that only an export names, read off a module object that a load or an import type gives.
    {
      code: loadedModule,
      errors: [helperCall(loadedModule, "(await import('./placeholder-reexport.js')).later()", 'later')],
    },
    { code: typedModule, errors: [helperCall(typedModule, 'dev.later()', 'later')] },
    // A global declared elsewhere goes by its own name.
    { code: globalHelper, errors: [helperCall(globalHelper, 'todo()', 'todo', 1)] },
  ],
});

const lines = (...parts: string[]) => parts.join('\n');

function messageAt(code: string, statement: string, text: string) {
  return { messageId: 'placeholderMessage' as const, data: { text }, ...locate(code, statement) };
}

/** Every member of `Kind` has its case: the `default:` cannot run. */
const exhaustiveSwitch = lines(
  "type Kind = 'join' | 'leave';",
  'export function handle(kind: Kind): number {',
  '  switch (kind) {',
  "    case 'join':",
  '      return 1;',
  "    case 'leave':",
  '      return 2;',
  '    default:',
  "      throw new Error('Not implemented');",
  '  }',
  '}',
);
/** The same chain as `if … else if … else`, on an enum, with a helper in the last `else`. */
const exhaustiveChain = lines(
  "function notImplemented(): never {\n  throw new Error('Not implemented');\n}",
  'enum BuilderKind {',
  '  Semantic,',
  '  Emit,',
  '}',
  'export function build(kind: BuilderKind): string {',
  '  if (kind === BuilderKind.Semantic) {',
  "    return 'semantic';",
  '  } else if (BuilderKind.Emit === kind) {',
  "    return 'emit';",
  '  } else {',
  '    return notImplemented();',
  '  }',
  '}',
);
const missingCase = exhaustiveSwitch.replace("type Kind = 'join' | 'leave';", "type Kind = 'join' | 'leave' | 'kick';");
const openString = exhaustiveSwitch.replace("type Kind = 'join' | 'leave';", 'type Kind = string;');
const missingMember = exhaustiveChain.replace('  Emit,', '  Emit,\n  Watch,');
const unfilledCase = lines(
  "type Kind = 'join' | 'leave';",
  'export function handle(kind: Kind): number {',
  '  switch (kind) {',
  "    case 'join':",
  '      return 1;',
  "    case 'leave':",
  "      throw new Error('Not implemented yet: leave case');",
  '    default:',
  '      return 0;',
  '  }',
  '}',
);

createTypedRuleTester().run('no-placeholder-throw: exhaustive default, type-aware', rule, {
  valid: [exhaustiveSwitch, exhaustiveChain],
  invalid: [
    // A member with no case of its own reaches the `default:`.
    {
      code: missingCase,
      errors: [messageAt(missingCase, "throw new Error('Not implemented');", 'Not implemented')],
    },
    { code: openString, errors: [messageAt(openString, "throw new Error('Not implemented');", 'Not implemented')] },
    { code: missingMember, errors: [helperCall(missingMember, 'notImplemented()', 'notImplemented', 1)] },
    // The case that `switch-exhaustiveness-check` added, still unfilled.
    {
      code: unfilledCase,
      errors: [
        messageAt(
          unfilledCase,
          "throw new Error('Not implemented yet: leave case');",
          'Not implemented yet: leave case',
        ),
      ],
    },
  ],
});

createRuleTester().run('no-placeholder-throw: exhaustive default, without types', rule, {
  // Without types, a dispatch that lists two or more constants names the values it expects: the last branch
  // guards the rest (see dispatch.test.ts).
  valid: [exhaustiveSwitch, exhaustiveChain],
  invalid: [
    // With one case, the last branch is the other half and stays reported.
    {
      code: exhaustiveChain.replace("  } else if (BuilderKind.Emit === kind) {\n    return 'emit';\n", ''),
      errors: [
        helperCall(
          exhaustiveChain.replace("  } else if (BuilderKind.Emit === kind) {\n    return 'emit';\n", ''),
          'notImplemented()',
          'notImplemented',
          1,
        ),
      ],
    },
  ],
});
