// The `defuse` command chooses what it lints: type information per file,
// ignores that apply only below the paths it is given, unmatched patterns,
// and the options that narrow or redirect a run (the built dist/cli.js in a
// child process, on throwaway directories).
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { beforeAll, describe, expect, it, vi } from 'vitest';

import { CLEAN_JS, expectUsageError, PLACEHOLDER_JS, TSCONFIG, TYPED_ONLY_FILES } from './cli-fixtures.js';
import { assertBuilt, createTempProject, runDefuse, writeFiles } from './helpers.js';

vi.setConfig({ testTimeout: 120_000 });
beforeAll(assertBuilt);

/** The linted files of a `--format json` report, relative to `cwd`, in report order. */
function lintedFiles(stdout: string, cwd: string): string[] {
  return (JSON.parse(stdout) as { filePath: string }[]).map((file) => path.relative(cwd, file.filePath));
}

/** `file rule line` for each finding of a `--format json` report. */
function findingsOf(stdout: string, cwd: string): string[] {
  return (JSON.parse(stdout) as { filePath: string; messages: { ruleId: string | null; line: number }[] }[]).flatMap(
    (file) => file.messages.map((message) => `${path.relative(cwd, file.filePath)} ${message.ruleId} ${message.line}`),
  );
}

describe('never lints less than it says', () => {
  it('gives each package of a monorepo the types of its own tsconfig.json, with no root one', async () => {
    const cwd = createTempProject({
      'package.json': '{ "private": true, "workspaces": ["packages/*"] }\n',
      'packages/api/tsconfig.json': TSCONFIG,
      'packages/api/src/pending.ts': TYPED_ONLY_FILES['pending.ts'],
      'packages/api/src/main.ts': TYPED_ONLY_FILES['main.ts'],
      'packages/web/tsconfig.json': TSCONFIG,
      'packages/web/src/state.ts': TYPED_ONLY_FILES['state.ts'],
    });
    const result = await runDefuse(['--format', 'json'], { cwd });
    expect(result.stderr).toBe('');
    expect(findingsOf(result.stdout, cwd)).toEqual([
      'packages/api/src/main.ts defuse/no-placeholder-throw 4',
      'packages/web/src/state.ts defuse/no-partial-state 6',
    ]);
    expect(result.status).toBe(1);
  });

  it('warns about a tsconfig.json whose "extends" cannot be resolved and lints its files without types', async () => {
    const cwd = createTempProject({
      'tsconfig.json': '{ "extends": "@tsconfig/node20/tsconfig.json", "include": ["src"] }\n',
      'src/state.ts': TYPED_ONLY_FILES['state.ts'],
      'src/load.ts': "export function load(): string {\n  throw new Error('Not implemented');\n}\n",
    });
    const result = await runDefuse(['--format', 'json'], { cwd });
    expect(result.stderr.split('\n')).toEqual([
      `defuse: tsconfig.json: cannot resolve "extends" (File '@tsconfig/node20/tsconfig.json' not found.); its files are linted without type information`,
      'defuse: 2 TypeScript files linted without type information: 2 under a tsconfig.json whose "extends" cannot be resolved',
      '',
    ]);
    expect(findingsOf(result.stdout, cwd)).toEqual(['src/load.ts defuse/no-placeholder-throw 2']);
    expect(result.status).toBe(1);
  });

  it('says how many TypeScript files were linted without type information, and why', async () => {
    const cwd = createTempProject({
      'app/tsconfig.json': `${JSON.stringify({ compilerOptions: { strict: true, types: [] }, include: ['src'] })}\n`,
      'app/src/add.ts': 'export const add = (a: number, b: number): number => a + b;\n',
      'app/vite.config.ts': 'export default {};\n',
      'app/scripts/seed.ts': 'export {};\n',
      'tools/build.mts': 'export {};\n',
      'tools/run.js': CLEAN_JS,
    });
    expect(await runDefuse([], { cwd })).toEqual({
      status: 0,
      stdout: '',
      stderr:
        'defuse: 3 TypeScript files linted without type information: 2 that no tsconfig.json includes, 1 with no tsconfig.json above\n',
    });
  });

  it('lints a project that lives below a build/, out/ or dist/ directory, and every path it is given', async () => {
    const parent = createTempProject({});
    const cwd = path.join(parent, 'build/out/app');
    writeFiles(cwd, {
      'src/load.js': PLACEHOLDER_JS,
      'src/user-controller.js': PLACEHOLDER_JS,
      'src/migration-20240101.js': PLACEHOLDER_JS,
      'dist/index.js': PLACEHOLDER_JS,
      'out/index.js': PLACEHOLDER_JS,
      'packages/ui/build/index.js': PLACEHOLDER_JS,
      'node_modules/lib/index.js': PLACEHOLDER_JS,
      '.yarn/cache/lib.js': PLACEHOLDER_JS,
      'public/assets/index-BqTZ1x2C.js': PLACEHOLDER_JS,
      'public/assets/main.3f2a1b9c.js': PLACEHOLDER_JS,
      'public/vendor.min.js': PLACEHOLDER_JS,
    });
    const all = await runDefuse(['--format', 'json'], { cwd });
    expect(all.stderr).toBe('');
    expect(lintedFiles(all.stdout, cwd)).toEqual([
      'src/load.js',
      'src/migration-20240101.js',
      'src/user-controller.js',
    ]);

    const named = await runDefuse(['--format', 'json', 'dist/index.js', 'out', 'public/vendor.min.js'], { cwd });
    expect(named.stderr).toBe('');
    expect(lintedFiles(named.stdout, cwd)).toEqual(['dist/index.js', 'out/index.js', 'public/vendor.min.js']);

    const fromAbove = await runDefuse(['--format', 'json', 'build/out/app'], { cwd: parent });
    expect(lintedFiles(fromAbove.stdout, parent)).toEqual([
      'build/out/app/src/load.js',
      'build/out/app/src/migration-20240101.js',
      'build/out/app/src/user-controller.js',
    ]);
    // Below a named directory, out/ is build output again.
    expectUsageError(await runDefuse(['build'], { cwd: parent }), 'defuse: all files matched by "build" are ignored');
  });

  it(".gitignore files (root, nested, negated) and the ESLint config's ignores", async () => {
    const cwd = createTempProject({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'generated/\n*.gen.js\n!keep.gen.js\n',
      'eslint.config.js': "export default [{ ignores: ['legacy/**'] }];\n",
      'src/load.js': PLACEHOLDER_JS,
      'src/a.gen.js': PLACEHOLDER_JS,
      'src/keep.gen.js': PLACEHOLDER_JS,
      'generated/api.js': PLACEHOLDER_JS,
      'legacy/old.js': PLACEHOLDER_JS,
      'packages/a/.gitignore': '/local.js\n!/generated/\n',
      'packages/a/local.js': PLACEHOLDER_JS,
      'packages/a/sub/local.js': PLACEHOLDER_JS,
      'packages/a/sub/b.gen.js': PLACEHOLDER_JS,
    });
    const result = await runDefuse(['--format', 'json'], { cwd });
    expect(result.stderr).toBe('');
    expect(lintedFiles(result.stdout, cwd)).toEqual([
      'eslint.config.js',
      'packages/a/sub/local.js',
      'src/keep.gen.js',
      'src/load.js',
    ]);

    // Below a named directory the root .gitignore still applies; a named directory it ignores is linted.
    const below = await runDefuse(['--format', 'json', 'packages/a', 'generated', 'legacy'], { cwd });
    expect(below.stderr).toBe('');
    expect(lintedFiles(below.stdout, cwd)).toEqual(['generated/api.js', 'legacy/old.js', 'packages/a/sub/local.js']);
  });

  it('exits 2 for an empty directory, a pattern that matches nothing, or a directory whose files are all ignored', async () => {
    const cwd = createTempProject({ 'src/load.ts': 'export {};\n', 'only-output/dist/index.js': CLEAN_JS });
    mkdirSync(path.join(cwd, 'empty'));
    expectUsageError(await runDefuse(['empty'], { cwd }), 'defuse: no files matching the pattern "empty" were found');
    expectUsageError(
      await runDefuse(['src/**/*.vue'], { cwd }),
      'defuse: no files matching the pattern "src/**/*.vue" were found',
    );
    expectUsageError(
      await runDefuse(['only-output'], { cwd }),
      'defuse: all files matched by "only-output" are ignored',
    );
  });

  it('expands glob patterns itself', async () => {
    const cwd = createTempProject({
      'src/a/load.ts': "export function load(): string {\n  throw new Error('Not implemented');\n}\n",
      'src/b.js': PLACEHOLDER_JS,
      'src/dist/c.ts': 'export {};\n',
      'tsconfig.json': TSCONFIG,
    });
    const result = await runDefuse(['--format', 'json', 'src/**/*.ts'], { cwd });
    expect(result.stderr).toBe('');
    expect(lintedFiles(result.stdout, cwd)).toEqual(['src/a/load.ts']);
  });

  it('says which named files it does not lint', async () => {
    const cwd = createTempProject({ 'README.md': '# x\n', 'load.js': PLACEHOLDER_JS });
    const result = await runDefuse(['README.md', 'load.js', '--ignore-pattern', 'load.js'], { cwd });
    expect(result).toEqual({
      status: 0,
      stdout: '',
      stderr:
        'defuse: README.md: not a JavaScript, TypeScript or Vue file; not linted\ndefuse: load.js: ignored by --ignore-pattern; not linted\n',
    });
  });
  it('says how many .vue files it skipped when the project has no vue-eslint-parser', async () => {
    const cwd = createTempProject({
      'src/App.vue': "<script setup>\nthrow new Error('TODO');\n</script>\n",
      'src/Nav.vue': '<template><nav /></template>\n',
      'src/load.js': PLACEHOLDER_JS,
    });
    const result = await runDefuse(['--format', 'json'], { cwd });
    expect(result.stderr).toBe(
      'defuse: 2 .vue files skipped: vue-eslint-parser is not installed in the project (npm i -D vue-eslint-parser)\n',
    );
    expect(lintedFiles(result.stdout, cwd)).toEqual(['src/load.js']);
    expect(result.status).toBe(1);
  });
});

describe('options', () => {
  const WARNED_JS = `/* eslint defuse/no-placeholder-throw: "warn" */\n${PLACEHOLDER_JS}`;

  it('accepts -f=json and --format=json as -f json', async () => {
    const cwd = createTempProject({ 'load.js': PLACEHOLDER_JS });
    const expected = await runDefuse(['-f', 'json'], { cwd });
    expect(expected.status).toBe(1);
    expect(findingsOf(expected.stdout, cwd)).toEqual(['load.js defuse/no-placeholder-throw 2']);
    expect(await runDefuse(['-f=json'], { cwd })).toEqual(expected);
    expect(await runDefuse(['--format=json'], { cwd })).toEqual(expected);
  });

  it('--ignore-pattern skips files in .gitignore syntax, relative to the working directory', async () => {
    const cwd = createTempProject({
      'src/load.js': PLACEHOLDER_JS,
      'src/legacy/old.js': PLACEHOLDER_JS,
      'src/api.gen.js': PLACEHOLDER_JS,
    });
    const result = await runDefuse(
      ['--format', 'json', '--ignore-pattern', 'src/legacy/', '--ignore-pattern=*.gen.js'],
      { cwd },
    );
    expect(lintedFiles(result.stdout, cwd)).toEqual(['src/load.js']);
  });

  it('--quiet reports errors only; --max-warnings fails the run above that many warnings', async () => {
    const cwd = createTempProject({ 'load.js': WARNED_JS });
    const warned = await runDefuse([], { cwd });
    expect(warned.status).toBe(0);
    expect(warned.stdout).toMatch(/^ {2}3:3 +warning +.* defuse\/no-placeholder-throw$/m);

    expect(await runDefuse(['--quiet'], { cwd })).toEqual({ status: 0, stdout: '', stderr: '' });
    const tooMany = await runDefuse(['--max-warnings', '0'], { cwd });
    expect(tooMany.status).toBe(1);
    expect(tooMany.stdout).toBe(warned.stdout);
    expect(tooMany.stderr).toBe('defuse: too many warnings (1; --max-warnings 0)\n');
    expect((await runDefuse(['--max-warnings=1'], { cwd })).status).toBe(0);
    expectUsageError(
      await runDefuse(['--max-warnings', 'none'], { cwd }),
      'defuse: option --max-warnings needs a whole number, not "none"',
    );
  });

  it('-o writes the report to a file instead of stdout', async () => {
    const cwd = createTempProject({ 'load.js': PLACEHOLDER_JS });
    const result = await runDefuse(['-f', 'json', '-o', 'reports/defuse.json'], { cwd });
    expect(result).toEqual({ status: 1, stdout: '', stderr: '' });
    expect(findingsOf(readFileSync(path.join(cwd, 'reports/defuse.json'), 'utf8'), cwd)).toEqual([
      'load.js defuse/no-placeholder-throw 2',
    ]);
    const long = await runDefuse(['--output-file', 'out.txt'], { cwd });
    expect(long).toEqual({ status: 1, stdout: '', stderr: '' });
    expect(readFileSync(path.join(cwd, 'out.txt'), 'utf8')).toContain('defuse/no-placeholder-throw');
  });
});
