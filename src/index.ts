import { createRequire } from 'node:module';

import type { TSESLint } from '@typescript-eslint/utils';

import { type ConfigName, createConfigs } from './configs.js';
import { rules } from './rules/index.js';

const require = createRequire(import.meta.url);
const { name, version } = require('../package.json') as { name: string; version: string };

const plugin = {
  meta: { name, version, namespace: 'defuse' },
  rules,
  configs: {} as Record<ConfigName, TSESLint.FlatConfig.Config>,
};
plugin.configs = createConfigs(plugin as unknown as TSESLint.FlatConfig.Plugin, rules);

export default plugin;
export { plugin as 'module.exports' };
export { rules };
