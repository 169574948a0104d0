import { createRequire } from 'node:module';

import type { ESLint, Linter, Rule } from 'eslint';

import { createConfigs } from './configs.js';
import { rules as ruleModules } from './rules.js';

const require = createRequire(import.meta.url);
const { name, version } = require('../package.json') as { name: string; version: string };

export type ConfigName = 'recommended' | 'strict' | 'recommended-type-checked' | 'all';

/**
 * The plugin as ESLint sees it, typed with ESLint's own types (those of the
 * user's ESLint, 9 or 10), so that `plugins: { defuse }` and
 * `defineConfig([defuse.configs.recommended])` type-check in a `// @ts-check`
 * config. The rules keep typescript-eslint's typing inside the plugin; the
 * public types name nothing of it, so a user's type check never loads it.
 */
export interface DefusePlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: string };
  configs: Record<ConfigName, Linter.Config>;
  rules: Record<string, Rule.RuleModule & { meta: Rule.RuleMetaData }>;
}

const plugin: DefusePlugin = {
  meta: { name, version, namespace: 'defuse' },
  rules: ruleModules as unknown as DefusePlugin['rules'],
  configs: {} as DefusePlugin['configs'],
};
// The configs refer to the plugin object itself, so they are added to it in place.
plugin.configs = createConfigs(plugin, ruleModules);
/** The rules by name (the plugin's `rules`), typed with ESLint's types as the plugin is. */
const { rules } = plugin;

export default plugin;
export { plugin as 'module.exports' };
export { rules };
