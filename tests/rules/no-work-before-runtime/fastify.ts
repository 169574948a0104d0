import rule from '../../../src/rules/no-work-before-runtime/index.js';
import { createJsRuleTester, createRuleTester } from '../../rule-tester.js';
import { at } from '../../util/probe-rule.js';

const tooLate = (api: string, line: number, column: number, endColumn: number) => ({
  messageId: 'tooLate' as const,
  data: { api, outcome: 'throws', timing: 'after the server has started', remedy: 'add it before `app.listen()`' },
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
      errors: [tooLate('app.get()', 6, 1, 26)],
    },
    {
      code: `${HEADER}await app.ready();
app.decorate('db', {});
app.register(plugin);`,
      errors: [tooLate('app.decorate()', 6, 1, 23), tooLate('app.register()', 7, 1, 21)],
    },
    {
      code: `${HEADER}app.ready().then(() => app.addHook('onClose', async () => {}));
app.listen({ port: 3000 }, () => {
  app.setErrorHandler(handler);
});`,
      errors: [tooLate('app.addHook()', 5, 24, 62), tooLate('app.setErrorHandler()', 7, 3, 31)],
    },
    {
      code: `import { fastify } from 'fastify';
const server = fastify();
await server.listen();
server.addHook('onRequest', async () => {});`,
      errors: [tooLate('server.addHook()', 4, 1, 44)],
    },
  ],
});

createJsRuleTester().run('no-work-before-runtime (fastify, CommonJS)', rule, {
  valid: [],
  invalid: [
    {
      code: `const server = require('fastify')({ logger: true });
server.listen({ port: 3000 }, () => server.post('/late', () => 'x'));`,
      errors: [tooLate('server.post()', 2, 37, 68)],
    },
  ],
});
