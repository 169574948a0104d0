// The release: the workflow's steps, CI's publish dry run, and the refusals
// of scripts/release-tag.mjs (the tag it makes is driven through the
// pre-commit framework in pre-commit.test.ts).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { createTempDir, REPO_ROOT, run } from './helpers.js';

const GIT_IDENTITY = {
  GIT_AUTHOR_NAME: 'e2e',
  GIT_AUTHOR_EMAIL: 'e2e@example.invalid',
  GIT_COMMITTER_NAME: 'e2e',
  GIT_COMMITTER_EMAIL: 'e2e@example.invalid',
};

/** The `run:` commands of a workflow or the command lines of a script, in order, comments dropped. */
function commands(file: string): string[] {
  return readFileSync(path.join(REPO_ROOT, file), 'utf8')
    .split('\n')
    .map((line) => line.replace(/^\s*(?:- )?run: /, '').trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

function indexOfCommand(lines: readonly string[], command: string): number {
  const index = lines.findIndex((line) => line.startsWith(command));
  expect(index, `no line starts with "${command}"`).toBeGreaterThanOrEqual(0);
  return index;
}

describe('the release workflow', () => {
  it('installs, tests, publishes with provenance, then pushes the tag with dist/', () => {
    const lines = commands('.github/workflows/release.yml');
    const order = ['npm ci', 'npm test', 'npm publish --provenance', 'node scripts/release-tag.mjs --push origin'].map(
      (command) => indexOfCommand(lines, command),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('is dry-run by CI before the tests', () => {
    const lines = commands('.ci/run');
    expect(indexOfCommand(lines, 'npm publish --dry-run')).toBeLessThan(indexOfCommand(lines, 'npm test'));
  });
});

describe('scripts/release-tag.mjs', () => {
  async function repository(files: Record<string, string>): Promise<string> {
    const repo = createTempDir('defuse-e2e-release-');
    mkdirSync(path.join(repo, 'scripts'));
    copyFileSync(path.join(REPO_ROOT, 'scripts/release-tag.mjs'), path.join(repo, 'scripts/release-tag.mjs'));
    writeFileSync(path.join(repo, '.gitignore'), 'dist/\n');
    writeFileSync(
      path.join(repo, 'package.json'),
      '{ "name": "p", "version": "1.2.3", "devDependencies": { "x": "1" } }\n',
    );
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
      writeFileSync(path.join(repo, file), text);
    }
    for (const args of [
      ['init', '--quiet', '--initial-branch=main'],
      ['add', '.'],
      ['commit', '--quiet', '-m', 'src'],
    ]) {
      expect((await run('git', args, { cwd: repo, env: GIT_IDENTITY })).status).toBe(0);
    }
    return repo;
  }
  const tagScript = (repo: string) =>
    run(process.execPath, ['scripts/release-tag.mjs'], { cwd: repo, env: GIT_IDENTITY });

  it('refuses without a build, or with uncommitted changes', async () => {
    const unbuilt = await repository({});
    expect(await tagScript(unbuilt)).toEqual({
      status: 1,
      stdout: '',
      stderr: 'release-tag: dist/index.js is missing: run `npm run build` first\n',
    });

    const dirty = await repository({ 'dist/index.js': '', 'dist/cli.js': '' });
    writeFileSync(path.join(dirty, 'package.json'), '{ "name": "p", "version": "1.2.4" }\n');
    expect(await tagScript(dirty)).toEqual({
      status: 1,
      stdout: '',
      stderr: 'release-tag: the work tree has uncommitted changes: the tag would not hold what dist/ was built from\n',
    });
  });

  it('tags HEAD plus dist/, with an install-only package.json, and leaves the work tree alone', async () => {
    const repo = await repository({ 'dist/index.js': 'export {};\n', 'dist/cli.js': '#!/usr/bin/env node\n' });
    const tagged = await tagScript(repo);
    expect(tagged.stderr).toBe('');
    expect(tagged.stdout).toMatch(/^v1\.2\.3 [0-9a-f]{40}\n$/);
    const show = async (args: string[]) => (await run('git', args, { cwd: repo })).stdout;
    expect(await show(['ls-tree', '-r', '--name-only', 'v1.2.3'])).toBe(
      '.gitignore\ndist/cli.js\ndist/index.js\npackage.json\nscripts/release-tag.mjs\n',
    );
    expect(JSON.parse(await show(['show', 'v1.2.3:package.json']))).toEqual({ name: 'p', version: '1.2.3' });
    expect(await show(['status', '--porcelain'])).toBe('');
    expect(await show(['ls-files'])).toBe('.gitignore\npackage.json\nscripts/release-tag.mjs\n');
  });
});
