// The `defuse` command as users run it: the built dist/cli.js in a child
// process, on throwaway directories.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { beforeAll, describe, expect, it, vi } from 'vitest';

import { runCli } from '../../src/cli/run.js';
import { rules } from '../../src/index.js';
import { CLEAN_JS, expectUsageError, PLACEHOLDER_JS, TSCONFIG, TYPED_ONLY_FILES } from './cli-fixtures.js';
import { assertBuilt, createTempProject, REPO_ROOT, run, runDefuse } from './helpers.js';

// Each case starts Node, ESLint and often TypeScript: slow on a busy machine.
vi.setConfig({ testTimeout: 120_000 });
beforeAll(assertBuilt);

describe('exit codes and output', () => {
  it('exits 0 and prints nothing for a clean directory', async () => {
    const cwd = createTempProject({
      'add.js': CLEAN_JS,
      'src/sum.ts': 'export const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);\n',
      'tsconfig.json': TSCONFIG,
    });
    const result = await runDefuse([], { cwd });
    expect(result).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('exits 1 and names the rule, file and position when it finds problems', async () => {
    const cwd = createTempProject({ 'add.js': CLEAN_JS, 'load.js': PLACEHOLDER_JS });
    const result = await runDefuse([], { cwd });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(path.join(cwd, 'load.js'));
    expect(result.stdout).toMatch(/^ {2}2:3 +error +.*Not implemented.* +defuse\/no-placeholder-throw$/m);
    expect(result.stdout).toContain('1 problem (1 error, 0 warnings)');
    expect(result.stdout).not.toContain('add.js');
  });

  it('lints only the paths it is given', async () => {
    const cwd = createTempProject({ 'clean/add.js': CLEAN_JS, 'dirty/load.js': PLACEHOLDER_JS });
    expect((await runDefuse(['clean'], { cwd })).status).toBe(0);
    const both = await runDefuse(['clean', 'dirty/load.js'], { cwd });
    expect(both.status).toBe(1);
    expect(both.stdout).toContain(path.join(cwd, 'dirty/load.js'));
  });

  it('lints paths outside the working directory', async () => {
    const elsewhere = createTempProject({ 'load.js': PLACEHOLDER_JS, 'node_modules/lib/index.js': PLACEHOLDER_JS });
    const cwd = createTempProject({ 'add.js': CLEAN_JS });
    for (const target of [elsewhere, path.relative(cwd, elsewhere), path.join(elsewhere, 'load.js')]) {
      const result = await runDefuse(['--format', 'json', target], { cwd });
      expect(result.status).toBe(1);
      const report = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string | null }[] }[];
      expect(report.map((file) => [file.filePath, file.messages.map((message) => message.ruleId)])).toEqual([
        [path.join(elsewhere, 'load.js'), ['defuse/no-placeholder-throw']],
      ]);
    }
  });

  it('exits 1 on a file that does not parse', async () => {
    const cwd = createTempProject({ 'broken.ts': 'const = ;\n' });
    const result = await runDefuse([], { cwd });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^ {2}1:6 +error +Parsing error: Variable declaration expected$/m);
  });

  it('passes --format to ESLint formatters', async () => {
    const cwd = createTempProject({ 'load.js': PLACEHOLDER_JS });
    const result = await runDefuse(['--format', 'json'], { cwd });
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as {
      filePath: string;
      messages: { ruleId: string; line: number; column: number }[];
    }[];
    expect(
      report.map((file) => [
        file.filePath,
        file.messages.map(({ ruleId, line, column }) => ({ ruleId, line, column })),
      ]),
    ).toEqual([[path.join(cwd, 'load.js'), [{ ruleId: 'defuse/no-placeholder-throw', line: 2, column: 3 }]]]);
    const short = await runDefuse(['-f', 'json'], { cwd });
    expect(JSON.parse(short.stdout)).toEqual(report);
  });

  it('prints help and the version', async () => {
    const cwd = createTempProject({});
    const help = await runDefuse(['--help'], { cwd });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: defuse \[paths\.\.\.\] \[options\]/);
    expect(help.stdout).toContain('--format <name>');

    const { version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await runDefuse(['--version'], { cwd })).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('usage and configuration errors: exit 2 with one line on stderr', () => {
  it('rejects an unknown option', async () => {
    const cwd = createTempProject({ 'load.js': PLACEHOLDER_JS });
    expectUsageError(await runDefuse(['--foo'], { cwd }), 'defuse: unknown option --foo');
    expectUsageError(await runDefuse(['-x', '.'], { cwd }), 'defuse: unknown option -x');
  });

  it('rejects an option without its value, or a flag with one', async () => {
    const cwd = createTempProject({});
    expectUsageError(await runDefuse(['--format'], { cwd }), 'defuse: option --format needs a value');
    expectUsageError(await runDefuse(['--help=yes'], { cwd }), 'defuse: option --help takes no value');
  });

  it('rejects a path that does not exist', async () => {
    const cwd = createTempProject({ 'load.js': PLACEHOLDER_JS });
    expectUsageError(await runDefuse(['load.js', 'x'], { cwd }), 'defuse: no such file or directory: x');
  });

  it('rejects a formatter that cannot be loaded', async () => {
    const cwd = createTempProject({ 'add.js': CLEAN_JS });
    expectUsageError(
      await runDefuse(['--format', 'no-such-formatter'], { cwd }),
      'defuse: cannot load formatter "no-such-formatter"',
    );
  });

  it('rejects a tsconfig.json that is not valid JSON', async () => {
    const cwd = createTempProject({
      'tsconfig.json': '{ "compilerOptions": { "strict": true }\n',
      'main.ts': 'export {};\n',
    });
    expectUsageError(await runDefuse([], { cwd }), /^defuse: broken tsconfig: tsconfig\.json:2:1: '}' expected\.$/);
  });

  it('rejects a tsconfig.json with an unknown option', async () => {
    const unknownOption = createTempProject({
      'tsconfig.json': '{ "compilerOptions": { "strictest": true } }\n',
      'main.ts': 'export {};\n',
    });
    expectUsageError(
      await runDefuse([], { cwd: unknownOption }),
      /^defuse: broken tsconfig: tsconfig\.json.*Unknown compiler option 'strictest'/,
    );
  });
});

describe('parsers and project setup', () => {
  it('is type-aware when a tsconfig.json is found, syntactic otherwise', async () => {
    const typed = createTempProject({ ...TYPED_ONLY_FILES, 'tsconfig.json': TSCONFIG });
    const withTypes = await runDefuse(['--format', 'json'], { cwd: typed });
    expect(withTypes.status).toBe(1);
    const report = JSON.parse(withTypes.stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[];
    expect(
      report.flatMap((file) =>
        file.messages.map((message) => [path.basename(file.filePath), message.ruleId, message.line]),
      ),
    ).toEqual([
      ['main.ts', 'defuse/no-placeholder-throw', 4],
      ['state.ts', 'defuse/no-partial-state', 6],
    ]);

    const untyped = createTempProject(TYPED_ONLY_FILES);
    expect(await runDefuse([], { cwd: untyped })).toEqual({
      status: 0,
      stdout: '',
      stderr: 'defuse: 3 TypeScript files linted without type information: 3 with no tsconfig.json above\n',
    });
  });

  it('finds the tsconfig.json above a path it is given', async () => {
    const cwd = createTempProject({
      'app/tsconfig.json': TSCONFIG,
      'app/src/pending.ts': TYPED_ONLY_FILES['pending.ts'],
      'app/src/main.ts': TYPED_ONLY_FILES['main.ts'],
    });
    const result = await runDefuse(['app/src/main.ts'], { cwd });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/4:10 +error .* defuse\/no-placeholder-throw/);
  });

  it('lints TypeScript files no tsconfig.json includes, without types', async () => {
    const cwd = createTempProject({
      'tsconfig.json': `${JSON.stringify({ compilerOptions: { strict: true, types: [] }, include: ['src'] })}\n`,
      'src/add.ts': 'export const add = (a: number, b: number): number => a + b;\n',
      'scripts/seed.mts':
        "export async function seed(): Promise<void> {\n  throw new Error('TODO: seed the database');\n}\n",
      'vite.config.ts': 'export default { root: "src" };\n',
      // Type-only findings: made in the project, not outside it.
      'src/state.ts': TYPED_ONLY_FILES['state.ts'],
      'scripts/state.ts': TYPED_ONLY_FILES['state.ts'],
    });
    const result = await runDefuse(['--format', 'json'], { cwd });
    const report = JSON.parse(result.stdout) as {
      filePath: string;
      messages: { ruleId: string | null; line: number; message: string }[];
    }[];
    expect(report.map((file) => path.relative(cwd, file.filePath)).sort()).toEqual([
      'scripts/seed.mts',
      'scripts/state.ts',
      'src/add.ts',
      'src/state.ts',
      'vite.config.ts',
    ]);
    expect(
      report.flatMap((file) =>
        file.messages.map((message) => [path.relative(cwd, file.filePath), message.ruleId, message.line]),
      ),
    ).toEqual([
      ['scripts/seed.mts', 'defuse/no-placeholder-throw', 2],
      ['src/state.ts', 'defuse/no-partial-state', 6],
    ]);
    expect(result.status).toBe(1);
  });

  it('follows project references of a solution-style tsconfig.json (the Vite layout)', async () => {
    const cwd = createTempProject({
      'tsconfig.json': `${JSON.stringify({ files: [], references: [{ path: './tsconfig.app.json' }] })}\n`,
      'tsconfig.app.json': `${JSON.stringify({ compilerOptions: { composite: true, strict: true, types: [] }, include: ['src'] })}\n`,
      'src/state.ts': TYPED_ONLY_FILES['state.ts'],
    });
    const result = await runDefuse([], { cwd });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^ {2}6:22 +error +`State` is asserted .* defuse\/no-partial-state$/m);
  });

  it('parses every JavaScript and TypeScript flavour, JSX included', async () => {
    const cwd = createTempProject({
      'a.cjs': "module.exports = function load() {\n  throw new Error('Not implemented');\n};\n",
      'b.mjs': PLACEHOLDER_JS,
      'c.jsx':
        'export function View() {\n  if (!window.ready) throw new Error(\'Not implemented\');\n  return <div className="view" />;\n}\n',
      'd.tsx': "export function View(): JSX.Element {\n  throw new Error('Not implemented');\n}\n",
      'e.cts': "export function load(): string {\n  throw new Error('Not implemented');\n}\n",
      'f.txt': "throw new Error('Not implemented');\n",
      'g.js': "export const App = () => <main>{render()}</main>;\nfunction render() {\n  throw new Error('TODO');\n}\n",
    });
    const result = await runDefuse(['--format', 'json'], { cwd });
    const report = JSON.parse(result.stdout) as {
      filePath: string;
      messages: { ruleId: string | null; line: number }[];
    }[];
    expect(
      report.map((file) => [
        path.basename(file.filePath),
        file.messages.map((message) => [message.ruleId, message.line]),
      ]),
    ).toEqual([
      ['a.cjs', [['defuse/no-placeholder-throw', 2]]],
      ['b.mjs', [['defuse/no-placeholder-throw', 2]]],
      ['c.jsx', [['defuse/no-placeholder-throw', 2]]],
      ['d.tsx', [['defuse/no-placeholder-throw', 2]]],
      ['e.cts', [['defuse/no-placeholder-throw', 2]]],
      ['g.js', [['defuse/no-placeholder-throw', 3]]],
    ]);
  });

  it('ignores dependencies, build output and declaration files', async () => {
    const cwd = createTempProject({
      'src/add.js': CLEAN_JS,
      'node_modules/lib/index.js': PLACEHOLDER_JS,
      'packages/app/node_modules/lib/index.js': PLACEHOLDER_JS,
      'dist/index.js': PLACEHOLDER_JS,
      'build/index.js': PLACEHOLDER_JS,
      'coverage/lcov-report/prettify.js': PLACEHOLDER_JS,
      '.next/server/page.js': PLACEHOLDER_JS,
      'types/env.d.ts': 'declare function load(): never;\n',
    });
    expect(await runDefuse([], { cwd })).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it("ignores the linted code's own ESLint comments for rules it does not load", async () => {
    const cwd = createTempProject({
      'a.ts':
        '/* eslint-env node */\n// eslint-disable-next-line @typescript-eslint/no-explicit-any\nexport const x: any = 1; // eslint-disable-line no-console\n',
      'tsconfig.json': TSCONFIG,
    });
    expect(await runDefuse([], { cwd })).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('honours disable comments for its own rules', async () => {
    const cwd = createTempProject({
      'load.js':
        "export function load() {\n  // eslint-disable-next-line defuse/no-placeholder-throw -- stub for the demo\n  throw new Error('Not implemented');\n}\n",
    });
    expect(await runDefuse([], { cwd })).toEqual({ status: 0, stdout: '', stderr: '' });
  });
});

describe('progress', () => {
  const manyFiles = (count: number): Record<string, string> =>
    Object.fromEntries(Array.from({ length: count }, (_, index) => [`src/file-${index}.js`, CLEAN_JS]));

  it('shows nothing on stderr when it is not a terminal', async () => {
    const cwd = createTempProject(manyFiles(60));
    expect(await runDefuse([], { cwd })).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('counts files on a terminal when there are more than 50, and erases the line at the end', async () => {
    const written = { stdout: '', stderr: '' };
    const environment = (cwd: string) => ({
      cwd,
      stdout: { write: (text: string) => ((written.stdout += text), true) } as unknown as NodeJS.WritableStream,
      stderr: Object.assign(
        { write: (text: string) => ((written.stderr += text), true) },
        { isTTY: true },
      ) as unknown as NodeJS.WritableStream & { isTTY: boolean },
    });

    expect(await runCli([], environment(createTempProject({ ...manyFiles(59), 'load.js': PLACEHOLDER_JS })))).toBe(1);
    expect(written.stderr).toContain('\r\u001B[Kdefuse: linted 25/60 files');
    expect(written.stderr).toContain('\r\u001B[Kdefuse: linted 60/60 files');
    expect(written.stderr.endsWith('\r\u001B[K')).toBe(true);
    expect(written.stdout).toContain('defuse/no-placeholder-throw');

    written.stderr = '';
    expect(await runCli([], environment(createTempProject(manyFiles(50))))).toBe(0);
    expect(written.stderr).toBe('');
  });
});

describe('the examples project (`npm run demo`)', () => {
  it('shows every rule of the plugin, each incident where it happened', async () => {
    const result = await runDefuse(['examples', '--format', 'json'], { cwd: REPO_ROOT });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as {
      filePath: string;
      messages: { ruleId: string | null; line: number }[];
    }[];
    const found = Object.fromEntries(
      report
        .filter((file) => file.messages.length > 0)
        .map((file) => [
          path.relative(REPO_ROOT, file.filePath),
          file.messages.map((message) => `${message.line} ${message.ruleId}`),
        ]),
    );
    expect(found).toEqual({
      'examples/backend/state.ts': [
        '40 defuse/no-placeholder-throw',
        '45 defuse/no-placeholder-throw',
        '50 defuse/no-partial-state',
      ],
      'examples/cli/env.ts': ['17 defuse/no-exit-before-flush'],
      'examples/electron/main.ts': ['7 defuse/no-work-before-runtime'],
      'examples/server/index.ts': ['21 defuse/no-zero-exit-on-fatal'],
      'examples/vue/router.ts': ['9 defuse/no-work-before-runtime'],
    });
    const rulesFound = new Set(
      Object.values(found)
        .flat()
        .map((finding) => finding.split(' ')[1]),
    );
    expect([...rulesFound].sort()).toEqual(
      Object.keys(rules)
        .map((name) => `defuse/${name}`)
        .sort(),
    );
  });

  it('type-checks, so every finding is in code the compiler accepts', async () => {
    const tsc = path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc');
    expect(await run(process.execPath, [tsc, '-p', 'examples/tsconfig.json'], { cwd: REPO_ROOT })).toEqual({
      status: 0,
      stdout: '',
      stderr: '',
    });
  });
});
