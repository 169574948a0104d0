// The package as users install it: `npm pack`, `npm install <tarball>` into a
// fresh project with its own eslint.config.js, then ESLint, require() and the
// `defuse` bin from there.
import path from 'node:path';

import { beforeAll, describe, expect, it, vi } from 'vitest';

import { createInstalledProject, type ProcessResult, run } from './helpers.js';

vi.setConfig({ testTimeout: 120_000 });

const PLACEHOLDER = "export function load() {\n  throw new Error('Not implemented');\n}\n";

let project: string;

beforeAll(async () => {
  project = await createInstalledProject({
    files: {
      'eslint.config.js':
        "import defuse from 'eslint-plugin-defuse';\n\nexport default [defuse.configs.recommended];\n",
      'src/load.js': PLACEHOLDER,
      'src/add.js': 'export const add = (a, b) => a + b;\n',
      'require-plugin.cjs': [
        "const defuse = require('eslint-plugin-defuse');",
        'console.log(JSON.stringify({',
        '  meta: defuse.meta,',
        '  configs: Object.keys(defuse.configs),',
        "  rule: typeof defuse.rules['no-placeholder-throw']?.create,",
        '  same: defuse.configs.recommended.plugins.defuse === defuse,',
        '}));',
        '',
      ].join('\n'),
    },
  });
}, 240_000);

/** Runs `npx …` in the project; npm's own config warnings are dropped from stderr. */
async function npx(args: string[]): Promise<ProcessResult> {
  const result = await run('npx', ['--no-install', ...args], { cwd: project, env: { NO_COLOR: '1' } });
  return { ...result, stderr: result.stderr.replace(/^npm warn .*\n/gm, '') };
}

describe('the packed plugin in a fresh project', () => {
  it('reports with `npx eslint .` and defuse.configs.recommended', async () => {
    const result = await npx(['eslint', '--format', 'json', '.']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as {
      filePath: string;
      messages: { ruleId: string | null; line: number; column: number }[];
    }[];
    expect(
      report.map((file) => [
        path.relative(project, file.filePath),
        file.messages.map(({ ruleId, line, column }) => [ruleId, line, column]),
      ]),
    ).toEqual([
      ['eslint.config.js', []],
      ['require-plugin.cjs', []],
      ['src/add.js', []],
      ['src/load.js', [['defuse/no-placeholder-throw', 2, 3]]],
    ]);
  });

  it('is the same plugin object from require() in a CommonJS file', async () => {
    const result = await run(process.execPath, ['require-plugin.cjs'], { cwd: project });
    // Node 20.19+ loads ES modules from require() without a flag or a warning.
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      meta: { name: 'eslint-plugin-defuse', version: expect.stringMatching(/^\d+\.\d+\.\d+/), namespace: 'defuse' },
      configs: ['recommended', 'strict', 'recommended-type-checked', 'all'],
      rule: 'function',
      same: true,
    });
  });

  it('runs the `defuse` bin from the installed package', async () => {
    const result = await npx(['defuse', 'src']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(path.join(project, 'src/load.js'));
    expect(result.stdout).toMatch(/2:3 +error .* defuse\/no-placeholder-throw/);

    const clean = await npx(['defuse', 'src/add.js']);
    expect(clean).toEqual({ status: 0, stdout: '', stderr: '' });
  });
});
