// The edges of what the package declares: the floor of its ESLint peer range
// (9.15.0), with a supported TypeScript and with one typescript-eslint does
// not support (7.x, which npm installs beside the plugin only with
// --legacy-peer-deps, as it does beside typescript-eslint). Each project is
// installed once for the file.
import path from 'node:path';

import { beforeAll, describe, expect, it, vi } from 'vitest';

import { createInstalledProject, type ProcessResult, repoVersionOf, run } from './helpers.js';

vi.setConfig({ testTimeout: 120_000 });

const ESLINT_FLOOR = '9.15.0';
const UNSUPPORTED_TYPESCRIPT = '7.0.2';

const FILES = {
  'eslint.config.mjs': "import defuse from 'eslint-plugin-defuse';\n\nexport default [defuse.configs.recommended];\n",
  'typed.config.mjs':
    "import defuse from 'eslint-plugin-defuse';\n\nexport default [defuse.configs['recommended-type-checked']];\n",
  'tsconfig.json': `${JSON.stringify({ compilerOptions: { strict: true, noEmit: true }, include: ['src'] })}\n`,
  'src/load.js': "export function load() {\n  throw new Error('Not implemented');\n}\n",
  'src/load.ts': "export function load(): string {\n  throw new Error('Not implemented');\n}\n",
  'src/state.ts': [
    'interface AppState {',
    '  db: string;',
    '  redis: string;',
    '}',
    "export const state = { db: 'postgres://' } as AppState;",
    'export const cacheHost = (): string => state.redis.trim();',
    '',
  ].join('\n'),
  'record-loads.cjs': [
    '// Records, at exit, whether this process ever loaded a TypeScript module.',
    "const { writeFileSync } = require('node:fs');",
    "process.on('exit', () => {",
    '  const loaded = Object.keys(require.cache).some((file) => /[\\\\/]node_modules[\\\\/]typescript[\\\\/]/.test(file));',
    '  writeFileSync(process.env.LOADS_FILE, JSON.stringify({ typescript: loaded }));',
    '});',
    '',
  ].join('\n'),
};

let floor: string;
let unsupported: string;

beforeAll(async () => {
  // One after the other: two installs at once only compete for the same cores.
  floor = await createInstalledProject({
    dependencies: [`eslint@${ESLINT_FLOOR}`, `typescript@${repoVersionOf('typescript')}`],
    files: FILES,
  });
  unsupported = await createInstalledProject({
    dependencies: [`eslint@${ESLINT_FLOOR}`, `typescript@${UNSUPPORTED_TYPESCRIPT}`],
    npmArgs: ['--legacy-peer-deps'],
    files: FILES,
  });
}, 480_000);

interface FileReport {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; message: string; fatal?: boolean }[];
}

function eslint(project: string, args: string[], env?: Record<string, string>): Promise<ProcessResult> {
  return run(
    process.execPath,
    [
      ...(env ? ['--require', './record-loads.cjs'] : []),
      'node_modules/eslint/bin/eslint.js',
      '--format',
      'json',
      ...args,
    ],
    {
      cwd: project,
      ...(env === undefined ? {} : { env }),
    },
  );
}

function summary(project: string, result: ProcessResult): [string, [string | null, number, number][]][] {
  return (JSON.parse(result.stdout) as FileReport[]).map((file) => [
    path.relative(project, file.filePath),
    file.messages.map(({ ruleId, line, column }) => [ruleId, line, column]),
  ]);
}

describe(`eslint@${ESLINT_FLOOR}, the floor of the peer range`, () => {
  it('lints JavaScript and TypeScript files with recommended', async () => {
    const result = await eslint(floor, ['src']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    expect(summary(floor, result)).toEqual([
      ['src/load.js', [['defuse/no-placeholder-throw', 2, 3]]],
      ['src/load.ts', [['defuse/no-placeholder-throw', 2, 3]]],
      ['src/state.ts', []],
    ]);
  });

  it('gets type information with recommended-type-checked', async () => {
    const result = await eslint(floor, ['-c', 'typed.config.mjs', 'src/state.ts']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    expect(summary(floor, result)).toEqual([['src/state.ts', [['defuse/no-partial-state', 5, 22]]]]);
  });
});

describe(`typescript@${UNSUPPORTED_TYPESCRIPT} installed`, () => {
  it('lints JavaScript without loading it', async () => {
    const loads = path.join(unsupported, 'loads.json');
    const result = await eslint(unsupported, ['src/load.js'], { LOADS_FILE: loads });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    expect(summary(unsupported, result)).toEqual([['src/load.js', [['defuse/no-placeholder-throw', 2, 3]]]]);
    const recorded = await run(process.execPath, ['-p', `require(${JSON.stringify(loads)}).typescript`], {
      cwd: unsupported,
    });
    expect(recorded.stdout.trim()).toBe('false');
  });

  it("reports typescript-eslint's own parsing error on a TypeScript file, and still lints the others", async () => {
    const result = await eslint(unsupported, ['src']);
    expect(result.status).toBe(1);
    // typescript-estree prints its advice when it loads; the JSON report is the part before it.
    const json = result.stdout.slice(0, result.stdout.lastIndexOf(']') + 1);
    const report = JSON.parse(json) as FileReport[];
    expect(report.map((file) => [path.relative(unsupported, file.filePath), file.messages.length])).toEqual([
      ['src/load.js', 1],
      ['src/load.ts', 1],
      ['src/state.ts', 1],
    ]);
    expect(report[0]!.messages[0]!.ruleId).toBe('defuse/no-placeholder-throw');
    for (const file of report.slice(1)) {
      expect(file.messages[0]).toMatchObject({
        ruleId: null,
        fatal: true,
        message: expect.stringMatching(/^Parsing error: typescript-eslint does not support TS 7\.0/),
      });
    }
  });
});
