import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import type { FunctionNode } from '../../util/ast.js';
import type { ExitCodeAnalysis } from './exit-code.js';

export type MessageIds = 'exitsZero' | 'exitsZeroAfterError' | 'exitNonZero' | 'setExitCode' | 'wrapHandler';

/** Where a fatal error reaches a handler. */
export type Handler =
  | { kind: 'function'; node: FunctionNode; receiver?: TSESTree.Expression }
  | { kind: 'reference'; node: TSESTree.Expression; receiver?: TSESTree.Expression }
  | { kind: 'catch'; node: TSESTree.CatchClause };

/** What the rule knows about the file being linted. */
export interface FatalFile {
  readonly context: Readonly<TSESLint.RuleContext<MessageIds, []>>;
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly analysis: ExitCodeAnalysis;
  /** The handlers found at top level, judged once the file's code paths are known. */
  readonly handlers: Handler[];
  /** `process.on(…)` and the like: found on first use. */
  listenCalls: Set<TSESTree.Node> | undefined;
}
