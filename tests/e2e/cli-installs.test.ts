// The `defuse` command next to what users install: the oldest ESLint of the
// declared peer range, vue-eslint-parser for .vue files, and a TypeScript
// outside the supported range. Each project installs the packed plugin.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { beforeAll, describe, expect, it, vi } from 'vitest';

import { satisfies } from '../../src/cli/typescript-version.js';
import { createInstalledProject, type ProcessResult, REPO_ROOT, repoVersionOf, run } from './helpers.js';

vi.setConfig({ testTimeout: 120_000 });

const MANIFEST = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  peerDependencies: Record<string, string>;
};

const PLACEHOLDER_TS = "export function load(): string {\n  throw new Error('Not implemented');\n}\n";
const PLACEHOLDER_JS = "export function load() {\n  throw new Error('Not implemented');\n}\n";

/** Runs `npx …` in the project; npm's own config warnings are dropped from stderr. */
async function npx(cwd: string, args: string[]): Promise<ProcessResult> {
  const result = await run('npx', ['--no-install', ...args], { cwd, env: { NO_COLOR: '1' } });
  return { ...result, stderr: result.stderr.replace(/^npm warn .*\n/gm, '') };
}

/** `file rule line` for each finding of a `--format json` report. */
function findingsOf(stdout: string, cwd: string): string[] {
  return (JSON.parse(stdout) as { filePath: string; messages: { ruleId: string | null; line: number }[] }[]).flatMap(
    (file) => file.messages.map((message) => `${path.relative(cwd, file.filePath)} ${message.ruleId} ${message.line}`),
  );
}

describe('the floor of the ESLint peer range, with Vue files', () => {
  const floor = /^\^(\d+\.\d+\.\d+)/.exec(MANIFEST.peerDependencies.eslint ?? '')?.[1];
  let project: string;

  beforeAll(async () => {
    if (floor === undefined) throw new Error('the eslint peer range does not start with ^x.y.z');
    project = await createInstalledProject({
      files: {
        'eslint.config.js':
          "import defuse from 'eslint-plugin-defuse';\n\nexport default [defuse.configs.recommended];\n",
        'tsconfig.json': `${JSON.stringify({ compilerOptions: { strict: true, types: [] }, include: ['src'] })}\n`,
        'src/load.js': PLACEHOLDER_JS,
        'src/load.ts': PLACEHOLDER_TS,
        'src/App.vue': `<script setup lang="ts">\nfunction load(): string {\n  throw new Error('Not implemented');\n}\nload();\n</script>\n\n<template>\n  <main />\n</template>\n`,
        'src/Plain.vue': `<script>\nexport default {\n  setup() {\n    throw new Error('TODO');\n  },\n};\n</script>\n`,
      },
      dependencies: [`eslint@${floor}`, `typescript@${repoVersionOf('typescript')}`, 'vue-eslint-parser@10'],
    });
  }, 360_000);

  it('runs `defuse`, .vue files included', async () => {
    expect(JSON.parse(readFileSync(path.join(project, 'node_modules/eslint/package.json'), 'utf8'))).toMatchObject({
      version: floor,
    });
    const result = await npx(project, ['defuse', '--format', 'json']);
    expect(result.stderr).toBe(
      'defuse: 1 TypeScript file linted without type information: 1 .vue with <script lang="ts"> (types are not read in .vue files)\n',
    );
    expect(findingsOf(result.stdout, project)).toEqual([
      'src/App.vue defuse/no-placeholder-throw 3',
      'src/Plain.vue defuse/no-placeholder-throw 4',
      'src/load.js defuse/no-placeholder-throw 2',
      'src/load.ts defuse/no-placeholder-throw 2',
    ]);
    expect(result.status).toBe(1);
  });

  it('runs `eslint .` with defuse.configs.recommended', async () => {
    const result = await npx(project, ['eslint', '--format', 'json', '.']);
    expect(result.stderr).toBe('');
    expect(findingsOf(result.stdout, project)).toContain('src/load.js defuse/no-placeholder-throw 2');
    expect(result.status).toBe(1);
  });
});

describe('an unsupported TypeScript in the project', () => {
  it('is one line on stderr and exit 2, before anything loads it', async () => {
    const project = await createInstalledProject({
      files: { 'src/load.ts': PLACEHOLDER_TS },
      dependencies: [`eslint@${repoVersionOf('eslint')}`, 'typescript@7.0.2'],
      npmArgs: ['--legacy-peer-deps'],
    });
    const range = MANIFEST.peerDependencies.typescript;
    expect(await npx(project, ['defuse'])).toEqual({
      status: 2,
      stdout: '',
      stderr: `defuse: TypeScript 7.0.2 is installed, but defuse supports ${range}; install a supported version (npm i -D "typescript@${range}")\n`,
    });
  }, 360_000);

  it('reads the peer ranges the way npm does', () => {
    const range = '>=5.0.0 <6.1.0';
    expect(['4.9.5', '5.0.0', '6.0.3', '6.1.0-dev.1', '6.1.0', '7.0.2'].filter((v) => satisfies(v, range))).toEqual([
      '5.0.0',
      '6.0.3',
      '6.1.0-dev.1',
    ]);
    const carets = '^9.15.0 || ^10.0.0';
    expect(['9.14.0', '9.15.0', '9.39.1', '10.15.0', '11.0.0'].filter((v) => satisfies(v, carets))).toEqual([
      '9.15.0',
      '9.39.1',
      '10.15.0',
    ]);
    expect(['5.3.0', '5.4.0', '5.4.9', '5.5.0'].filter((v) => satisfies(v, '~5.4.0'))).toEqual(['5.4.0', '5.4.9']);
  });
});
