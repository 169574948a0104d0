import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { isFunctionNode, skipWrappers, staticMemberName, walk } from '../util/ast.js';
import type { RuntimeApi, RuntimeDefinition, ShapedUse } from './definition.js';
import { isWranglerMain } from './wrangler.js';

const { DefinitionType } = TSESLint.Scope;

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

/** workerd refuses it in the global scope (`kAsyncIoErrorMessage`, `src/workerd/io/io-context.c++`). */
const forbidden = (path: string[], from: 'global' | 'module' = 'global'): RuntimeApi => ({
  path,
  use: 'call',
  from,
  outcome: 'throws',
});

/**
 * Cloudflare Workers: a Worker's global scope runs once per isolate, outside
 * any request, so I/O, timers and random values are refused there; handlers
 * (`export default { fetch() {…} }`, `WorkerEntrypoint` and Durable Object
 * methods) run inside a request. Only the global scope and same-file
 * functions it calls are reported. `crypto.getRandomValues()` and
 * `crypto.randomUUID()` are listed because workerd still forbids them there
 * (cloudflare/workerd#5964, which would have allowed them, was closed without
 * being merged); the rule's `workersRandomInGlobalScope: 'allow'` drops them.
 */
const REQUIRES: readonly RuntimeApi[] = [
  forbidden(['fetch']),
  forbidden(['setTimeout']),
  forbidden(['setInterval']),
  forbidden(['crypto', 'getRandomValues']),
  forbidden(['crypto', 'randomUUID']),
  forbidden(['connect'], 'module'),
];

/** Handlers only Workers call on a module's default export (Bun and Deno servers have `fetch` too). */
const WORKER_ONLY_HANDLERS: ReadonlySet<string> = new Set(['scheduled', 'queue', 'email', 'tail', 'trace']);

/** The type a Worker's default export is checked against: `export default { … } satisfies ExportedHandler<Env>`. */
const HANDLER_TYPES: ReadonlySet<string> = new Set(['ExportedHandler']);

/**
 * Methods of a binding (`env.KV`, `env.DB`, `env.BUCKET`, `env.QUEUE`, a
 * service) that do I/O. `prepare()` is not one: it builds a D1 statement
 * locally; running the statement is the I/O.
 */
const BINDING_IO_METHODS: ReadonlySet<string> = new Set([
  'get',
  'getWithMetadata',
  'put',
  'list',
  'delete',
  'head',
  'fetch',
  'connect',
  'send',
  'sendBatch',
  'exec',
  'batch',
  'dump',
]);

/** Top-level nodes looked at for `await`, at most (the rest of a huge module is not). */
const AWAIT_SEARCH_BUDGET = 100_000;

const bindingCall: RuntimeApi = { path: ['env'], use: 'call', outcome: 'throws' };
const topLevelAwait: RuntimeApi = { path: ['await'], use: 'call', outcome: 'cannot do I/O' };

/** The value a `const` identifier holds at its declaration, when that is all it ever holds. */
function constValue(sourceCode: SourceCode, node: Node): Node {
  if (node.type !== AST_NODE_TYPES.Identifier) return node;
  const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
  const [definition] = variable?.defs ?? [];
  const declarator = definition?.node;
  return declarator?.type === AST_NODE_TYPES.VariableDeclarator &&
    declarator.parent.kind === 'const' &&
    declarator.init &&
    variable?.defs.length === 1
    ? declarator.init
    : node;
}

/** Whether the type a default export is checked against names a Workers handler type. */
function isHandlerType(type: TSESTree.TypeNode): boolean {
  return (
    type.type === AST_NODE_TYPES.TSTypeReference &&
    type.typeName.type === AST_NODE_TYPES.Identifier &&
    HANDLER_TYPES.has(type.typeName.name)
  );
}

/**
 * A Worker's default export: an object with a function only Workers call
 * (`scheduled`, `queue`, …; `scheduled: false` is a setting, not a handler),
 * a `fetch(request, env, ctx)` that takes the Workers context, or any object
 * checked against `ExportedHandler`. A bare
 * `fetch(request)` could be a Bun or Deno server: the Wrangler configuration
 * decides for those.
 */
function hasWorkerDefaultExport(sourceCode: SourceCode): boolean {
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== AST_NODE_TYPES.ExportDefaultDeclaration) continue;
    let value: Node = statement.declaration;
    for (;;) {
      if (
        (value.type === AST_NODE_TYPES.TSSatisfiesExpression || value.type === AST_NODE_TYPES.TSAsExpression) &&
        isHandlerType(value.typeAnnotation)
      ) {
        return true;
      }
      const inner: Node = skipWrappers(constValue(sourceCode, value));
      if (inner === value) break;
      value = inner;
    }
    if (value.type !== AST_NODE_TYPES.ObjectExpression) return false;
    return value.properties.some((property) => {
      if (property.type !== AST_NODE_TYPES.Property) return false;
      const name = ASTUtils.getPropertyName(property);
      if (!isFunctionNode(property.value)) return false;
      return (
        (name !== null && WORKER_ONLY_HANDLERS.has(name)) || (name === 'fetch' && property.value.params.length >= 3)
      );
    });
  }
  return false;
}

/** A file that may be a Worker's entry: it has a default export (module syntax) or listens for `fetch` (service worker syntax). */
function mayBeEntry(sourceCode: SourceCode): boolean {
  return sourceCode.ast.body.some(
    (statement) =>
      statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
      (statement.type === AST_NODE_TYPES.ExpressionStatement &&
        statement.expression.type === AST_NODE_TYPES.CallExpression &&
        statement.expression.callee.type === AST_NODE_TYPES.Identifier &&
        statement.expression.callee.name === 'addEventListener'),
  );
}

/** A Wasm module Wrangler bundles: `./add.wasm`, `./add.wasm?module`. */
const WASM_MODULE = /\.wasm(?:\?module)?$/;

/** The local names of a file's imports of bundled Wasm modules: each holds a compiled `WebAssembly.Module`. */
function wasmModuleNames(sourceCode: SourceCode): Set<string> {
  const names = new Set<string>();
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || !WASM_MODULE.test(statement.source.value)) continue;
    for (const specifier of statement.specifiers) names.add(specifier.local.name);
  }
  return names;
}

/**
 * Awaited calls that do no I/O: the `WebAssembly` global's functions
 * (Cloudflare's own guide instantiates a module at the top level, "to avoid
 * instantiation on every request"), and a call handed a bundled Wasm module
 * (`await initWasm(wasmModule)`, `await init(mod)` of wasm-bindgen), which
 * instantiates the compiled module instead of fetching it.
 */
function isWasmInstantiation(sourceCode: SourceCode, call: TSESTree.CallExpression, wasm: Set<string>): boolean {
  const callee = skipWrappers(call.callee);
  if (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'WebAssembly' &&
    (ASTUtils.findVariable(sourceCode.getScope(callee), callee.object)?.defs.length ?? 0) === 0
  ) {
    return true;
  }
  return call.arguments.some((argument) => {
    const value = skipWrappers(argument);
    if (value.type !== AST_NODE_TYPES.Identifier || !wasm.has(value.name)) return false;
    const [definition] = ASTUtils.findVariable(sourceCode.getScope(value), value)?.defs ?? [];
    return definition?.type === DefinitionType.ImportBinding;
  });
}

/** `await x()` at module top level (not `await import(…)`, nor a Wasm instantiation): the call's node. */
function topLevelAwaits(sourceCode: SourceCode): ShapedUse[] {
  const uses: ShapedUse[] = [];
  const wasm = wasmModuleNames(sourceCode);
  walk(sourceCode.ast.body, sourceCode.visitorKeys, AWAIT_SEARCH_BUDGET, (node) => {
    if (isFunctionNode(node) || node.type === AST_NODE_TYPES.ClassBody) return 'skip';
    if (node.type === AST_NODE_TYPES.AwaitExpression) {
      const argument = skipWrappers(node.argument);
      if (argument.type === AST_NODE_TYPES.CallExpression && !isWasmInstantiation(sourceCode, argument, wasm)) {
        uses.push({ api: topLevelAwait, node: argument });
      }
    }
    return false;
  });
  return uses;
}

/** Calls of a binding's I/O method on `env` from `cloudflare:workers`: `env.KV.get(key)`. */
function bindingCalls(sourceCode: SourceCode): ShapedUse[] {
  const uses: ShapedUse[] = [];
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || statement.source.value !== 'cloudflare:workers')
      continue;
    for (const specifier of statement.specifiers) {
      if (
        specifier.type !== AST_NODE_TYPES.ImportSpecifier ||
        (specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value) !==
          'env'
      ) {
        continue;
      }
      for (const variable of sourceCode.getDeclaredVariables(specifier)) {
        for (const { identifier } of variable.references) {
          const binding = identifier.parent;
          const method = binding.parent;
          const call = method?.parent;
          if (
            binding.type === AST_NODE_TYPES.MemberExpression &&
            binding.object === identifier &&
            method?.type === AST_NODE_TYPES.MemberExpression &&
            method.object === binding &&
            call?.type === AST_NODE_TYPES.CallExpression &&
            call.callee === method &&
            BINDING_IO_METHODS.has(staticMemberName(method) ?? '')
          ) {
            uses.push({ api: bindingCall, node: call });
          }
        }
      }
    }
  }
  return uses;
}

export const cloudflareWorkers: RuntimeDefinition = {
  name: 'cloudflare-workers',
  kind: 'scoped',
  modules: ['cloudflare:workers', 'cloudflare:sockets'],
  requires: REQUIRES,
  requiresUnder: (options) =>
    options.workersRandomInGlobalScope === 'allow' ? REQUIRES.filter((api) => api.path[0] !== 'crypto') : REQUIRES,
  detectIn: (sourceCode, filename) =>
    hasWorkerDefaultExport(sourceCode) || (mayBeEntry(sourceCode) && isWranglerMain(filename)),
  shapedUses: (sourceCode) => [...bindingCalls(sourceCode), ...topLevelAwaits(sourceCode)],
  wording: {
    before: "in the Worker's global scope",
    fix: 'move it into a request handler',
  },
};
