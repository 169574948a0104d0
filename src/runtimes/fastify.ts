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
    effect: "it throws FST_ERR_INSTANCE_ALREADY_LISTENING 'Fastify instance is already listening. Cannot add route!'",
  })),
  ...SETUP.map((method) => ({
    path: [method],
    use: 'call' as const,
    from: { instance },
    effect: `it throws FST_ERR_INSTANCE_ALREADY_LISTENING 'Fastify instance is already listening. Cannot call "${method}"!'`,
  })),
  ...DECORATORS.map((method) => ({
    path: [method],
    use: 'call' as const,
    from: { instance },
    effect: "it throws FST_ERR_DEC_AFTER_START 'The decorator … has been added after start!'",
  })),
  {
    path: ['register'],
    use: 'call',
    from: { instance },
    effect: "it throws FST_ERR_ROOT_PLG_BOOTED 'Root plugin has already booted'",
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
    before: 'before the Fastify server has started',
    fix: 'wait for the server to start',
    after: 'after the Fastify server has started',
    afterFix: 'add routes, hooks, plugins and decorators before `await app.listen()` / `app.ready()`',
  },
};
