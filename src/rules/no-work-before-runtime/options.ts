import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';

import type { ApiSource, RuntimeApi, RuntimeDefinition, RuntimeOptions } from '../../runtimes/definition.js';
import { builtinRuntimes } from '../../runtimes/index.js';

/** A user-defined runtime, as the `runtimes` option takes it. */
export interface UserRuntime {
  name: string;
  kind?: 'phase' | 'scoped';
  modules: string[];
  instance?: { path: string[]; create: 'call' | 'new' };
  requires: UserApi[];
  mustPrecede?: UserApi[];
  ready?: { path: string[]; signal: 'promise' | 'call'; on?: 'module' | 'instance' }[];
  before?: string;
  after?: string;
  fix?: string;
}

interface UserApi {
  path: string[];
  use?: 'call' | 'new' | 'read';
  on?: 'module' | 'instance';
  error?: string;
}

export interface RuleOptions extends RuntimeOptions {
  runtimes?: (string | UserRuntime)[];
  detect?: boolean;
}

export type Options = [RuleOptions];

export const DEFAULT_OPTIONS: RuleOptions = { runtimes: [], detect: true, workersRandomInGlobalScope: 'report' };

/**
 * Names that would reach `Object.prototype` if they ever became keys of a
 * plain object: refused in every user-given name, module and path, so that no
 * option can change what a later lint in the same process sees.
 */
export const UNSAFE_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** A name, module or path segment of a user runtime. */
const safeString = (description?: string): JSONSchema4 => ({
  type: 'string',
  not: { type: 'string', enum: [...UNSAFE_KEYS] },
  ...(description === undefined ? {} : { description }),
});
const stringList = (description: string): JSONSchema4 => ({ type: 'array', items: safeString(), description });
const userApiSchema: JSONSchema4 = {
  type: 'object',
  additionalProperties: false,
  required: ['path'],
  properties: {
    path: stringList('Property path from the module (or the instance): `["spawn"]`.'),
    use: { type: 'string', enum: ['call', 'new', 'read'], description: 'How the API is used. Default `call`.' },
    on: {
      type: 'string',
      enum: ['module', 'instance'],
      description:
        'Whether the path starts at the module or at the runtime instance. Default: the instance when one is defined.',
    },
    error: { type: 'string', description: 'The error the runtime throws, quoted in the report: keep it short.' },
  },
};

/** The rule's one option object. */
export const OPTIONS_SCHEMA: JSONSchema4 = {
  type: 'object',
  additionalProperties: false,
  properties: {
    runtimes: {
      type: 'array',
      description:
        'Runtimes to check in every file, even without an import that shows them: built-in names (`electron`, `pinia`, `vue`, `nuxt`, `angular`, `cloudflare-workers`, `fastify`) or definitions of your own.',
      items: {
        anyOf: [
          { type: 'string', enum: Object.keys(builtinRuntimes), description: 'A built-in runtime.' },
          {
            type: 'object',
            description: 'A runtime of your own: an API that only works after a ready signal.',
            additionalProperties: false,
            required: ['name', 'modules', 'requires'],
            properties: {
              name: safeString(
                'The runtime, as messages name it: `ActorSystem`. A built-in name (`electron`) extends that runtime.',
              ),
              kind: {
                type: 'string',
                enum: ['phase', 'scoped'],
                description:
                  '`phase` (default): ready for good once the signal ran. `scoped`: never at module top level.',
              },
              modules: stringList(
                'Module specifiers the runtime comes from; a bare name also matches a relative import ending in it (`actors` matches `../lib/actors`).',
              ),
              instance: {
                type: 'object',
                additionalProperties: false,
                required: ['path', 'create'],
                description:
                  'The runtime object, made by calling or constructing a module export: `new ActorSystem()`.',
                properties: {
                  path: stringList('Path of the export that makes it: `["ActorSystem"]`.'),
                  create: {
                    type: 'string',
                    enum: ['call', 'new'],
                    description: 'Whether it is called or constructed.',
                  },
                },
              },
              requires: {
                type: 'array',
                items: userApiSchema,
                description: 'APIs that need the runtime to be ready.',
              },
              mustPrecede: {
                type: 'array',
                items: userApiSchema,
                description: 'APIs that must run before the runtime is ready.',
              },
              ready: {
                type: 'array',
                description: 'What makes the runtime ready.',
                items: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['path', 'signal'],
                  properties: {
                    path: stringList('Path of the ready API: `["start"]`.'),
                    signal: {
                      type: 'string',
                      enum: ['promise', 'call'],
                      description:
                        '`promise`: ready once awaited (or in its `.then` callback); `call`: ready once the call returns.',
                    },
                    on: {
                      type: 'string',
                      enum: ['module', 'instance'],
                      description: 'Whether the path starts at the module or at the instance.',
                    },
                  },
                },
              },
              before: {
                type: 'string',
                description: 'Completes "`system.spawn()` throws …": `before the actor system has started`.',
              },
              after: {
                type: 'string',
                description: 'Completes "`system.configure()` throws …" for `mustPrecede` APIs.',
              },
              fix: { type: 'string', description: 'How to fix a report, in a few words.' },
            },
          },
        ],
      },
    },
    detect: {
      type: 'boolean',
      description:
        'Turn built-in runtimes on by evidence in the file (an import of `electron`, `pinia`, …). Default `true`.',
    },
    workersRandomInGlobalScope: {
      type: 'string',
      enum: ['report', 'allow'],
      description:
        "Whether `crypto.getRandomValues()` / `crypto.randomUUID()` in a Worker's global scope is reported. Default `report`: workerd still forbids it.",
    },
  },
};

/** The instance name a user runtime's `instance` is known by (built-in runtimes use other names). */
const USER_INSTANCE = 'user runtime';

/** A runtime definition from the `runtimes` option. */
function fromUser(user: UserRuntime): RuntimeDefinition {
  const hasInstance = user.instance !== undefined;
  const source = (on: 'module' | 'instance' | undefined): ApiSource =>
    (on ?? (hasInstance ? 'instance' : 'module')) === 'instance' ? { instance: USER_INSTANCE } : 'module';
  const api = (entry: UserApi): RuntimeApi => ({
    path: entry.path,
    use: entry.use ?? 'call',
    from: source(entry.on),
    outcome: entry.error === undefined ? 'fails' : `throws '${entry.error}'`,
  });
  return {
    name: user.name,
    kind: user.kind ?? 'phase',
    modules: user.modules,
    relativeModules: true,
    ...(user.instance ? { instances: { [USER_INSTANCE]: user.instance } } : {}),
    requires: user.requires.map(api),
    mustPrecede: (user.mustPrecede ?? []).map(api),
    ready: (user.ready ?? []).map((signal) => ({ signal: signal.signal, path: signal.path, from: source(signal.on) })),
    wording: {
      before: user.before ?? `before ${user.name} is ready`,
      fix: user.fix ?? `wait for ${user.name} to be ready first`,
      after: user.after ?? `after ${user.name} is ready`,
      afterFix: `call it before ${user.name} is ready`,
    },
  };
}

/**
 * A user runtime named like a built-in one extends it: the built-in's APIs,
 * signals and contexts stay, the user's are added, and the user's wording
 * replaces the built-in's only where it is given. Its modules are matched
 * exactly, as the built-in's are. A new definition: the built-in one is never
 * changed, so that one lint's options cannot reach the next.
 */
function extendBuiltin(builtin: RuntimeDefinition, user: UserRuntime): RuntimeDefinition {
  const own = fromUser(user);
  const ownRequires = own.requires;
  const { requiresUnder } = builtin;
  return {
    ...builtin,
    modules: [...new Set([...builtin.modules, ...own.modules])],
    instances: { ...builtin.instances, ...own.instances },
    requires: [...builtin.requires, ...ownRequires],
    ...(requiresUnder ? { requiresUnder: (options) => [...requiresUnder(options), ...ownRequires] } : {}),
    mustPrecede: [...(builtin.mustPrecede ?? []), ...(own.mustPrecede ?? [])],
    ready: [...(builtin.ready ?? []), ...(own.ready ?? [])],
    wording: {
      ...builtin.wording,
      ...(user.before === undefined ? {} : { before: user.before }),
      ...(user.fix === undefined ? {} : { fix: user.fix }),
      ...(user.after === undefined ? {} : { after: user.after }),
    },
  };
}

/** The runtimes the `runtimes` option selects, by name: built-in ones, extended ones and the user's own. */
export function selectedRuntimes(options: RuleOptions): Map<string, RuntimeDefinition> {
  const selected = new Map<string, RuntimeDefinition>();
  for (const entry of options.runtimes ?? []) {
    if (typeof entry === 'string') {
      const builtin = builtinRuntimes[entry];
      if (builtin && !selected.has(entry)) selected.set(entry, builtin);
      continue;
    }
    const base = selected.get(entry.name) ?? builtinRuntimes[entry.name];
    selected.set(entry.name, base ? extendBuiltin(base, entry) : fromUser(entry));
  }
  return selected;
}
