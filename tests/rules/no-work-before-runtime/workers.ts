import rule from '../../../src/rules/no-work-before-runtime/index.js';
import { createRuleTester } from '../../rule-tester.js';
import { at } from '../../util/probe-rule.js';

const TIMING = "in the Worker's global scope";
const REMEDY = 'move it into a request handler';

const notReady = (api: string, line: number, column: number, endColumn: number) => ({
  messageId: 'notReady' as const,
  data: { api, outcome: 'throws', timing: TIMING, remedy: REMEDY },
  ...at(line, column, endColumn),
});

const IMPORT = `import { WorkerEntrypoint } from 'cloudflare:workers';\n`;

createRuleTester().run('no-work-before-runtime (cloudflare-workers)', rule, {
  valid: [
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
