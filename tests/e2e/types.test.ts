// The plugin's public types as a user's `// @ts-check` eslint.config.mjs sees
// them: every config in ESLint's `defineConfig`, and the plugin under
// `plugins`, type-check with ESLint's own types, on ESLint 9 and on ESLint 10
// (each installed from npm beside the packed plugin, once per version).
import { beforeAll, describe, expect, it, vi } from 'vitest';

import { createInstalledProject, repoVersionOf, run } from './helpers.js';

vi.setConfig({ testTimeout: 120_000 });

const CHECKED_CONFIG = [
  '// @ts-check',
  "import defuse from 'eslint-plugin-defuse';",
  "import { defineConfig } from 'eslint/config';",
  '',
  'export default defineConfig([',
  '  defuse.configs.recommended,',
  '  defuse.configs.strict,',
  "  defuse.configs['recommended-type-checked'],",
  '  defuse.configs.all,',
  '  { plugins: { defuse } },',
  '  { extends: [defuse.configs.recommended] },',
  "  { files: ['**/*.ts'], rules: { 'defuse/no-partial-state': 'off' } },",
  ']);',
  '',
].join('\n');

const TYPED_ARRAY = [
  '// @ts-check',
  "import defuse from 'eslint-plugin-defuse';",
  '',
  "/** @type {import('eslint').Linter.Config[]} */",
  'export default [defuse.configs.recommended, { plugins: { defuse } }];',
  '',
].join('\n');

// A wrong config: proves the check runs (TS2322 is what the issue saw for the plugin itself).
const WRONG_CONFIG = [
  '// @ts-check',
  "import { defineConfig } from 'eslint/config';",
  '',
  "export default defineConfig([{ files: 'src/**/*.js' }]);",
  '',
].join('\n');

const TSCONFIG = {
  compilerOptions: { allowJs: true, checkJs: true, noEmit: true, strict: true, module: 'nodenext', target: 'es2022' },
  files: ['eslint.config.mjs', 'typed-array.config.mjs'],
};

const projects = new Map<string, Promise<string>>();

/** One project per ESLint version, installed once for the file. */
function projectWith(eslint: string): Promise<string> {
  let project = projects.get(eslint);
  if (project === undefined) {
    project = createInstalledProject({
      dependencies: [`eslint@${eslint}`, `typescript@${repoVersionOf('typescript')}`],
      files: {
        'eslint.config.mjs': CHECKED_CONFIG,
        'typed-array.config.mjs': TYPED_ARRAY,
        'wrong.config.mjs': WRONG_CONFIG,
        'tsconfig.json': `${JSON.stringify(TSCONFIG, null, 2)}\n`,
        'tsconfig.wrong.json': `${JSON.stringify({ ...TSCONFIG, files: ['wrong.config.mjs'] }, null, 2)}\n`,
      },
    });
    projects.set(eslint, project);
  }
  return project;
}

const VERSIONS = ['9', repoVersionOf('eslint')];

beforeAll(async () => {
  // Installed one after the other: two npm installs at once would only compete for the same 2 cores.
  for (const version of VERSIONS) await projectWith(version);
}, 480_000);

describe.each(VERSIONS)('with eslint@%s', (version) => {
  it('type-checks every config in defineConfig and the plugin in `plugins`', async () => {
    const project = await projectWith(version);
    const tsc = await run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], {
      cwd: project,
      timeout: 110_000,
    });
    expect(tsc.stdout).toBe('');
    expect(tsc.status).toBe(0);
  });

  it('reports a wrong config, so the check above can fail', async () => {
    const project = await projectWith(version);
    const tsc = await run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.wrong.json'], {
      cwd: project,
      timeout: 110_000,
    });
    expect(tsc.stdout).toMatch(/wrong\.config\.mjs\(4,\d+\): error TS2322/);
    expect(tsc.status).not.toBe(0);
  });

  it('runs ESLint with the type-checked config file', async () => {
    const project = await projectWith(version);
    const result = await run(process.execPath, ['node_modules/eslint/bin/eslint.js', 'eslint.config.mjs'], {
      cwd: project,
    });
    expect(result).toEqual({ status: 0, stdout: '', stderr: '' });
  });
});
