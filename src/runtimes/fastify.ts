import type { ReadySignal, RuntimeApi, RuntimeDefinition } from './definition.js';

const ROUTES = ['route', 'get', 'head', 'post', 'put', 'delete', 'options', 'patch', 'all'];
const SETUP = ['addHook', 'setErrorHandler', 'setNotFoundHandler', 'addSchema', 'addContentTypeParser'];
const DECORATORS = ['decorate', 'decorateRequest', 'decorateReply'];

/** The server: `fastify()` (default or CommonJS export) or the named `fastify` export. */
const SERVERS = ['server', 'namedServer'];

const onServer = (instance: string): RuntimeApi[] => [
  ...ROUTES.map((method) => ({
    path: [method],
    use: 'call' as const,
    from: { instance },
    outcome: 'throws',
  })),
  ...SETUP.map((method) => ({
    path: [method],
    use: 'call' as const,
    from: { instance },
    outcome: 'throws',
  })),
  ...DECORATORS.map((method) => ({
    path: [method],
    use: 'call' as const,
    from: { instance },
    outcome: 'throws',
  })),
  {
    path: ['register'],
    use: 'call',
    from: { instance },
    outcome: 'throws',
  },
];

const started = (instance: string): ReadySignal[] => [
  { signal: 'promise', path: ['listen'], from: { instance }, callbackArgument: true },
  { signal: 'promise', path: ['ready'], from: { instance }, callbackArgument: true },
];

/**
 * Fastify, reversed: routes, hooks, plugins and decorators must be added
 * before the server has started (`await app.listen()`, `await app.ready()`,
 * or their callbacks); afterwards Fastify throws.
 */
export const fastify: RuntimeDefinition = {
  name: 'fastify',
  kind: 'phase',
  modules: ['fastify'],
  instances: {
    server: { path: [], create: 'call' },
    namedServer: { path: ['fastify'], create: 'call' },
  },
  requires: [],
  mustPrecede: SERVERS.flatMap(onServer),
  ready: SERVERS.flatMap(started),
  wording: {
    before: 'before the server has started',
    fix: 'wait for the server to start',
    after: 'after the server has started',
    afterFix: 'add it before `app.listen()`',
  },
};
