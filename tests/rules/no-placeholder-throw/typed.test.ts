import rule from '../../../src/rules/no-placeholder-throw/index.js';
import { createTypedRuleTester } from '../../rule-tester.js';
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
const globalHelper = 'declare global {\n  function todo(): never;\n}\ntodo();\nexport {};';

createTypedRuleTester().run('no-placeholder-throw: callees the checker is asked about', rule, {
  valid: [
    // Local functions, variables and parameters that go by no helper's name.
    'function total(items: number[]): number {\n  return items.reduce((a, b) => a + b, 0);\n}\ntotal([1, 2]);',
    "import { fail } from './placeholder-helpers.js';\nconst later = fail;\nlater('bad input');",
    'export function run(callback: () => void) {\n  callback();\n}',
  ],
  invalid: [
    // A default import goes by the name its module gives it: the checker is asked.
    { code: defaultImport, errors: [helperCall(defaultImport, 'finishLater()', 'finishLater')] },
    // A named import under another name goes by its imported name.
    { code: renamed, errors: [helperCall(renamed, 'later()', 'later')] },
    // A global declared elsewhere goes by its own name.
    { code: globalHelper, errors: [helperCall(globalHelper, 'todo()', 'todo', 1)] },
  ],
});
