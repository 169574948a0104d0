import { angular } from './angular.js';
import { cloudflareWorkers } from './cloudflare-workers.js';
import type { RuntimeDefinition } from './definition.js';
import { electron } from './electron.js';
import { fastify } from './fastify.js';
import { nuxt } from './nuxt.js';
import { pinia } from './pinia.js';
import { vue } from './vue.js';

export type { RuntimeDefinition } from './definition.js';

/**
 * The built-in runtime definitions, by the name the `runtimes` option selects
 * them with. Looked up by user-given names, so it inherits nothing (no
 * `constructor`, no `__proto__`) and cannot be changed.
 */
export const builtinRuntimes: Readonly<Record<string, RuntimeDefinition>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, RuntimeDefinition>, {
    angular,
    'cloudflare-workers': cloudflareWorkers,
    electron,
    fastify,
    nuxt,
    pinia,
    vue,
  }),
);
