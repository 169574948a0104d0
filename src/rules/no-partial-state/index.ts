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
    // The suggestion is made in missing-properties.ts, where this lint rule cannot see it.
    // eslint-disable-next-line eslint-plugin/require-meta-has-suggestions
    hasSuggestions: true,
    schema: [],
    messages: {
      missingProperties:
        '`{{type}}` is asserted without {{properties}}: `undefined` at run time; supply them, or annotate instead.',
      incompleteBuilder:
        '`{{name}}` can be read while {{properties}} are still `undefined`; assign them on every path first.',
      emptyAsserted:
        '`{}` is asserted to be `{{type}}` but has none of its properties, all `undefined` at run time; build it, or annotate instead.',
      fillerValue: '`{{property}}: {{value}}` is {{actual}} at run time; supply the real value, or make it optional.',
      neverAssigned:
        'Nothing assigns `{{name}}!`, so it stays `undefined`; assign it in the constructor, or declare it optional.',
      annotateInstead:
        'Annotate the variable as `{{type}}` instead of asserting, so the compiler lists the missing properties.',
    },
  },
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
