import type { RuntimeApi, RuntimeDefinition } from './definition.js';

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

export const cloudflareWorkers: RuntimeDefinition = {
  name: 'cloudflare-workers',
  kind: 'scoped',
  modules: ['cloudflare:workers', 'cloudflare:sockets'],
  requires: REQUIRES,
  requiresUnder: (options) =>
    options.workersRandomInGlobalScope === 'allow' ? REQUIRES.filter((api) => api.path[0] !== 'crypto') : REQUIRES,
  wording: {
    before: "in the Worker's global scope",
    fix: 'move it into a request handler',
  },
};
