import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { RuntimeDefinition } from '../../runtimes/definition.js';
import { type FunctionNode, isFunctionNode } from '../../util/ast.js';
import { quote } from '../../util/text.js';
import { getTypeInformation } from '../../util/type-checker.js';
import { type CallGraph, MAX_CALL_CHAIN, type Owner } from './call-graph.js';
import type { Collected, Use } from './collect.js';
import { isGuarded } from './guards.js';
import { remoteEffect } from './remote.js';
import { requiredCallsIn, requiredEffect } from './required.js';
import { CLEAN, MARKED, type Timeline } from './timeline.js';

type Node = TSESTree.Node;

export type MessageIds = 'notReady' | 'notReadyVia' | 'tooLate';

/** Longer source text is not quoted in messages; the API path is. */
export const MAX_QUOTED_LENGTH = 40;

/*
 * The timing of a use, besides a runtime's own `before` and `after`: these
 * complete "`x()` throws …" in messages, so they stay short.
 */

/** A handler the runtime may call before it is ready (Electron's `'open-file'` on macOS). */
export function inEarlyHandler(event: string): string {
  return `in an early '${event}' handler`;
}

/** After an `await` in a function that had the context (`setup()`), which it has lost there. */
export function afterAwaitIn(label: string): string {
  return `after an \`await\` in ${label}`;
}

/** In a method the framework calls without the context (Angular's `ngOnInit`). */
export function inMethod(name: string): string {
  return `in \`${name}()\``;
}

/** The file being linted, once its runtime uses, call graph and timeline are known. */
export interface RuntimeFile {
  readonly context: Readonly<TSESLint.RuleContext<MessageIds, readonly unknown[]>>;
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly active: readonly RuntimeDefinition[];
  readonly collected: Collected;
  readonly graph: CallGraph;
  /** Nodes reported already: one report per node, from the first runtime that finds it. */
  readonly reported: Set<Node>;
}

/** Whether a node runs at a point where the runtime is not ready, in the function it is in. */
type Runs = (probe: Node, within: Owner) => boolean;

/** The reports for one runtime. */
interface RuntimeReport {
  readonly file: RuntimeFile;
  readonly def: RuntimeDefinition;
  readonly timeline: Timeline;
  /** Calls whose truth means the runtime is there (`app.isReady()`). */
  readonly guards: ReadonlySet<Node> | undefined;
}

function report(file: RuntimeFile, node: Node, messageId: MessageIds, data: Record<string, string | number>): void {
  if (file.reported.has(node)) return;
  file.reported.add(node);
  file.context.report({ node, messageId, data });
}

/** A call or access as messages quote it: `new BrowserWindow()`, or the API's path when the source text is long. */
function quoteCall(sourceCode: Readonly<TSESLint.SourceCode>, node: Node, use?: Use): string {
  const fallback = use ? use.api.path.join('.') || 'the store hook' : 'the call';
  const short = (target: Node) => quote(sourceCode.getText(target), MAX_QUOTED_LENGTH, fallback);
  switch (node.type) {
    case AST_NODE_TYPES.CallExpression:
      return `${short(node.callee)}()`;
    case AST_NODE_TYPES.NewExpression:
      return `new ${short(node.callee)}()`;
    case AST_NODE_TYPES.MemberExpression: {
      const called = node.parent.type === AST_NODE_TYPES.CallExpression && node.parent.callee === node;
      return `${short(node)}${called ? '()' : ''}`;
    }
    default:
      return fallback;
  }
}

function behindGuard(runtime: RuntimeReport, node: Node, within: Owner): boolean {
  const { guards } = runtime;
  return guards !== undefined && isGuarded(node, within, (call) => guards.has(call));
}

function ownUses(runtime: RuntimeReport, fn: Owner, role: Use['role']): Use[] {
  return (runtime.file.graph.usesByOwner.get(fn) ?? []).filter((use) => use.def === runtime.def && use.role === role);
}

/** The first use a call of `fn` runs while `runs(probe)` holds, following same-file calls to the innermost use. */
function firstEffect(
  runtime: RuntimeReport,
  fn: FunctionNode,
  runs: Runs,
  depth: number,
  seen: Set<Node>,
): Use | undefined {
  if (depth > MAX_CALL_CHAIN || seen.has(fn)) return undefined;
  seen.add(fn);
  const candidates = ownUses(runtime, fn, 'requires')
    .filter((use) => runs(use.node, fn))
    .map((use) => ({ at: use.node.range[0], use }));
  for (const site of runtime.file.graph.callsByOwner.get(fn) ?? []) {
    if (site.earlyEvent !== undefined || !runs(site.call, fn)) continue;
    const inner = firstEffect(runtime, site.callee, runs, depth + 1, seen);
    if (inner) candidates.push({ at: site.call.range[0], use: inner });
  }
  candidates.sort((a, b) => a.at - b.at);
  return candidates[0]?.use;
}

/** Reports the uses `fn` runs (directly, in IIFEs, or through same-file calls) while `runs` holds. */
function reportFrom(runtime: RuntimeReport, fn: Owner, runs: Runs, timing: string, depth: number): void {
  if (depth > MAX_CALL_CHAIN) return;
  const { file, def } = runtime;
  for (const use of ownUses(runtime, fn, 'requires')) {
    if (!runs(use.node, fn)) continue;
    report(file, use.node, 'notReady', {
      api: quoteCall(file.sourceCode, use.node, use),
      outcome: use.api.outcome,
      timing,
      remedy: def.wording.fix,
    });
  }
  for (const site of file.graph.callsByOwner.get(fn) ?? []) {
    if (!runs(site.call, fn)) continue;
    if (site.call.callee === site.callee) {
      reportFrom(runtime, site.callee, runs, timing, depth + 1);
      continue;
    }
    if (site.earlyEvent !== undefined) {
      // The handler is not run by this call; it may run before ready because it is registered before ready.
      if (fn === file.sourceCode.ast && site.earlyFor === def) {
        reportFrom(runtime, site.callee, runs, inEarlyHandler(site.earlyEvent), depth + 1);
      }
      continue;
    }
    const effect = firstEffect(runtime, site.callee, runs, depth + 1, new Set());
    if (!effect) continue;
    report(file, site.call, 'notReadyVia', {
      api: quoteCall(file.sourceCode, effect.node, effect),
      line: effect.node.loc.start.line,
      timing,
      remedy: def.wording.fix,
    });
  }
}

/** The functions that run before ready: top level, and same-file functions it calls before ready, transitively. */
function runBeforeReady(runtime: RuntimeReport, runs: Runs): Set<Owner> {
  const { graph, sourceCode } = runtime.file;
  const reached = new Set<Owner>([sourceCode.ast]);
  let frontier: Owner[] = [sourceCode.ast];
  for (let depth = 0; depth < MAX_CALL_CHAIN && frontier.length > 0; depth++) {
    const next: Owner[] = [];
    for (const fn of frontier) {
      for (const site of graph.callsByOwner.get(fn) ?? []) {
        if (site.earlyEvent !== undefined || reached.has(site.callee) || !runs(site.call, fn)) continue;
        reached.add(site.callee);
        next.push(site.callee);
      }
    }
    frontier = next;
  }
  return reached;
}

/**
 * Imported functions registered before ready as handlers that can fire before
 * it (`app.on('activate', getOrCreateMainWindow)`): reported at the
 * registration when the checker shows the function doing the runtime's work.
 */
function reportEarlyImports(runtime: RuntimeReport, runs: Runs): void {
  const { file, def } = runtime;
  const sites = file.collected.earlyImports.filter((site) => site.def === def);
  if (sites.length === 0) return;
  const types = getTypeInformation(file.sourceCode);
  if (!types) return;
  const before = runBeforeReady(runtime, runs);
  for (const site of sites) {
    const owner = file.graph.codePathOwner(site.call);
    if (!before.has(owner) || !runs(site.call, owner)) continue;
    const effect = remoteEffect(types, site.handler, def);
    if (!effect) continue;
    report(file, site.call, 'notReady', {
      api: `${quote(site.handler.name, MAX_QUOTED_LENGTH, 'the handler')}()`,
      outcome: effect.outcome,
      timing: inEarlyHandler(site.event),
      remedy: def.wording.fix,
    });
  }
}

/**
 * Inline handlers registered before ready as handlers that can fire before it
 * (`app.on('activate', () => windows.createMainWindow())`) that call an
 * export of a relative `require()`d module: reported at that call when the
 * module's export does the runtime's work (see `required.ts`). With type
 * information, imports are the checker's business and this look is skipped.
 */
function reportEarlyRequires(runtime: RuntimeReport, runs: Runs): void {
  const { file, def } = runtime;
  const sites = file.collected.earlyHandlers.filter((site) => site.earlyFor === def && site.earlyEvent !== undefined);
  if (sites.length === 0 || getTypeInformation(file.sourceCode)) return;
  const before = runBeforeReady(runtime, runs);
  for (const site of sites) {
    const owner = file.graph.codePathOwner(site.call);
    if (!before.has(owner) || !runs(site.call, owner)) continue;
    for (const required of requiredCallsIn(file.sourceCode, site.callee)) {
      const effect = requiredEffect(file.context, required, def);
      if (!effect) continue;
      report(file, required.call, 'notReady', {
        api: quoteCall(file.sourceCode, required.call),
        outcome: effect.outcome,
        timing: inEarlyHandler(site.earlyEvent ?? ''),
        remedy: def.wording.fix,
      });
    }
  }
}

/** A phase runtime: what can run before its ready signal, and `mustPrecede` work that can run after it. */
function reportPhase(runtime: RuntimeReport): void {
  const { file, def, timeline } = runtime;
  const beforeReady: Runs = (probe, within) =>
    (timeline.state(probe, def.name) & CLEAN) !== 0 && !behindGuard(runtime, probe, within);
  reportFrom(runtime, file.sourceCode.ast, beforeReady, def.wording.before, 0);
  reportEarlyImports(runtime, beforeReady);
  reportEarlyRequires(runtime, beforeReady);
  const callbacks = file.collected.readyCallbacks.get(def);
  for (const use of file.collected.uses) {
    if (use.def !== def || use.role !== 'mustPrecede') continue;
    let inCallback = false;
    for (let node: Node | undefined = use.node; node; node = node.parent) {
      if (callbacks?.has(node)) inCallback = true;
    }
    if (inCallback || (timeline.state(use.node, def.name) & MARKED) !== 0) {
      report(file, use.node, 'tooLate', {
        api: quoteCall(file.sourceCode, use.node, use),
        outcome: use.api.outcome,
        timing: def.wording.after ?? 'too late',
        remedy: def.wording.afterFix ?? def.wording.fix,
      });
    }
  }
}

/** A scoped runtime: module top level never has the context; context functions lose it after an `await`. */
function reportScoped(runtime: RuntimeReport): void {
  const { file, def, timeline } = runtime;
  const always: Runs = (probe, within) => !behindGuard(runtime, probe, within);
  const inSetupFile = def.setupFiles?.some((suffix) => file.context.filename.endsWith(suffix)) ?? false;
  if (!inSetupFile) reportFrom(runtime, file.sourceCode.ast, always, def.wording.before, 0);
  for (const [fn, entries] of file.collected.contexts) {
    for (const entry of entries) {
      if (entry.def !== def || !isFunctionNode(fn)) continue;
      const afterAwait: Runs = (probe, within) =>
        within === fn
          ? (timeline.state(probe, 'await') & MARKED) !== 0 && !behindGuard(runtime, probe, within)
          : !behindGuard(runtime, probe, within);
      reportFrom(runtime, fn, afterAwait, afterAwaitIn(entry.context.label), 0);
    }
  }
  const outside = def.outside;
  if (!outside) return;
  for (const [fn] of file.graph.usesByOwner) {
    const method = fn.parent;
    if (
      fn.type === AST_NODE_TYPES.FunctionExpression &&
      method?.type === AST_NODE_TYPES.MethodDefinition &&
      method.kind === 'method' &&
      // espree's classes have no `decorators` array.
      ((method.parent.parent.decorators as TSESTree.Decorator[] | undefined)?.length ?? 0) > 0
    ) {
      const name = ASTUtils.getPropertyName(method);
      if (name !== null && outside.methods.includes(name)) {
        reportFrom(runtime, fn, always, inMethod(name), 0);
      }
    }
  }
}

/** Reports every active runtime's uses, once the file's code paths are analysed. */
export function reportAll(file: RuntimeFile, timeline: Timeline): void {
  for (const def of file.active) {
    const runtime: RuntimeReport = { file, def, timeline, guards: file.collected.guardCalls.get(def) };
    if (def.kind === 'phase') reportPhase(runtime);
    else reportScoped(runtime);
  }
}
