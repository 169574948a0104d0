// Faults that cost one file, never the run: a rule that throws, a file that
// cannot be read, a reader that closes the pipe early; and the progress line
// on a real terminal, which must not change what is linted.
import { chmodSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { beforeAll, describe, expect, it, vi } from 'vitest';

import { CLEAN_JS, PLACEHOLDER_JS } from './cli-fixtures.js';
import { assertBuilt, CLI_PATH, createTempProject, notRun, REPO_ROOT, run, runDefuse } from './helpers.js';

vi.setConfig({ testTimeout: 120_000 });
beforeAll(assertBuilt);

/** `file rule line` for each finding of a `--format json` report. */
function findingsOf(stdout: string, cwd: string): string[] {
  return (JSON.parse(stdout) as { filePath: string; messages: { ruleId: string | null; line: number }[] }[]).flatMap(
    (file) => file.messages.map((message) => `${path.relative(cwd, file.filePath)} ${message.ruleId} ${message.line}`),
  );
}

describe('a rule that throws', () => {
  it('costs only that file: the others are reported, the failure is listed, and the run exits 2', async () => {
    // Test-only: a module preloaded with --import wraps one rule of the very
    // plugin instance the command loads, so that it throws on one file.
    const cwd = createTempProject({
      'a-load.js': PLACEHOLDER_JS,
      'b-boom.js': `${CLEAN_JS}export const x = 1;\n`,
      'c-load.js': PLACEHOLDER_JS,
      'throwing-rule.mjs': [
        `import plugin from ${JSON.stringify(pathToFileURL(path.join(REPO_ROOT, 'dist/index.js')).href)};`,
        "const rule = plugin.rules['no-exit-before-flush'];",
        'const create = rule.create;',
        'rule.create = (context) => {',
        '  const listeners = create(context);',
        "  if (!context.filename.endsWith('boom.js')) return listeners;",
        "  return { ...listeners, 'ExportNamedDeclaration > VariableDeclaration'() { throw new TypeError('boom'); } };",
        '};',
        '',
      ].join('\n'),
    });
    const result = await run(
      process.execPath,
      ['--import', './throwing-rule.mjs', CLI_PATH, '--format', 'json', 'a-load.js', 'b-boom.js', 'c-load.js'],
      { cwd, env: { NO_COLOR: '1' } },
    );
    expect(findingsOf(result.stdout, cwd)).toEqual([
      'a-load.js defuse/no-placeholder-throw 2',
      'c-load.js defuse/no-placeholder-throw 2',
    ]);
    expect(result.stderr).toBe('defuse: linting b-boom.js:4 failed in rule defuse/no-exit-before-flush: boom\n');
    expect(result.status).toBe(2);
  });
});

describe('a file that cannot be read', () => {
  it('is an error for that file, not for the run', async () => {
    const cwd = createTempProject({ 'load.js': PLACEHOLDER_JS, 'secret.js': CLEAN_JS, 'add.js': CLEAN_JS });
    chmodSync(path.join(cwd, 'secret.js'), 0o000);
    // root reads any file: run the command as an unprivileged user then.
    const asUser = process.getuid?.() === 0 ? { uid: 65_534, gid: 65_534 } : {};
    chmodSync(cwd, 0o755);
    const result = await run(process.execPath, [CLI_PATH, '--format', 'json'], {
      cwd,
      env: { NO_COLOR: '1', HOME: cwd },
      ...asUser,
    });
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as {
      filePath: string;
      messages: { message: string; fatal?: boolean }[];
    }[];
    expect(
      report.map((file) => [path.basename(file.filePath), file.messages.map((message) => message.message)]),
    ).toEqual([
      ['add.js', []],
      ['load.js', [expect.stringContaining('Not implemented')]],
      ['secret.js', ['Cannot read file: EACCES']],
    ]);
    expect(result.status).toBe(1);
  });
});

describe('a closed stdout', () => {
  it('ends the run quietly: no EPIPE, no stack trace', async () => {
    const many = `export function load() {\n${"  if (Math.random()) throw new Error('Not implemented');\n".repeat(60)}}\n`;
    const cwd = createTempProject(Object.fromEntries(Array.from({ length: 20 }, (_, index) => [`f${index}.js`, many])));
    const result = await run('sh', ['-c', `"${process.execPath}" "${CLI_PATH}" | head -c 20`], {
      cwd,
      env: { NO_COLOR: '1' },
    });
    expect(result.stdout).toHaveLength(20);
    expect(result.stderr).toBe('');
  });
});

describe('the progress line on a terminal', () => {
  it('lints exactly the files a run without a terminal lints', async (context) => {
    const script = await run('script', ['--version'], { cwd: REPO_ROOT }).catch(() => undefined);
    if (script?.status !== 0) notRun(context, 'script not installed: apt-get install util-linux');

    const files: Record<string, string> = { '.gitignore': 'ignored/\n', 'dist/bundle.js': PLACEHOLDER_JS };
    for (let index = 0; index < 70; index += 1) files[`src/file-${index}.js`] = CLEAN_JS;
    for (let index = 0; index < 5; index += 1) files[`ignored/file-${index}.js`] = PLACEHOLDER_JS;
    files['src/load.ts'] = "export function load(): string {\n  throw new Error('Not implemented');\n}\n";
    const cwd = createTempProject(files);

    const piped = await runDefuse(['--format', 'json', '-o', 'piped.json'], { cwd });
    expect(piped.status).toBe(1);
    // `script` gives the command a terminal on stdin, stdout and stderr.
    const command = `"${process.execPath}" "${CLI_PATH}" --format json -o tty.json`;
    const terminal = await run('script', ['-qec', command, '/dev/null'], { cwd, env: { NO_COLOR: '1' } });
    expect(terminal.status).toBe(1);
    expect(terminal.stdout).toContain('defuse: linted 71/71 files');

    const linted = (file: string): string[] =>
      (JSON.parse(readFileSync(path.join(cwd, file), 'utf8')) as { filePath: string }[]).map((result) =>
        path.relative(cwd, result.filePath),
      );
    expect(linted('tty.json')).toEqual(linted('piped.json'));
    expect(linted('tty.json')).toHaveLength(71);
  });
});
