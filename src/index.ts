import { createRequire } from 'node:module';

import type { ESLint, Linter, Rule } from 'eslint';

import { type ConfigName, createConfigs } from './configs.js';
import { rules } from './rules.js';

const require = createRequire(import.meta.url);
const { name, version } = require('../package.json') as { name: string; version: string };

/**
 * The plugin as ESLint sees it, typed with ESLint's own types (those of the
 * user's ESLint, 9 or 10), so that `plugins: { defuse }` and
 * `defineConfig([defuse.configs.recommended])` type-check in a `// @ts-check`
 * config. The rules keep typescript-eslint's typing inside the plugin.
 */
export interface DefusePlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: string };
  configs: Record<ConfigName, Linter.Config>;
  rules: Record<string, Rule.RuleModule & { meta: Rule.RuleMetaData }>;
}

const plugin: DefusePlugin = {
  meta: { name, version, namespace: 'defuse' },
  rules: rules as unknown as DefusePlugin['rules'],
  configs: {} as DefusePlugin['configs'],
};
// The configs refer to the plugin object itself, so they are added to it in place.
plugin.configs = createConfigs(plugin, rules);

export default plugin;
export { plugin as 'module.exports' };
export { rules };
export type { ConfigName };
