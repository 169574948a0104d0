import path from 'node:path';

import rule from '../../../src/rules/no-work-before-runtime/index.js';
import { createRuleTester, fixturesDir } from '../../rule-tester.js';
import { at, locate } from '../../util/probe-rule.js';

const TIMING = "in the Worker's global scope";
const REMEDY = 'move it into a request handler';

const notReady = (api: string, line: number, column: number, endColumn: number) => ({
  messageId: 'notReady' as const,
  data: { api, outcome: 'throws', timing: TIMING, remedy: REMEDY },
  ...at(line, column, endColumn),
});

const IMPORT = `import { WorkerEntrypoint } from 'cloudflare:workers';\n`;

/** A report of `text` (its `occurrence`-th) in `code`. */
const reportOf = (code: string, text: string, api: string, outcome = 'throws', occurrence = 0) => ({
  messageId: 'notReady' as const,
  data: { api, outcome, timing: TIMING, remedy: REMEDY },
  ...locate(code, text, occurrence),
});

/** Files under the fixture Workers, whose Wrangler configurations name their entries. */
const TOML_WORKER = path.join(fixturesDir, 'runtime-worker-toml');
const JSONC_WORKER = path.join(fixturesDir, 'runtime-worker-jsonc');

// Worker entries that import nothing from cloudflare:*.
const SCHEDULED_WORKER = `const started = Date.now();
const warm = await fetch('https://example.com/warm');
export default {
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(fetch('https://example.com/cron'));
  },
};
`;
const SATISFIES_WORKER = `import { PrismaClient } from '@prisma/client';
import { handle } from './router';
const prisma = new PrismaClient();
await prisma.$connect();
const routes = await import('./routes.js');
export default { fetch: handle } satisfies ExportedHandler<Env>;
`;
const CTX_WORKER = `setInterval(() => console.log('tick'), 60_000);
export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext) {
    return new Response('ok');
  },
};
`;
const CONST_WORKER = `const timer = setTimeout(() => {}, 10);
const worker = {
  async queue(batch: MessageBatch, env: Env) {
    for (const message of batch.messages) message.ack();
  },
};
export default worker;
`;
// Wasm instantiated in the global scope, as Cloudflare's guide does: no I/O.
const WASM_WORKER = `import resizer from './resize.wasm';
import initCodec, { decode } from './codec.js';
import codecWasm from './codec_bg.wasm?module';
const { exports } = await WebAssembly.instantiate(resizer, { env: {} });
await initCodec(codecWasm);
export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext) {
    return new Response(decode(exports.resize(await request.arrayBuffer())));
  },
};
`;
// The same helpers, fetching the Wasm instead of being handed the bundled module: I/O.
const WASM_FETCHING_WORKER = `import initCodec from './codec.js';
import { wasmUrl } from './assets.js';
await initCodec();
await initCodec(wasmUrl);
{
  const codecWasm = 'https://example.com/codec.wasm';
  await initCodec(codecWasm);
}
export default { scheduled(controller, env, ctx) {} };
`;
const HONO_ENTRY = `import { Hono } from 'hono';
const app = new Hono();
const bootId = crypto.randomUUID();
app.get('/', (c) => c.text(bootId));
export default app;
`;
const BINDINGS = `import { env } from 'cloudflare:workers';
const settings = await env.SETTINGS.get('flags', 'json');
env.EVENTS.send({ type: 'boot' });
const lookup = env.DB.prepare('SELECT * FROM users WHERE id = ?');
const name = env.APP_NAME;
export default {
  async fetch() {
    return Response.json(await env.SETTINGS.get('flags', 'json'));
  },
};
`;

createRuleTester().run('no-work-before-runtime (cloudflare-workers)', rule, {
  valid: [
    // WebAssembly.instantiate() and an init function handed a bundled Wasm module do no I/O.
    WASM_WORKER,
    // Inside handlers: the module worker's fetch, a WorkerEntrypoint method.
    `${IMPORT}export default {
  async fetch(request: Request) {
    setTimeout(() => {}, 10);
    const id = crypto.randomUUID();
    return fetch(request);
  },
};`,
    `${IMPORT}export class Api extends WorkerEntrypoint {
  async fetch() { return fetch('https://example.com'); }
}`,
    // Math.random() is allowed in global scope.
    `${IMPORT}const jitter = Math.random();`,
    // A local fetch is not the global.
    `${IMPORT}const fetch = (url: string) => url;
fetch('x');`,
    // No evidence of Workers: plain fetch in some module is left alone.
    `const config = await fetch('https://example.com/config');`,
    // Helpers with no caller in the file.
    `${IMPORT}export function load() { return fetch('https://example.com'); }`,
    // A Bun or Deno server: a default export with a bare fetch(request), and no Wrangler configuration.
    `const timer = setInterval(() => console.log('tick'), 1000);
await db.connect();
export default {
  port: 3000,
  fetch(request: Request) { return new Response('ok'); },
};`,
    // A setting named like a handler is not one.
    `const timer = setInterval(() => console.log('tick'), 1000);
export default { name: 'cleanup', scheduled: false, queue: 'jobs' };`,
    // A module of a Worker project that its Wrangler configuration does not name as main.
    {
      code: `setInterval(() => {}, 1000);\nexport default { fetch(request: Request) { return new Response('ok'); } };`,
      filename: path.join(TOML_WORKER, 'src', 'other.ts'),
    },
    // A `main` key of another table is not the entry.
    { code: `export default setInterval(() => {}, 1000);`, filename: path.join(TOML_WORKER, 'not-the-entry.ts') },
    // The entry of a Worker project, without a top-level side effect; a top-level `await import()`.
    {
      code: `const routes = await import('./routes.js');\nexport default { fetch: routes.handle };`,
      filename: path.join(TOML_WORKER, 'src', 'index.ts'),
    },
    // Reading bindings and building a D1 statement at the top level is no I/O; using them in a handler is fine.
    `import { env } from 'cloudflare:workers';
const lookup = env.DB.prepare('SELECT 1');
const name = env.APP_NAME;
export default { async fetch() { return Response.json(await env.KV.get(name)); } };`,
    // Random values at top level, when the option allows them.
    {
      code: `${IMPORT}const id = crypto.randomUUID();`,
      options: [{ workersRandomInGlobalScope: 'allow' }],
    },
  ],
  invalid: [
    {
      code: `${IMPORT}const config = await fetch('https://example.com/config');`,
      errors: [notReady('fetch()', 2, 22, 57)],
    },
    {
      code: `${IMPORT}setInterval(() => {}, 1000);
const id = crypto.randomUUID();
globalThis.setTimeout(() => {}, 1);`,
      errors: [
        notReady('setInterval()', 2, 1, 28),
        notReady('crypto.randomUUID()', 3, 12, 31),
        notReady('globalThis.setTimeout()', 4, 1, 35),
      ],
    },
    {
      // Selected explicitly: a Worker that imports nothing from cloudflare:*.
      code: `const buffer = crypto.getRandomValues(new Uint8Array(16));
export default { fetch() { return new Response(buffer); } };`,
      options: [{ runtimes: ['cloudflare-workers'] }],
      errors: [notReady('crypto.getRandomValues()', 1, 16, 58)],
    },
    {
      // Recognised by its scheduled handler: the fetch is reported, once.
      code: SCHEDULED_WORKER,
      errors: [reportOf(SCHEDULED_WORKER, "fetch('https://example.com/warm')", 'fetch()')],
    },
    {
      // Recognised by `satisfies ExportedHandler`: a top-level await of a call is I/O; of import(), not.
      code: SATISFIES_WORKER,
      errors: [reportOf(SATISFIES_WORKER, 'prisma.$connect()', 'prisma.$connect()', 'cannot do I/O')],
    },
    {
      // Recognised by a fetch handler that takes the Workers context.
      code: CTX_WORKER,
      errors: [reportOf(CTX_WORKER, "setInterval(() => console.log('tick'), 60_000)", 'setInterval()')],
    },
    {
      // A handler object kept in a const.
      code: CONST_WORKER,
      errors: [reportOf(CONST_WORKER, 'setTimeout(() => {}, 10)', 'setTimeout()')],
    },
    {
      // Named as main in wrangler.toml: a Hono app's entry.
      code: HONO_ENTRY,
      filename: path.join(TOML_WORKER, 'src', 'index.ts'),
      errors: [reportOf(HONO_ENTRY, 'crypto.randomUUID()', 'crypto.randomUUID()')],
    },
    {
      // An environment's main, matched without its extension (src/staging.ts names the built src/staging.js).
      code: HONO_ENTRY,
      filename: path.join(TOML_WORKER, 'src', 'staging.js'),
      errors: [reportOf(HONO_ENTRY, 'crypto.randomUUID()', 'crypto.randomUUID()')],
    },
    {
      // Named as main in wrangler.jsonc.
      code: HONO_ENTRY,
      filename: path.join(JSONC_WORKER, 'worker', 'entry.ts'),
      errors: [reportOf(HONO_ENTRY, 'crypto.randomUUID()', 'crypto.randomUUID()')],
    },
    {
      // Calls on bindings at the top level are I/O; prepare() and reading a binding are not.
      code: BINDINGS,
      errors: [
        reportOf(BINDINGS, "env.SETTINGS.get('flags', 'json')", 'env.SETTINGS.get()'),
        reportOf(BINDINGS, "env.EVENTS.send({ type: 'boot' })", 'env.EVENTS.send()'),
      ],
    },
    {
      // An init function with no module, or with a value that is not a bundled Wasm import, may fetch it.
      code: WASM_FETCHING_WORKER,
      errors: [
        reportOf(WASM_FETCHING_WORKER, 'initCodec()', 'initCodec()', 'cannot do I/O'),
        reportOf(WASM_FETCHING_WORKER, 'initCodec(wasmUrl)', 'initCodec()', 'cannot do I/O'),
        reportOf(WASM_FETCHING_WORKER, 'initCodec(codecWasm)', 'initCodec()', 'cannot do I/O'),
      ],
    },
    {
      code: `import { connect } from 'cloudflare:sockets';
const socket = connect('db.internal:5432');`,
      errors: [notReady('connect()', 2, 16, 43)],
    },
    {
      // A helper run from the global scope: reported where it is called.
      code: `${IMPORT}function warmCache() {
  return fetch('https://example.com/warm');
}
warmCache();`,
      errors: [
        {
          messageId: 'notReadyVia',
          data: { api: 'fetch()', line: 3, timing: TIMING, remedy: REMEDY },
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 12,
        },
      ],
    },
  ],
});
