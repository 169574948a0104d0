import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { getLogStreams } from '../../util/log-streams/index.js';
import { askChecker, getTypeInformation } from '../../util/type-checker.js';
import { isTypeFlagSet, ts, unionConstituents } from '../../util/typescript.js';
import type { FatalFile, Handler } from './context.js';
import { unwrapChain } from './handlers.js';

/** Whether `type` may be a thenable: `any`, `unknown`, type parameters and anything with a `then`. */
const thenableCache = new WeakMap<ts.Type, boolean>();
function mayBeThenable(checker: ts.TypeChecker, type: ts.Type): boolean {
  const cached = thenableCache.get(type);
  if (cached !== undefined) return cached;
  // A checker that throws cannot rule the thenable out.
  const result =
    askChecker(() =>
      unionConstituents(type).some(
        (part) =>
          isTypeFlagSet(part, ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Instantiable) ||
          checker.getPropertyOfType(checker.getApparentType(part), 'then') !== undefined,
      ),
    ) ?? true;
  thenableCache.set(type, result);
  return result;
}

/** Whether the handler ends the process non-zero on every path; `undefined` when it cannot tell. */
export function endsFatally(file: FatalFile, handler: Handler): boolean | undefined {
  const { analysis } = file;
  if (handler.kind === 'catch') return analysis.catchEndsFatally(handler.node);
  if (handler.kind === 'function') return analysis.endsFatally(handler.node);
  const reference = unwrapChain(handler.node);
  if (reference.type === AST_NODE_TYPES.Identifier) {
    const local = analysis.localFunction(reference);
    if (local) return analysis.endsFatally(local);
  }
  // Only a known log function is known not to end the process; other references may.
  return getLogStreams(file.context).isLogFunction(reference) ? false : undefined;
}

/** Whether what a handler is attached to may be a promise: always, without type information. */
export function receiverMayBeThenable(file: FatalFile, receiver: TSESTree.Expression | undefined): boolean {
  // Without type information (or from a parser that gives none) the syntax decides.
  if (!receiver) return true;
  const types = getTypeInformation(file.sourceCode);
  const type = types?.typeAt(receiver);
  return !types || !type || mayBeThenable(types.checker, type);
}
