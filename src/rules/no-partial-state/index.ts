import type { TSESTree } from '@typescript-eslint/utils';

import { createRule } from '../../util/create-rule.js';
import { getTypeInformation } from '../../util/type-checker.js';
import { checkAssertion } from './asserted-literal.js';
import type { MessageIds, PartialStateFile } from './context.js';
import { definiteFieldListeners } from './definite-fields.js';
import { checkPropertyValue } from './filler-value.js';
import type { TypeAssertion } from './fillers.js';

export default createRule<[], MessageIds>({
  name: 'no-partial-state',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow object literals asserted to a type they only partly build, filler property values that lie to the type checker, and `x!: T` fields nothing assigns',
      recommended: 'recommended',
      usesTypeInformation: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      missingProperties:
        '`{{type}}` is asserted but {{missing}}. The assertion compiles because TypeScript only checks that the types overlap; at run time they are `undefined`, so the first use throws (TypeError: Cannot read properties of undefined) or computes with `undefined` (NaN). Supply them, or annotate instead of asserting so the compiler lists what is missing.',
      incompleteBuilder:
        '`{{type}}` is asserted on `{{name}}` and filled in afterwards, but {{missing}}. Until they are set they are `undefined`, so the first use throws (TypeError: Cannot read properties of undefined) or computes with `undefined` (NaN). Assign them on every path before `{{name}}` is used, or make them optional in the type.',
      emptyAsserted:
        '`{}` is asserted to be `{{type}}`, but it has none of its properties. The assertion compiles; at run time every property is `undefined`, so the first use throws (TypeError: Cannot read properties of undefined) or computes with `undefined` (NaN). Build the object with its properties, or annotate instead of asserting so the compiler lists what is missing.',
      fillerValue:
        '`{{property}}` is set to `{{value}}`, a filler that tells the type checker a value is there: at run time it is {{runtime}}, and the first use throws (TypeError: Cannot read properties of {{error}}). Supply the real value, or make `{{property}}` optional in the type and check it before use.',
      neverAssigned:
        '`{{name}}` is declared with a definite-assignment assertion (`!`), but nothing in the class assigns it: it stays `undefined`, and the first use throws (TypeError: Cannot read properties of undefined). Assign it in the constructor or an initializer, or declare it optional (`{{name}}?:`) and check it before use.',
      annotateInstead:
        'Annotate the variable as `{{type}}` instead of asserting, so the compiler lists the missing properties.',
    },
  },
  defaultOptions: [],
  create(context) {
    const file: PartialStateFile = {
      context,
      sourceCode: context.sourceCode,
      types: getTypeInformation(context.sourceCode),
    };
    return {
      'TSAsExpression, TSTypeAssertion': (node: TypeAssertion) => checkAssertion(file, node),
      Property: (node: TSESTree.Property) => checkPropertyValue(file, node),
      ...definiteFieldListeners(file),
    };
  },
});
