import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type ts from 'typescript';

import { askChecker, type TypeInformation } from '../../util/type-checker.js';

export type MessageIds =
  'missingProperties' | 'incompleteBuilder' | 'emptyAsserted' | 'fillerValue' | 'neverAssigned' | 'annotateInstead';

/** The file being linted, as every check of the rule sees it. */
export interface PartialStateFile {
  readonly context: Readonly<TSESLint.RuleContext<MessageIds, []>>;
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  /** Any parser works; the TypeScript parser with a program adds the type-aware checks. */
  readonly types: TypeInformation | undefined;
}

/** The type a type annotation denotes, when the checker can tell. */
export function typeOfTypeNode(file: PartialStateFile, node: TSESTree.TypeNode): ts.Type | undefined {
  const { types } = file;
  const typeNode = types?.tsNodeOf(node);
  return typeNode && askChecker(() => types?.checker.getTypeFromTypeNode(typeNode as ts.TypeNode));
}
