// The plugin in pre-commit hooks, with real git commits in temp repositories:
// husky + lint-staged and a plain `.git/hooks/pre-commit` in a project that
// installed the packed plugin, and the pre-commit framework running the
// repository's `.pre-commit-hooks.yaml`. Committing `main().catch(console.error)`
// is refused with the rule's message; committing the fixed file goes through.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { beforeAll, describe, expect, it } from 'vitest';

import {
  createInstalledProject,
  createTempDir,
  packPlugin,
  type ProcessResult,
  REPO_ROOT,
  repoVersionOf,
  run,
  writeFiles,
} from './helpers.js';
import { snippet } from './integration-docs.js';
import { formatMessage, RULE_SAMPLES, SAMPLE_TSCONFIG } from './integration-samples.js';

const sample = RULE_SAMPLES.find((each) => each.rule === 'no-zero-exit-on-fatal');
if (!sample) throw new Error('no sample for no-zero-exit-on-fatal');
const { code: UNHANDLED, fixed: HANDLED, file: MAIN } = sample;

/** How ESLint's default (stylish) formatter prints a message: without its final period. */
function stylish(message: string): string {
  return message.replace(/\.$/, '');
}

const GIT_IDENTITY = {
  GIT_AUTHOR_NAME: 'e2e',
  GIT_AUTHOR_EMAIL: 'e2e@example.invalid',
  GIT_COMMITTER_NAME: 'e2e',
  GIT_COMMITTER_EMAIL: 'e2e@example.invalid',
  NO_COLOR: '1',
  FORCE_COLOR: '0',
  // vitest sets NODE_ENV=test, which turns lint-staged's output into JSON events.
  NODE_ENV: 'development',
};

// Each commit lints with a fresh TypeScript program; generous for a loaded machine.
const COMMIT_TIMEOUT = 240_000;

function git(cwd: string, args: readonly string[]): Promise<ProcessResult> {
  return run('git', args, { cwd, env: GIT_IDENTITY, timeout: 180_000 });
}

async function gitOk(cwd: string, args: readonly string[]): Promise<string> {
  const result = await git(cwd, args);
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

async function commitCount(cwd: string): Promise<number> {
  return Number((await gitOk(cwd, ['rev-list', '--count', 'HEAD'])).trim());
}

/** The rule's message for the unhandled entry point, from the built plugin that gets packed. */
let refusal: string;

beforeAll(async () => {
  const plugin = (await import(pathToFileURL(path.join(REPO_ROOT, 'dist/index.js')).href)) as {
    default: { rules: Record<string, { meta: { messages: Record<string, string> } }> };
  };
  refusal = formatMessage(plugin.default.rules[sample.rule]?.meta.messages[sample.messageId] ?? '', sample.data);
});

/**
 * Stages `file` with the unhandled `.catch(console.error)`, expects the commit
 * to be refused with the rule's message, then stages the fix and expects the
 * commit to go through.
 */
async function expectRefusedThenAccepted(repo: string, file: string): Promise<void> {
  const before = await commitCount(repo);
  writeFiles(repo, { [file]: UNHANDLED });
  await gitOk(repo, ['add', file]);
  const refused = await git(repo, ['commit', '-m', 'start the server']);
  expect(refused.status).not.toBe(0);
  expect(`${refused.stdout}${refused.stderr}`.replace(/\s+/g, ' ')).toContain(stylish(refusal));
  expect(`${refused.stdout}${refused.stderr}`).toContain('defuse/no-zero-exit-on-fatal');
  expect(await commitCount(repo)).toBe(before);

  writeFiles(repo, { [file]: HANDLED });
  await gitOk(repo, ['add', file]);
  const accepted = await git(repo, ['commit', '-m', 'start the server']);
  expect(`${accepted.stdout}${accepted.stderr}`).not.toContain('defuse/');
  expect(accepted.status).toBe(0);
  expect(await commitCount(repo)).toBe(before + 1);
  expect(await gitOk(repo, ['show', `HEAD:${file}`])).toBe(HANDLED);
}

describe('in a project that installed the plugin', () => {
  let project: string;

  beforeAll(async () => {
    project = await createInstalledProject({
      files: {
        'eslint.config.js': snippet('eslint-config'),
        'tsconfig.json': SAMPLE_TSCONFIG,
        '.lintstagedrc.json': snippet('lintstagedrc'),
        '.gitignore': 'node_modules/\n',
      },
      // lint-staged 17 needs Node 22; 16 is the line for Node 20.
      dependencies: [
        `eslint@${repoVersionOf('eslint')}`,
        `typescript@${repoVersionOf('typescript')}`,
        'lint-staged@16',
        'husky@9',
      ],
    });
    await gitOk(project, ['init', '--quiet', '--initial-branch=main']);
    await gitOk(project, ['add', '.']);
    await gitOk(project, ['commit', '--quiet', '--no-verify', '-m', 'project']);
  }, 360_000);

  it(
    'husky + lint-staged refuse the commit, then accept the fix',
    async () => {
      // `husky init` as the docs say, then the hook's documented contents.
      const init = await run('npx', ['--no-install', 'husky', 'init'], { cwd: project, env: GIT_IDENTITY });
      expect(init.status).toBe(0);
      expect(readFileSync(path.join(project, '.git/config'), 'utf8')).toContain('hooksPath = .husky/_');
      writeFileSync(path.join(project, '.husky/pre-commit'), snippet('husky-pre-commit'));

      await expectRefusedThenAccepted(project, MAIN);
    },
    COMMIT_TIMEOUT,
  );

  it(
    'a plain .git/hooks/pre-commit refuses the commit, then accepts the fix',
    async () => {
      await gitOk(project, ['config', '--unset', 'core.hooksPath']).catch(() => undefined);
      writeFileSync(path.join(project, '.git/hooks/pre-commit'), snippet('git-hook'));
      chmodSync(path.join(project, '.git/hooks/pre-commit'), 0o755);
      await expectRefusedThenAccepted(project, 'src/server.ts');
    },
    COMMIT_TIMEOUT,
  );
});

describe('with the pre-commit framework', () => {
  it(
    'runs the defuse hook of .pre-commit-hooks.yaml: refuses the commit, then accepts the fix',
    async () => {
      const preCommit = await run('pre-commit', ['--version'], { cwd: REPO_ROOT }).catch(() => undefined);
      if (preCommit?.status !== 0) {
        throw new Error(
          'the pre-commit framework is not installed: `apt-get install -y pre-commit` (Debian) or `pipx install pre-commit`',
        );
      }

      // The hook repository as pre-commit clones it: the plugin's files with a
      // built dist/ (what the packed tarball holds) and .pre-commit-hooks.yaml.
      // Its devDependencies only build dist/, so they are left out here to keep
      // the install short.
      const hookRepo = createTempDir('defuse-e2e-hook-repo-');
      execFileSync('tar', ['xzf', await packPlugin(), '--strip-components=1', '-C', hookRepo]);
      copyFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), path.join(hookRepo, '.pre-commit-hooks.yaml'));
      const manifest = JSON.parse(readFileSync(path.join(hookRepo, 'package.json'), 'utf8')) as Record<string, unknown>;
      delete manifest.devDependencies;
      writeFileSync(path.join(hookRepo, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
      await gitOk(hookRepo, ['init', '--quiet', '--initial-branch=main']);
      await gitOk(hookRepo, ['add', '.']);
      await gitOk(hookRepo, ['commit', '--quiet', '-m', 'hooks']);
      const revision = (await gitOk(hookRepo, ['rev-parse', 'HEAD'])).trim();

      // The user's repository: no node_modules, only the documented config,
      // pointed at the local hook repository.
      const repo = createTempDir('defuse-e2e-pre-commit-');
      const config = snippet('pre-commit-config')
        .replace(/^(\s*- repo: ).*$/m, `$1${hookRepo}`)
        .replace(/^(\s*rev: ).*$/m, `$1${revision}`);
      expect(config).not.toBe(snippet('pre-commit-config'));
      writeFiles(repo, { '.pre-commit-config.yaml': config, 'tsconfig.json': SAMPLE_TSCONFIG });
      await gitOk(repo, ['init', '--quiet', '--initial-branch=main']);
      await gitOk(repo, ['add', '.']);
      await gitOk(repo, ['commit', '--quiet', '-m', 'project']);

      const env = {
        ...GIT_IDENTITY,
        PRE_COMMIT_HOME: createTempDir('defuse-e2e-pre-commit-home-'),
        npm_config_prefer_offline: 'true',
      };
      const install = await run('pre-commit', ['install', '--install-hooks'], { cwd: repo, env, timeout: 240_000 });
      expect(install.status, `${install.stdout}${install.stderr}`).toBe(0);

      const gitWithEnv = (args: readonly string[]): Promise<ProcessResult> =>
        run('git', args, { cwd: repo, env, timeout: 180_000 });
      writeFiles(repo, { [MAIN]: UNHANDLED });
      await gitWithEnv(['add', MAIN]);
      const refused = await gitWithEnv(['commit', '-m', 'start the server']);
      expect(refused.status).not.toBe(0);
      expect(`${refused.stdout}${refused.stderr}`).toMatch(/^defuse\.+Failed$/m);
      expect(`${refused.stdout}${refused.stderr}`.replace(/\s+/g, ' ')).toContain(stylish(refusal));

      writeFiles(repo, { [MAIN]: HANDLED });
      await gitWithEnv(['add', MAIN]);
      const accepted = await gitWithEnv(['commit', '-m', 'start the server']);
      expect(`${accepted.stdout}${accepted.stderr}`).toMatch(/^defuse\.+Passed$/m);
      expect(accepted.status).toBe(0);
      expect(await commitCount(repo)).toBe(2);
    },
    2 * COMMIT_TIMEOUT,
  );
});
