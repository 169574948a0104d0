import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { type FunctionNode, getEnclosingFunction, isFunctionNode } from '../../util/ast.js';
import { createRule } from '../../util/create-rule.js';
import { quote } from '../../util/text.js';
import { getTypeInformation } from '../../util/type-checker.js';
import { isPlaceholderHelperByType } from './helper-by-type.js';
import {
  classifyThrownValue,
  createPlaceholderVocabulary,
  isPlaceholderHelper,
  isPlaceholderHelperName,
  type PlaceholderVocabulary,
} from './placeholder.js';
import {
  calleeName,
  functionNameOf,
  functionShapeOf,
  type LiteralTypeOf,
  thrownValueOf,
  throwSiteOf,
} from './thrown-value.js';

const RULE_NAME = 'no-placeholder-throw';

type Options = [
  {
    messagePatterns?: string[];
    errorClasses?: string[];
    helpers?: string[];
  },
];
type MessageIds = 'placeholderMessage' | 'placeholderErrorClass' | 'placeholderHelperCall';

/** Messages are quoted in reports; a long one is cut. */
const MAX_QUOTED_LENGTH = 80;

export default createRule<Options, MessageIds>({
  name: RULE_NAME,
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow placeholder throws and placeholder helper calls that stand in for unfinished code',
      recommended: 'recommended',
      usesTypeInformation: true,
    },
    messages: {
      placeholderMessage:
        'Placeholder throw `{{message}}` stands in for unfinished code; it throws as soon as this runs. Write the missing code, or throw an error that says why this path cannot run.',
      placeholderErrorClass:
        '`{{errorClass}}` marks unfinished code; this throw fires as soon as it runs. Write the missing code, or throw an error that says why this path cannot run.',
      placeholderHelperCall:
        '`{{helper}}()` is a placeholder for unfinished code; it throws as soon as this call runs. Replace the call with the missing code.',
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
  },
  defaultOptions: [{ messagePatterns: [], errorClasses: [], helpers: [] }],
  create(context, [options]) {
    const vocabulary: PlaceholderVocabulary = createPlaceholderVocabulary(options, `defuse/${RULE_NAME}`);
    const { sourceCode } = context;

    // Type information only sharpens the rule; without a program it works on names and literals.
    const types = getTypeInformation(sourceCode);
    const literalTypeOf: LiteralTypeOf | undefined = types
      ? (node) => {
          const type = types.typeAt(node);
          return type?.isStringLiteral() ? type.value : undefined;
        }
      : undefined;

    /** A throw inside a placeholder helper's own definition is what the helper is for. */
    function isInsideHelperDefinition(node: TSESTree.ThrowStatement): boolean {
      const fn = getEnclosingFunction(node);
      if (!fn) return false;
      const shape = functionShapeOf(fn, sourceCode.getScope(fn), literalTypeOf);
      if (shape.name !== undefined && isPlaceholderHelperName(shape.name, vocabulary)) return true;
      return isPlaceholderHelper(shape, vocabulary);
    }

    /** Without types: what the file itself says about the function an identifier names. */
    function isPlaceholderHelperInFile(callee: TSESTree.Identifier): boolean {
      const variable = ASTUtils.findVariable(sourceCode.getScope(callee), callee);
      const definitions = variable?.defs ?? [];
      // Not declared in this file (a global): the name is all there is.
      if (definitions.length === 0) return isPlaceholderHelperName(callee.name, vocabulary);
      const [definition] = definitions;
      if (definitions.length > 1 || !definition) return false;
      if (definition.type === 'ImportBinding') {
        // A named import goes by the name it is exported under.
        return definition.node.type === AST_NODE_TYPES.ImportSpecifier
          ? helperAliases.has(callee.name)
          : isPlaceholderHelperName(callee.name, vocabulary);
      }
      let fn: TSESTree.Node | null | undefined;
      if (definition.type === 'FunctionName') fn = definition.node;
      else if (definition.type === 'Variable') fn = definition.node.init;
      if (fn?.type === AST_NODE_TYPES.TSDeclareFunction) return isPlaceholderHelperName(callee.name, vocabulary);
      if (!fn || !isFunctionNode(fn)) return false;
      const shape = functionShapeOf(fn, sourceCode.getScope(fn), literalTypeOf);
      return isPlaceholderHelper({ ...shape, name: callee.name }, vocabulary);
    }

    /**
     * Names of the file's functions that declare a `never` return type: the
     * only functions besides the named helpers that can be helpers by shape.
     * Calls of other names are not looked up at all.
     */
    const neverFunctionNames = new Set<string>();
    /** Local names of named imports of helpers: `import { todo as later } from '…'`. */
    const helperAliases = new Set<string>();
    const callsToResolveInFile: { node: TSESTree.CallExpression; callee: TSESTree.Identifier }[] = [];

    function noteNeverFunction(fn: FunctionNode): void {
      if (fn.returnType?.typeAnnotation.type !== AST_NODE_TYPES.TSNeverKeyword) return;
      const name = functionNameOf(fn);
      if (name !== undefined) neverFunctionNames.add(name);
    }

    function reportHelperCall(node: TSESTree.CallExpression, helper: string): void {
      context.report({ node, messageId: 'placeholderHelperCall', data: { helper } });
    }

    return {
      ThrowStatement(node) {
        const thrown = thrownValueOf(node.argument, sourceCode.getScope(node), literalTypeOf);
        if (!thrown) return;
        const placeholder = classifyThrownValue(thrown, vocabulary, throwSiteOf(node));
        if (!placeholder || isInsideHelperDefinition(node)) return;
        if (placeholder.kind === 'errorClass') {
          context.report({ node, messageId: 'placeholderErrorClass', data: { errorClass: placeholder.errorClass } });
        } else {
          context.report({
            node,
            messageId: 'placeholderMessage',
            data: { message: quote(placeholder.message, MAX_QUOTED_LENGTH) },
          });
        }
      },

      CallExpression(node) {
        const { callee } = node;
        if (callee.type !== AST_NODE_TYPES.Identifier && callee.type !== AST_NODE_TYPES.MemberExpression) return;
        const name = calleeName(callee);
        if (name === undefined) return;
        let isHelper: boolean | undefined;
        if (types) {
          const tsNode = types.tsNodeOf(callee.type === AST_NODE_TYPES.MemberExpression ? callee.property : callee);
          if (tsNode) isHelper = isPlaceholderHelperByType(types.program, tsNode, vocabulary);
        }
        if (isHelper === undefined && callee.type === AST_NODE_TYPES.Identifier) {
          callsToResolveInFile.push({ node, callee });
        } else if (isHelper) {
          reportHelperCall(node, name);
        }
      },

      ImportSpecifier(node) {
        const { imported } = node;
        const importedName = imported.type === AST_NODE_TYPES.Identifier ? imported.name : imported.value;
        if (isPlaceholderHelperName(importedName, vocabulary)) helperAliases.add(node.local.name);
      },

      FunctionDeclaration: noteNeverFunction,
      FunctionExpression: noteNeverFunction,
      ArrowFunctionExpression: noteNeverFunction,

      // Calls can come before the declarations they call; resolve them once every name is known.
      'Program:exit'() {
        for (const { node, callee } of callsToResolveInFile) {
          const { name } = callee;
          const candidate =
            isPlaceholderHelperName(name, vocabulary) || neverFunctionNames.has(name) || helperAliases.has(name);
          if (candidate && isPlaceholderHelperInFile(callee)) reportHelperCall(node, name);
        }
      },
    } satisfies TSESLint.RuleListener;
  },
});
