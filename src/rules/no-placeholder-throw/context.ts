import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getTypeInformation, type TypeInformation } from '../../util/type-checker.js';
import { createPlaceholderVocabulary, type PlaceholderVocabulary } from './placeholder.js';
import type { LiteralTypeOf } from './thrown-value.js';

export const RULE_NAME = 'no-placeholder-throw';

export type Options = [
  {
    messagePatterns?: string[];
    errorClasses?: string[];
    helpers?: string[];
  },
];
export type MessageIds = 'placeholderMessage' | 'placeholderErrorClass' | 'placeholderHelperCall';

/** The file being linted, with the vocabulary its configuration gives and what is learnt while traversing it. */
export interface PlaceholderFile {
  readonly context: Readonly<TSESLint.RuleContext<MessageIds, Options>>;
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly vocabulary: PlaceholderVocabulary;
  /** Type information only sharpens the rule; without a program it works on names and literals. */
  readonly types: TypeInformation | undefined;
  readonly literalTypeOf: LiteralTypeOf | undefined;
  /**
   * Names of the file's functions that declare a `never` return type: the
   * only functions besides the named helpers that can be helpers by shape.
   * Calls of other names are not looked up at all.
   */
  readonly neverFunctionNames: Set<string>;
  /** Local names of named imports of helpers: `import { todo as later } from '…'`. */
  readonly helperAliases: Set<string>;
  /** Calls the type checker could not resolve: judged by what the file says, once all of it is seen. */
  readonly callsToResolveInFile: { node: TSESTree.CallExpression; callee: TSESTree.Identifier }[];
  /** Whether each class of the file is a hand-written interface, judged once per class. */
  readonly interfaceClasses: Map<TSESTree.ClassDeclaration | TSESTree.ClassExpression, boolean>;
}

/** Expressions whose value is an object, so their type is no string literal type. */
const OBJECT_VALUES: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.ObjectExpression,
  AST_NODE_TYPES.ArrayExpression,
  AST_NODE_TYPES.ArrowFunctionExpression,
  AST_NODE_TYPES.FunctionExpression,
  AST_NODE_TYPES.ClassExpression,
]);

export function createPlaceholderFile(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  options: Options[0],
): PlaceholderFile {
  const { sourceCode } = context;
  const types = getTypeInformation(sourceCode);
  return {
    context,
    sourceCode,
    vocabulary: createPlaceholderVocabulary(options, `defuse/${RULE_NAME}`),
    types,
    literalTypeOf: types
      ? (node) => {
          // Never a string, and typing an object literal can mean inferring every call in it (`new XError({ … })`).
          if (OBJECT_VALUES.has(node.type)) return undefined;
          const type = types.typeAt(node);
          return type?.isStringLiteral() ? type.value : undefined;
        }
      : undefined,
    neverFunctionNames: new Set(),
    helperAliases: new Set(),
    callsToResolveInFile: [],
    interfaceClasses: new Map(),
  };
}
