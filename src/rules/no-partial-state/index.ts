import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { createRule } from '../../util/create-rule.js';
import { isTestFile } from '../../util/test-files.js';
import { getTypeInformation } from '../../util/type-checker.js';
import { checkAssertion } from './asserted-literal.js';
import type { MessageIds, PartialStateFile } from './context.js';
import { definiteFieldListeners } from './definite-fields.js';
import { checkPropertyValue } from './filler-value.js';
import type { TypeAssertion } from './fillers.js';
import { DEFAULT_OPTIONS, type Options, OPTIONS_SCHEMA } from './options.js';

export type { Options } from './options.js';

export default createRule<Options, MessageIds>({
  name: 'no-partial-state',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow object literals asserted to a type they only partly build, filler property values that lie to the type checker, and `x!: T` fields nothing assigns',
      recommended: 'recommended',
      // `strict` lints test doubles too, and reports `{}` and partial literals asserted to a type without evidence of a read.
      strictOptions: [{ checkTestFiles: true, reportEmptyWithoutEvidence: true, reportPartialWithoutEvidence: true }],
      usesTypeInformation: true,
    },
    // The suggestion is made in missing-properties.ts, where this lint rule cannot see it.
    // eslint-disable-next-line eslint-plugin/require-meta-has-suggestions
    hasSuggestions: true,
    schema: [OPTIONS_SCHEMA],
    defaultOptions: [DEFAULT_OPTIONS],
    messages: {
      missingProperties:
        '`{{type}}` is asserted without {{properties}}: `undefined` at run time; supply them, or annotate instead.',
      incompleteBuilder:
        '`{{name}}` can be read while {{properties}} are still `undefined`; assign them on every path first.',
      emptyAsserted:
        '`{}` is asserted to be `{{type}}` but has none of its properties, all `undefined` at run time; build it, or annotate instead.',
      updatedBeforeSet:
        '`{{access}}` is updated on line {{line}} before anything sets it, so it starts from `undefined`; initialize it in the literal.',
      usedBeforeSet:
        '`{{access}}` is used on line {{line}} before anything sets it, so that line throws a `TypeError`; initialize it in the literal.',
      fillerValue: '`{{property}}: {{value}}` is {{actual}} at run time; supply the real value, or make it optional.',
      neverAssigned:
        'Nothing assigns `{{name}}!`, so it stays `undefined`; assign it in the constructor, or declare it optional.',
      annotateInstead:
        'Annotate the variable as `{{type}}` instead of asserting, so the compiler lists the missing properties.',
    },
  },
  create(context, [options]) {
    // Test doubles are partial objects on purpose: test files are linted only when asked for.
    if (!options.checkTestFiles && isTestFile(context.filename, context.cwd)) return {};
    const file: PartialStateFile = {
      context,
      sourceCode: context.sourceCode,
      types: getTypeInformation(context.sourceCode),
      options: { ...DEFAULT_OPTIONS, ...options },
    };
    // Only a property whose value is an assertion or `x!` can hold a filler (see `getFillerValue`): those values
    // check their property first, before the assertion itself, in the order a `Property` listener would.
    const checkValue = (node: TSESTree.Node): void => {
      const { parent } = node;
      if (parent?.type === AST_NODE_TYPES.Property && parent.value === node) checkPropertyValue(file, parent);
    };
    return {
      'TSAsExpression, TSTypeAssertion': (node: TypeAssertion) => {
        checkValue(node);
        checkAssertion(file, node);
      },
      TSNonNullExpression: checkValue,
      ...definiteFieldListeners(file),
    };
  },
});
