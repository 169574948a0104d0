import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type ts from 'typescript';

import { quote } from '../../util/text.js';
import { askChecker, type TypeInformation } from '../../util/type-checker.js';
import type { Options, RuleOptions } from './options.js';

export type MessageIds =
  | 'missingProperties'
  | 'incompleteBuilder'
  | 'emptyAsserted'
  | 'updatedBeforeSet'
  | 'usedBeforeSet'
  | 'fillerValue'
  | 'neverAssigned'
  | 'annotateInstead';

/** How long a quoted type (`AppState`), name (`req`, `#secret`) or value (`undefined as any`) may be in a message. */
export const MAX_TYPE_LENGTH = 30;
export const MAX_NAME_LENGTH = 30;
export const MAX_VALUE_LENGTH = 40;
/** How long the list of missing properties may be: as many names as fit, then how many more. */
const MAX_PROPERTY_LIST_LENGTH = 40;

/** The missing properties as a message lists them: `` `db`, `redis` and 3 more ``. */
export function listProperties(names: readonly string[]): string {
  let list = '';
  let shown = 0;
  for (const name of names) {
    const item = `\`${quote(name, MAX_PROPERTY_LIST_LENGTH - '`` and 999 more'.length)}\``;
    const longer = shown === 0 ? item : `${list}, ${item}`;
    const rest = names.length - shown - 1;
    if (shown > 0 && longer.length + (rest > 0 ? ` and ${rest} more`.length : 0) > MAX_PROPERTY_LIST_LENGTH) break;
    list = longer;
    shown += 1;
  }
  const rest = names.length - shown;
  return rest > 0 ? `${list} and ${rest} more` : list;
}

/** A type as a message quotes it. */
export function quoteType(file: PartialStateFile, type: TSESTree.TypeNode): string {
  return quote(file.sourceCode.getText(type), MAX_TYPE_LENGTH);
}

/** The file being linted, as every check of the rule sees it. */
export interface PartialStateFile {
  readonly context: Readonly<TSESLint.RuleContext<MessageIds, Options>>;
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  /** Any parser works; the TypeScript parser with a program adds the type-aware checks. */
  readonly types: TypeInformation | undefined;
  readonly options: Required<RuleOptions>;
}

/** The type a type annotation denotes, when the checker can tell. */
export function typeOfTypeNode(file: PartialStateFile, node: TSESTree.TypeNode): ts.Type | undefined {
  const { types } = file;
  const typeNode = types?.tsNodeOf(node);
  return typeNode && askChecker(() => types?.checker.getTypeFromTypeNode(typeNode as ts.TypeNode));
}
