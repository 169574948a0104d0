import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { perFile } from './per-file.js';
import { CALL, READ, sharedReferences, type TraceMapElement } from './references.js';

/** The members of Node's `process` object that rules ask about: found together, once per file. */
const PROCESS_MEMBERS = [
  'abort',
  'addListener',
  'arch',
  'argv',
  'env',
  'execArgv',
  'exit',
  'exitCode',
  'kill',
  'on',
  'once',
  'pid',
  'platform',
  'prependListener',
  'stderr',
  'stdout',
  'version',
  'versions',
] as const;

export type ProcessMember = (typeof PROCESS_MEMBERS)[number];

/**
 * What a member reference is: a call of it (`process.exit(1)`, `exit(1)` after
 * `const { exit } = process`) or any other access (`process.exitCode = 1`).
 */
export interface ProcessReference {
  readonly member: ProcessMember;
  readonly kind: 'call' | 'read';
}

/** The trace map's info is the answer itself: one object per member and kind, shared by every reference. */
const PROCESS_MAP: TraceMapElement = Object.fromEntries(
  PROCESS_MEMBERS.map((member) => [
    member,
    {
      [READ]: { member, kind: 'read' } satisfies ProcessReference,
      [CALL]: { member, kind: 'call' } satisfies ProcessReference,
    },
  ]),
);
const processTraces = sharedReferences({ globals: { process: PROCESS_MAP }, modules: { process: PROCESS_MAP } });

/** Every reference to a member of `PROCESS_MEMBERS` in the file, by node. */
const processReferences = perFile((sourceCode): ReadonlyMap<TSESTree.Node, ProcessReference> => {
  const found = new Map<TSESTree.Node, ProcessReference>();
  for (const { node, info } of processTraces(sourceCode)) {
    // A called member is also read; keep the more specific answer.
    if (found.get(node)?.kind === 'call') continue;
    found.set(node, info as ProcessReference);
  }
  return found;
});

/**
 * Finds every reference to the given members of Node's `process`, however the
 * file reaches it: the global (never a local that shadows it), `globalThis.process`,
 * `import process from 'node:process'`, `import { exit } from 'process'`,
 * `require('node:process')`, destructuring and `const` aliases. Keyed by the
 * node ESLint visits: the `CallExpression` for calls, the `MemberExpression`
 * or `Identifier` for other accesses. Every member's references are found in
 * one pass per file, shared by every rule; this picks the members asked for.
 */
export function findProcessReferences(
  sourceCode: Readonly<TSESLint.SourceCode>,
  members: readonly ProcessMember[],
): Map<TSESTree.Node, ProcessReference> {
  const found = new Map<TSESTree.Node, ProcessReference>();
  for (const [node, reference] of processReferences(sourceCode)) {
    if (members.includes(reference.member)) found.set(node, reference);
  }
  return found;
}

/**
 * The calls of one member of Node's `process` (`process.exit(1)`, `exit(1)`
 * after `const { exit } = process`): the call nodes of `findProcessReferences`
 * whose kind is `call`, read from the one shared pass without a copy of it.
 */
export function findProcessCalls(sourceCode: Readonly<TSESLint.SourceCode>, member: ProcessMember): Set<TSESTree.Node> {
  const calls = new Set<TSESTree.Node>();
  for (const [node, reference] of processReferences(sourceCode)) {
    if (reference.kind === 'call' && reference.member === member) calls.add(node);
  }
  return calls;
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
