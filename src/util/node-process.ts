import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { CALL, READ, sharedFact, sharedReferences, type TracedReference, type TraceMapElement } from './references.js';

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

/** A file's references to the members of `PROCESS_MEMBERS`, as the pass found them, and read two ways. */
interface ProcessFacts {
  readonly traces: readonly TracedReference[];
  /** Every reference by node (made on the first ask: the exit rule never asks). */
  byNode?: ReadonlyMap<TSESTree.Node, ProcessReference>;
  /** The calls by member (made on the first ask). */
  calls?: ReadonlyMap<ProcessMember, ReadonlySet<TSESTree.Node>>;
}

const processFacts = sharedFact(processTraces, (traces): ProcessFacts => ({ traces }));

/** Every reference to a member of `PROCESS_MEMBERS` in the file, by node. */
function processReferences(sourceCode: Readonly<TSESLint.SourceCode>): ReadonlyMap<TSESTree.Node, ProcessReference> {
  const facts = processFacts(sourceCode);
  if (facts.byNode) return facts.byNode;
  const found = new Map<TSESTree.Node, ProcessReference>();
  for (const { node, info } of facts.traces) {
    // A called member is also read; keep the more specific answer.
    if (found.get(node)?.kind === 'call') continue;
    found.set(node, info as ProcessReference);
  }
  facts.byNode = found;
  return found;
}

/** No calls: shared by every file and member that has none, so never to be changed. */
const NO_CALLS: ReadonlySet<TSESTree.Node> = new Set();

/**
 * The calls in the file by member: the nodes `processReferences` gives the
 * kind `call`, each under the member of its first call (as there), in the
 * order of the pass.
 */
function callsByMember(
  sourceCode: Readonly<TSESLint.SourceCode>,
): ReadonlyMap<ProcessMember, ReadonlySet<TSESTree.Node>> {
  const facts = processFacts(sourceCode);
  if (facts.calls) return facts.calls;
  const calls = new Map<ProcessMember, Set<TSESTree.Node>>();
  for (const { node, type, info } of facts.traces) {
    // Only a call node is called, and it is never read (a read is a member access, a name or a declaration).
    if (type !== CALL) continue;
    let known = false;
    for (const nodes of calls.values()) known ||= nodes.has(node);
    if (known) continue;
    const { member } = info as ProcessReference;
    const nodes = calls.get(member);
    if (nodes) nodes.add(node);
    else calls.set(member, new Set([node]));
  }
  facts.calls = calls;
  return calls;
}

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
 * The set is shared (by every rule that asks, and by every file without such
 * a call): read it, never change it.
 */
export function findProcessCalls(
  sourceCode: Readonly<TSESLint.SourceCode>,
  member: ProcessMember,
): ReadonlySet<TSESTree.Node> {
  return callsByMember(sourceCode).get(member) ?? NO_CALLS;
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
