// How the configs are generated from the rules' `meta.docs`: which config
// turns a rule on, the options `strict` passes (`meta.docs.strictOptions`,
// checked against the rule's own options type), the files each config lints.
import { tmpdir } from 'node:os';

import { type ESLint, Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { createConfigs } from '../src/configs.js';
import plugin from '../src/index.js';
import { createRule } from '../src/util/create-rule.js';
import { REPO_ROOT } from './e2e/helpers.js';

type Options = [{ checkTestFiles?: boolean; limit?: number }];

/** A rule that reports the options it received, so a lint shows what a config passed. */
function probe(name: string, recommended: 'recommended' | 'strict', strictOptions?: Options) {
  return createRule<Options, 'options'>({
    name,
    meta: {
      type: 'problem',
      docs: { description: 'Reports its options.', recommended, ...(strictOptions ? { strictOptions } : {}) },
      defaultOptions: [{ checkTestFiles: false, limit: 3 }],
      messages: { options: '{{ options }}' },
      schema: [
        {
          type: 'object',
          properties: { checkTestFiles: { type: 'boolean' }, limit: { type: 'integer' } },
          additionalProperties: false,
        },
      ],
    },
    create(context, [options]) {
      return {
        Program(node) {
          context.report({ node, messageId: 'options', data: { options: JSON.stringify(options) } });
        },
      };
    },
  });
}

const rules = {
  plain: probe('plain', 'recommended'),
  opinionated: probe('opinionated', 'recommended', [{ checkTestFiles: true }]),
  noisy: probe('noisy', 'strict'),
};
// As src/index.ts does: the rules keep typescript-eslint's typing, ESLint sees a plugin.
const probePlugin = { meta: { name: 'probe' }, rules } as unknown as ESLint.Plugin;

describe('createConfigs', () => {
  const configs = createConfigs(probePlugin, rules, tmpdir());

  it("turns on each rule by its docs' config", () => {
    expect(configs.recommended.rules).toEqual({ 'defuse/plain': 'error', 'defuse/opinionated': 'error' });
    expect(configs['recommended-type-checked'].rules).toEqual(configs.recommended.rules);
    expect(configs.strict.rules).toEqual({
      'defuse/plain': 'error',
      'defuse/opinionated': ['error', { checkTestFiles: true }],
      'defuse/noisy': 'error',
    });
    expect(configs.all.rules).toEqual({
      'defuse/plain': 'error',
      'defuse/opinionated': 'error',
      'defuse/noisy': 'error',
    });
  });

  it('passes the strict options to the rule, over its defaults', () => {
    const linter = new Linter({ cwd: tmpdir() });
    const messages = (name: 'recommended' | 'strict') =>
      linter
        .verify('export {};\n', [configs[name]], { filename: `${tmpdir()}/file.js` })
        .map((message) => [message.ruleId, message.message]);
    expect(messages('recommended')).toEqual([
      ['defuse/plain', '{"checkTestFiles":false,"limit":3}'],
      ['defuse/opinionated', '{"checkTestFiles":false,"limit":3}'],
    ]);
    expect(messages('strict')).toEqual([
      ['defuse/plain', '{"checkTestFiles":false,"limit":3}'],
      ['defuse/opinionated', '{"checkTestFiles":true,"limit":3}'],
      ['defuse/noisy', '{"checkTestFiles":false,"limit":3}'],
    ]);
  });

  it('lints JavaScript and TypeScript files, and Vue files only where the project has vue-eslint-parser', () => {
    const code = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx', '**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'];
    for (const config of Object.values(configs)) expect(config.files).toEqual(code);
    // The repository has vue-eslint-parser (a devDependency), as a Vue project has.
    const withVue = createConfigs(probePlugin, rules, REPO_ROOT);
    for (const config of Object.values(withVue)) expect(config.files).toEqual([...code, '**/*.vue']);
  });
});

describe('the plugin', () => {
  it("builds strict from every rule's declared strict options", () => {
    for (const [name, rule] of Object.entries(plugin.rules)) {
      const docs = rule.meta.docs as { strictOptions?: unknown[] } | undefined;
      const expected = docs?.strictOptions === undefined ? 'error' : ['error', ...docs.strictOptions];
      expect(plugin.configs.strict.rules?.[`defuse/${name}`], name).toEqual(expected);
    }
  });
});
