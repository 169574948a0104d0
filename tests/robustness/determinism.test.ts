// No state leaks between files: two ESLint instances lint the same files in
// opposite orders, syntactically and type-aware, and must report the same.
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';
import { allRules, createVirtualProgram, virtualPath, virtualRoot } from './lint-setup.js';
import { samples } from './syntax-samples.js';

// TypeScript files only: in a type-aware setup every file goes through the TypeScript parser.
const files = samples.filter((sample) => /\.[cm]?tsx?$/.test(sample.name));

function createESLint(typeAware: boolean): ESLint {
  const program = typeAware ? createVirtualProgram(files) : undefined;
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
      languageOptions: { parser: tsParser, parserOptions: program ? { programs: [program] } : {} },
      plugins: { defuse: plugin },
      rules: allRules('strict'),
    },
  ];
  return new ESLint({ cwd: virtualRoot, overrideConfigFile: true, overrideConfig: config, ignore: false });
}

async function lintInOrder(eslint: ESLint, order: typeof files) {
  const byFile: Record<string, Linter.LintMessage[]> = {};
  for (const sample of order) {
    const [result] = await eslint.lintText(sample.code, { filePath: virtualPath(sample) });
    byFile[sample.name] = result?.messages ?? [];
  }
  return byFile;
}

describe.each([
  ['syntactic', false],
  ['type-aware', true],
])('%s', (_label, typeAware) => {
  it('gives the same reports in two instances and two file orders', async () => {
    const forward = await lintInOrder(createESLint(typeAware), files);
    const backward = await lintInOrder(createESLint(typeAware), [...files].reverse());
    // The same instance again, after it has seen every file once.
    const again = createESLint(typeAware);
    await lintInOrder(again, files);
    const repeated = await lintInOrder(again, [...files].reverse());
    expect(
      Object.values(forward)
        .flat()
        .some((message) => message.ruleId?.startsWith('defuse/')),
    ).toBe(true);
    expect(
      Object.values(forward)
        .flat()
        .filter((message) => message.fatal),
    ).toEqual([]);
    expect(backward).toEqual(forward);
    expect(repeated).toEqual(forward);
  });
});
