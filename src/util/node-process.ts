import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { CALL, findReferences, READ, type TraceMapElement } from './references.js';

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
  const processMap = traceMapFor(members);
  for (const { node, type, info } of findReferences(sourceCode, {
    globals: { process: processMap },
    modules: { process: processMap },
  })) {
    const kind = type === CALL ? 'call' : 'read';
    // A called member is also read; keep the more specific answer.
    if (found.get(node)?.kind === 'call') continue;
    found.set(node, { member: info as ProcessMember, kind });
  }
  return found;
}

/**
 * Whether the name `process` at `node` is Node's process object, so that code
 * a suggestion writes there (`process.exitCode = 1`) sets the exit code: the
 * global no local shadows, or the default import of `process` or
 * `node:process`. A namespace import (`import * as process`) is a module
 * namespace, whose properties cannot be assigned, and any other binding may
 * be anything.
 */
export function isNodeProcess(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(node), 'process');
  if (!variable || variable.defs.length === 0) return true;
  const [def] = variable.defs;
  if (variable.defs.length !== 1 || def?.node.type !== AST_NODE_TYPES.ImportDefaultSpecifier) return false;
  const source = def.node.parent.source.value;
  return source === 'process' || source === 'node:process';
}
