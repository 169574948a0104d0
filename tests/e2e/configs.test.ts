// The shared configs as a user composes them, in one fresh CommonJS project
// (`npm init -y` makes one) that installs the packed plugin beside ESLint,
// TypeScript, typescript-eslint, vue-eslint-parser and @eslint/json, once for
// the whole file: each config is used alone (JavaScript, TypeScript and Vue
// files each get their parser), next to another language's plugin, after
// typescript-eslint's type-checked config (its parser and types are kept), and
// in the three ways a config is written (in an array, in defineConfig, extended). A JavaScript-only lint
// never loads TypeScript, and npm installs one @typescript-eslint/parser.
import path from 'node:path';

import { beforeAll, describe, expect, it, vi } from 'vitest';

import { createInstalledProject, type ProcessResult, repoVersionOf, run } from './helpers.js';

vi.setConfig({ testTimeout: 120_000 });

const PLACEHOLDER_JS = "export function load() {\n  throw new Error('Not implemented');\n}\n";
const PLACEHOLDER_TS = "export function load(): string {\n  throw new Error('Not implemented');\n}\n";
// Not an empty `{}`: only type information tells that `redis` is missing.
const PARTIAL_STATE_TS = [
  'interface AppState {',
  '  db: string;',
  '  redis: string;',
  '}',
  "export const state = { db: 'postgres://' } as AppState;",
  'export const cacheHost = (): string => state.redis.trim();',
  '',
].join('\n');
const VUE_SFC = [
  '<template><p>{{ label }}</p></template>',
  '<script setup lang="ts">',
  'const label: string = load();',
  'function load(): string {',
  "  throw new Error('Not implemented');",
  '}',
  '</script>',
  '',
].join('\n');

const config = (body: string) => `import defuse from 'eslint-plugin-defuse';\n${body}`;

let project: string;

beforeAll(async () => {
  project = await createInstalledProject({
    // `npm init -y` writes no "type": a CommonJS project, where only `.mjs` is an ES module.
    packageJson: { type: 'commonjs' },
    dependencies: [
      `eslint@${repoVersionOf('eslint')}`,
      `typescript@${repoVersionOf('typescript')}`,
      'typescript-eslint@8',
      'vue-eslint-parser@10',
      '@eslint/json@latest',
    ],
    files: {
      'eslint.config.mjs': config('\nexport default [defuse.configs.recommended];\n'),
      'define.config.mjs': config(
        "import { defineConfig } from 'eslint/config';\n\nexport default defineConfig([defuse.configs.recommended]);\n",
      ),
      'extends.config.mjs': config(
        "import { defineConfig } from 'eslint/config';\n\nexport default defineConfig({ extends: [defuse.configs.recommended] });\n",
      ),
      'json.config.mjs': config(
        [
          "import json from '@eslint/json';",
          '',
          'export default [',
          '  defuse.configs.recommended,',
          "  { files: ['**/*.json'], ignores: ['package*.json'], plugins: { json }, language: 'json/json', ...json.configs.recommended },",
          '];',
          '',
        ].join('\n'),
      ),
      'typed.config.mjs': config(
        [
          "import tseslint from 'typescript-eslint';",
          '',
          'export default [',
          '  ...tseslint.configs.recommendedTypeChecked,',
          '  { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },',
          '  defuse.configs.recommended,',
          "  { rules: { '@typescript-eslint/no-unsafe-assignment': 'off' } },",
          '];',
          '',
        ].join('\n'),
      ),
      'type-checked.config.mjs': config("\nexport default [defuse.configs['recommended-type-checked']];\n"),
      'tsconfig.json': `${JSON.stringify({ compilerOptions: { strict: true, noEmit: true }, include: ['src'] })}\n`,
      'src/plain.js': PLACEHOLDER_JS,
      'src/module.mjs': PLACEHOLDER_JS,
      'src/script.cjs': "module.exports = function load() {\n  throw new Error('Not implemented');\n};\n",
      'src/view.jsx': "export function View() {\n  throw new Error('Not implemented');\n  return <p />;\n}\n",
      'src/load.ts': PLACEHOLDER_TS,
      'src/load.mts': PLACEHOLDER_TS,
      'src/state.ts': PARTIAL_STATE_TS,
      'src/App.vue': VUE_SFC,
      'src/data.json': '{ "a": 1, "a": 2 }\n',
      'record-loads.cjs': [
        '// Records, at exit, whether this process ever loaded the TypeScript compiler.',
        "const { writeFileSync } = require('node:fs');",
        "process.on('exit', () => {",
        '  const loaded = Object.keys(require.cache).some((file) => /[\\\\/]typescript[\\\\/]lib[\\\\/]typescript\\.js$/.test(file));',
        '  writeFileSync(process.env.LOADS_FILE, JSON.stringify({ typescript: loaded }));',
        '});',
        '',
      ].join('\n'),
    },
  });
}, 360_000);

interface FileReport {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; message: string }[];
}

async function eslint(args: string[], env?: Record<string, string>): Promise<ProcessResult> {
  return run(process.execPath, ['node_modules/eslint/bin/eslint.js', '--format', 'json', ...args], {
    cwd: project,
    ...(env === undefined ? {} : { env }),
  });
}

/** `[file, [[ruleId, line, column], …]]` for every linted file. */
function summary(result: ProcessResult): [string, [string | null, number, number][]][] {
  const report = JSON.parse(result.stdout) as FileReport[];
  return report.map((file) => [
    path.relative(project, file.filePath),
    file.messages.map(({ ruleId, line, column }) => [ruleId, line, column]),
  ]);
}

const PLACEHOLDER_REPORTS: [string, [string | null, number, number][]][] = [
  ['src/App.vue', [['defuse/no-placeholder-throw', 5, 3]]],
  ['src/load.mts', [['defuse/no-placeholder-throw', 2, 3]]],
  ['src/load.ts', [['defuse/no-placeholder-throw', 2, 3]]],
  ['src/module.mjs', [['defuse/no-placeholder-throw', 2, 3]]],
  ['src/plain.js', [['defuse/no-placeholder-throw', 2, 3]]],
  ['src/script.cjs', [['defuse/no-placeholder-throw', 2, 3]]],
  ['src/state.ts', []],
  ['src/view.jsx', [['defuse/no-placeholder-throw', 2, 3]]],
];

describe('defuse.configs.recommended in a CommonJS project', () => {
  it.each(['eslint.config.mjs', 'define.config.mjs', 'extends.config.mjs'])(
    'lints JavaScript, TypeScript and Vue files with %s',
    async (file) => {
      const result = await eslint(['-c', file, 'src']);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(1);
      expect(summary(result)).toEqual(PLACEHOLDER_REPORTS);
    },
  );

  it('leaves JSON to @eslint/json: no crash, each file linted by its own rules', async () => {
    const result = await eslint(['-c', 'json.config.mjs', 'src']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    expect(summary(result)).toEqual(
      [...PLACEHOLDER_REPORTS, ['src/data.json', [['json/no-duplicate-keys', 1, 11]]] as const].sort(([a], [b]) =>
        a.localeCompare(b),
      ),
    );
  });

  it("keeps typescript-eslint's parser and type information when composed after it", async () => {
    const result = await eslint(['-c', 'typed.config.mjs', 'src/state.ts', 'src/load.ts']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as FileReport[];
    expect(summary(result)).toEqual([
      ['src/load.ts', [['defuse/no-placeholder-throw', 2, 3]]],
      ['src/state.ts', [['defuse/no-partial-state', 5, 22]]],
    ]);
    // Only the type checker knows that `redis` is required.
    expect(report[1]!.messages[0]!.message).toContain('redis');
  });

  it("gets type information with defuse.configs['recommended-type-checked'] alone", async () => {
    const result = await eslint(['-c', 'type-checked.config.mjs', 'src/state.ts', 'src/plain.js']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    expect(summary(result)).toEqual([
      ['src/plain.js', [['defuse/no-placeholder-throw', 2, 3]]],
      ['src/state.ts', [['defuse/no-partial-state', 5, 22]]],
    ]);
  });

  it('never loads TypeScript to lint JavaScript files', async () => {
    const loads = path.join(project, 'loads.json');
    const result = await run(
      process.execPath,
      ['--require', './record-loads.cjs', 'node_modules/eslint/bin/eslint.js', 'src/plain.js', 'src/view.jsx'],
      { cwd: project, env: { LOADS_FILE: loads } },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const recorded = await run(process.execPath, ['-p', `require(${JSON.stringify(loads)}).typescript`], {
      cwd: project,
    });
    expect(recorded.stdout.trim()).toBe('false');

    // The same hook sees TypeScript load for a TypeScript file: the check above can fail.
    await run(
      process.execPath,
      ['--require', './record-loads.cjs', 'node_modules/eslint/bin/eslint.js', 'src/load.ts'],
      {
        cwd: project,
        env: { LOADS_FILE: loads },
      },
    );
    const recordedForTypeScript = await run(process.execPath, ['-p', `require(${JSON.stringify(loads)}).typescript`], {
      cwd: project,
    });
    expect(recordedForTypeScript.stdout.trim()).toBe('true');
  });

  it("shares typescript-eslint's one copy of @typescript-eslint/parser", async () => {
    const result = await run('npm', ['query', '#@typescript-eslint/parser'], { cwd: project });
    expect(result.status).toBe(0);
    const copies = JSON.parse(result.stdout) as { location: string }[];
    expect(copies.map((copy) => copy.location)).toEqual(['node_modules/@typescript-eslint/parser']);
  });
});
