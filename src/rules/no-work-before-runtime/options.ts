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

const stringList = (description: string): JSONSchema4 => ({ type: 'array', items: { type: 'string' }, description });
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
              name: { type: 'string', description: 'The runtime, as messages name it: `ActorSystem`.' },
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

/** A runtime definition from the `runtimes` option. */
function fromUser(user: UserRuntime): RuntimeDefinition {
  const hasInstance = user.instance !== undefined;
  const source = (on: 'module' | 'instance' | undefined): ApiSource =>
    (on ?? (hasInstance ? 'instance' : 'module')) === 'instance' ? { instance: 'runtime' } : 'module';
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
    ...(user.instance ? { instances: { runtime: user.instance } } : {}),
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

/** The runtimes the `runtimes` option selects, by name: built-in ones and the user's own. */
export function selectedRuntimes(options: RuleOptions): Map<string, RuntimeDefinition> {
  const selected = new Map<string, RuntimeDefinition>();
  for (const entry of options.runtimes ?? []) {
    const def = typeof entry === 'string' ? builtinRuntimes[entry] : fromUser(entry);
    if (def) selected.set(def.name, def);
  }
  return selected;
}
