import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { CALL, createReferenceTracker, READ, type TraceMap, type TraceMapElement } from './references.js';

/** Members of Node's `process` object that rules ask about. */
export type ProcessMember =
  | 'abort'
  | 'addListener'
  | 'exit'
  | 'exitCode'
  | 'kill'
  | 'on'
  | 'once'
  | 'pid'
  | 'prependListener'
  | 'stderr'
  | 'stdout';

/**
 * What a member reference is: a call of it (`process.exit(1)`, `exit(1)` after
 * `const { exit } = process`) or any other access (`process.exitCode = 1`).
 */
export interface ProcessReference {
  member: ProcessMember;
  kind: 'call' | 'read';
}

function traceMapFor(members: readonly ProcessMember[]): TraceMapElement {
  const map: Record<string | symbol, unknown> = {};
  for (const member of members) {
    map[member] = { [READ]: member, [CALL]: member };
  }
  return map as TraceMapElement;
}

/**
 * Finds every reference to the given members of Node's `process`, however the
 * file reaches it: the global (never a local that shadows it), `globalThis.process`,
 * `import process from 'node:process'`, `import { exit } from 'process'`,
 * `require('node:process')`, destructuring and `const` aliases. Keyed by the
 * node ESLint visits: the `CallExpression` for calls, the `MemberExpression`
 * or `Identifier` for other accesses.
 */
export function findProcessReferences(
  sourceCode: Readonly<TSESLint.SourceCode>,
  members: readonly ProcessMember[],
): Map<TSESTree.Node, ProcessReference> {
  const found = new Map<TSESTree.Node, ProcessReference>();
  const tracker = createReferenceTracker(sourceCode);
  if (!tracker) return found;

  const processMap = traceMapFor(members);
  const modules: TraceMap = { process: processMap, 'node:process': processMap };
  const iterators = [
    tracker.iterateGlobalReferences({ process: processMap }),
    tracker.iterateEsmReferences(modules),
    tracker.iterateCjsReferences(modules),
  ];
  for (const iterator of iterators) {
    for (const { node, type, info } of iterator) {
      const kind = type === CALL ? 'call' : 'read';
      // A called member is also read; keep the more specific answer.
      if (found.get(node)?.kind === 'call') continue;
      found.set(node, { member: info as ProcessMember, kind });
    }
  }
  return found;
}
