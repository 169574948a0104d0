import rule from '../../../src/rules/no-work-before-runtime/index.js';
import { createJsRuleTester, createRuleTester } from '../../rule-tester.js';
import { at } from '../../util/probe-rule.js';

const WHEN = 'after the Fastify server has started';
const FIX = 'add routes, hooks, plugins and decorators before `await app.listen()` / `app.ready()`';
const ROUTE = "it throws FST_ERR_INSTANCE_ALREADY_LISTENING 'Fastify instance is already listening. Cannot add route!'";
const called = (method: string) =>
  `it throws FST_ERR_INSTANCE_ALREADY_LISTENING 'Fastify instance is already listening. Cannot call "${method}"!'`;

const tooLate = (api: string, effect: string, line: number, column: number, endColumn: number) => ({
  messageId: 'tooLate' as const,
  data: { api, when: WHEN, effect, fix: FIX },
  ...at(line, column, endColumn),
});

const HEADER = `import Fastify from 'fastify';
declare const handler: () => string;
declare const plugin: () => Promise<void>;
const app = Fastify({ logger: true });
`;

createRuleTester().run('no-work-before-runtime (fastify)', rule, {
  valid: [
    `${HEADER}app.addHook('onRequest', async () => {});
app.get('/', handler);
app.register(plugin);
app.decorate('config', {});
await app.listen({ port: 3000 });`,
    `${HEADER}app.get('/', handler);
app.listen({ port: 3000 }, (err) => { if (err) throw err; });`,
    // A plugin's own instance is a parameter, not the started server.
    `${HEADER}app.register(async (instance: typeof app) => { instance.get('/', handler); });
await app.ready();`,
    // Another module's server.
    `import { createServer } from './server';
const app = createServer();
await app.listen();
app.get('/', () => '');`,
  ],
  invalid: [
    {
      code: `${HEADER}await app.listen({ port: 3000 });
app.get('/late', handler);`,
      errors: [tooLate('app.get()', ROUTE, 6, 1, 26)],
    },
    {
      code: `${HEADER}await app.ready();
app.decorate('db', {});
app.register(plugin);`,
      errors: [
        tooLate(
          'app.decorate()',
          "it throws FST_ERR_DEC_AFTER_START 'The decorator … has been added after start!'",
          6,
          1,
          23,
        ),
        tooLate('app.register()', "it throws FST_ERR_ROOT_PLG_BOOTED 'Root plugin has already booted'", 7, 1, 21),
      ],
    },
    {
      code: `${HEADER}app.ready().then(() => app.addHook('onClose', async () => {}));
app.listen({ port: 3000 }, () => {
  app.setErrorHandler(handler);
});`,
      errors: [
        tooLate('app.addHook()', called('addHook'), 5, 24, 62),
        tooLate('app.setErrorHandler()', called('setErrorHandler'), 7, 3, 31),
      ],
    },
    {
      code: `import { fastify } from 'fastify';
const server = fastify();
await server.listen();
server.addHook('onRequest', async () => {});`,
      errors: [tooLate('server.addHook()', called('addHook'), 4, 1, 44)],
    },
  ],
});

createJsRuleTester().run('no-work-before-runtime (fastify, CommonJS)', rule, {
  valid: [],
  invalid: [
    {
      code: `const server = require('fastify')({ logger: true });
server.listen({ port: 3000 }, () => server.post('/late', () => 'x'));`,
      errors: [tooLate('server.post()', ROUTE, 2, 37, 68)],
    },
  ],
});
