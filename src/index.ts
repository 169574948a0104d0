import { createRequire } from 'node:module';

import type { TSESLint } from '@typescript-eslint/utils';

import { type ConfigName, createConfigs } from './configs.js';
import { rules } from './rules.js';

const require = createRequire(import.meta.url);
const { name, version } = require('../package.json') as { name: string; version: string };

const base = { meta: { name, version, namespace: 'defuse' }, rules };
// The configs refer to the plugin object itself, so they are added to it in place.
const plugin: typeof base & { configs: Record<ConfigName, TSESLint.FlatConfig.Config> } = Object.assign(base, {
  configs: createConfigs(base as unknown as TSESLint.FlatConfig.Plugin, rules),
});

export default plugin;
export { plugin as 'module.exports' };
export { rules };
