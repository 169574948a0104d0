import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { createRule } from '../../util/create-rule.js';
import { activeRuntimes } from './activate.js';
import { buildCallGraph } from './call-graph.js';
import { collectRuntimeUses } from './collect.js';
import { DEFAULT_OPTIONS, type Options, OPTIONS_SCHEMA } from './options.js';
import { type MessageIds, reportAll, type RuntimeFile } from './report.js';
import { createTimeline } from './timeline.js';

export type { Options, UserRuntime } from './options.js';

export default createRule<Options, MessageIds>({
  name: 'no-work-before-runtime',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow runtime-bound work (Electron windows, Pinia stores, Vue hooks, …) before its runtime exists',
      recommended: 'recommended',
      usesTypeInformation: true,
    },
    schema: [OPTIONS_SCHEMA],
    defaultOptions: [DEFAULT_OPTIONS],
    messages: {
      notReady: '`{{api}}` {{outcome}} {{timing}}; {{remedy}}.',
      notReadyVia: 'This call runs `{{api}}` (line {{line}}) {{timing}}; {{remedy}}.',
      tooLate: '`{{api}}` {{outcome}} {{timing}}; {{remedy}}.',
    },
  },
  create(context, [options]) {
    const { sourceCode } = context;
    const runtimes = activeRuntimes(sourceCode, context.filename, options);
    if (runtimes.active.length === 0) return {};
    const collected = collectRuntimeUses(sourceCode, runtimes, options);
    if (collected.uses.length === 0 && collected.earlyImports.length === 0 && collected.earlyHandlers.length === 0) {
      return {};
    }
    const { active } = runtimes;
    const graph = buildCallGraph(sourceCode, collected);
    const file: RuntimeFile = { context, sourceCode, active, collected, graph, reported: new Set() };

    const { marks, contexts } = collected;
    const probes = new Set<TSESTree.Node>(collected.uses.map((use) => use.node));
    for (const sites of graph.callsByOwner.values()) for (const site of sites) probes.add(site.call);
    for (const site of collected.earlyImports) probes.add(site.call);
    // Scoped runtimes lose their context after an `await` in a context function: a mark of its own.
    const awaits = contexts.size > 0;
    const isContextAwait = (node: TSESTree.Node): boolean =>
      node.type === AST_NODE_TYPES.AwaitExpression && contexts.has(graph.codePathOwner(node));
    const scoped = active.some((def) => def.kind === 'scoped');
    const channels = [...new Set([...marks.values()]), ...(awaits && scoped ? ['await'] : [])];
    const timeline = createTimeline({
      probes,
      channels,
      markOf: (node) => marks.get(node) ?? (awaits && isContextAwait(node) ? 'await' : undefined),
      markTypes: [
        ...new Set([...marks.keys()].map((node) => node.type)),
        ...(awaits ? [AST_NODE_TYPES.AwaitExpression] : []),
      ],
      onEnd: () => reportAll(file, timeline),
    });
    return timeline.listeners;
  },
});
