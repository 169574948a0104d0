import { AST_NODE_TYPES, type TSESLint } from '@typescript-eslint/utils';

import { isFunctionNode } from '../../util/ast.js';
import { createRule } from '../../util/create-rule.js';
import { createPlaceholderFile, type MessageIds, type Options, RULE_NAME } from './context.js';
import { checkCall, noteImport, noteNeverFunction, resolveCallsInFile } from './helper-calls.js';
import { checkThrow } from './placeholder-throws.js';

export default createRule<Options, MessageIds>({
  name: RULE_NAME,
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow placeholder throws and placeholder helper calls that stand in for unfinished code',
      recommended: 'recommended',
      usesTypeInformation: true,
    },
    schema: [
      {
        type: 'object',
        properties: {
          messagePatterns: {
            type: 'array',
            description:
              'Extra regular expression sources (matched case-insensitively) for error messages that mark unfinished code.',
            items: { type: 'string', format: 'regex' },
            uniqueItems: true,
          },
          errorClasses: {
            type: 'array',
            description: 'Extra error class names whose every throw marks unfinished code.',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
          },
          helpers: {
            type: 'array',
            description: 'Extra names of helper functions whose every call marks unfinished code.',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ messagePatterns: [], errorClasses: [], helpers: [] }],
    messages: {
      placeholderMessage:
        'Placeholder `{{text}}` throws as soon as this runs; write the missing code, or throw an error saying why this path cannot run.',
      placeholderErrorClass:
        '`{{errorClass}}` throws as soon as this runs; write the missing code, or throw an error saying why this path cannot run.',
      placeholderHelperCall:
        '`{{helper}}()` stands in for unfinished code and throws as soon as it runs; replace the call with the missing code.',
    },
  },
  create(context, [options]) {
    const file = createPlaceholderFile(context, options);
    return {
      ThrowStatement: (node) => checkThrow(file, node),
      CallExpression: (node) => checkCall(file, node),
      ImportSpecifier: (node) => noteImport(file, node),
      // A function that declares it never returns is found from its `never` (rare), not by visiting every function.
      TSNeverKeyword: (node) => {
        const annotation = node.parent;
        const fn = annotation.parent;
        if (annotation.type === AST_NODE_TYPES.TSTypeAnnotation && fn && isFunctionNode(fn))
          noteNeverFunction(file, fn);
      },
      'Program:exit': () => resolveCallsInFile(file),
    } satisfies TSESLint.RuleListener;
  },
});
