/**
 * Shared utilities for the end-to-end tests: run the built `defuse` command,
 * make throwaway directories, and install the packed plugin into a temporary
 * project exactly as a user would (`npm pack`, then `npm install <tarball>`).
 *
 * These tests run the build in `dist/`: `npm test` builds first; when running
 * vitest directly, run `npm run build` before.
 */
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { afterAll, type TestContext } from 'vitest';

const execFileAsync = promisify(execFile);

/** The repository root. */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/** The built command, as `npm run demo` and the `bin` entry run it. */
export const CLI_PATH = path.join(REPO_ROOT, 'dist/cli.js');

/** npm on PATH, or the one that ships with the running Node. */
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Fails with a clear message when the build the e2e tests exercise is missing. */
export function assertBuilt(): void {
  for (const file of ['dist/index.js', 'dist/cli.js']) {
    if (!existsSync(path.join(REPO_ROOT, file))) {
      throw new Error(`${file} is missing: run \`npm run build\` before the e2e tests (\`npm test\` does).`);
    }
  }
}

/** What a child process did. `status` is null when it was killed by a signal. */
export interface ProcessResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  /** Added to (and overriding) the parent's environment. */
  env?: Record<string, string>;
  /** Milliseconds before the child is killed; default 60 s. */
  timeout?: number;
  /** Run the child as this user and group (a test that needs an unprivileged process). */
  uid?: number;
  gid?: number;
}

/**
 * Runs a command without a shell and collects its output. Never rejects for a
 * non-zero exit: the exit status is part of what tests assert.
 */
export function run(command: string, args: readonly string[], options: RunOptions): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeout ?? 60_000,
      ...(options.uid === undefined ? {} : { uid: options.uid }),
      ...(options.gid === undefined ? {} : { gid: options.gid }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Runs the built `defuse` command in `cwd`, with Node's colours off so output is plain text. */
export function runDefuse(args: readonly string[], options: RunOptions): Promise<ProcessResult> {
  return run(process.execPath, [CLI_PATH, ...args], {
    ...options,
    env: { NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
  });
}

/**
 * Ends the running test as not run, for a reason outside the project (a tool
 * the README's commands do not install). scripts/run-tests.mjs names the
 * reason in its closing summary. Under CI, which installs every such tool,
 * the test fails instead: there it must run.
 */
export function notRun(context: TestContext, reason: string): never {
  if (isCi()) throw new Error(`${reason} (CI installs it in .ci/run)`);
  const file = process.env.DEFUSE_NOT_RUN_FILE;
  if (file) appendFileSync(file, `${reason}\n`);
  return context.skip(reason);
}

/** Whether this is a CI run (CI set, as CI services and .ci/run's caller set it). */
export function isCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
}

const temporaryDirectories: string[] = [];
let cleanupRegistered = false;

/**
 * A fresh directory under the OS temp dir, removed after the calling test
 * file (set KEEP_E2E_DIRS=1 to keep them for debugging).
 */
export function createTempDir(prefix = 'defuse-e2e-'): string {
  const directory = mkdtempSync(path.join(tmpdir(), prefix));
  temporaryDirectories.push(directory);
  if (!cleanupRegistered) {
    cleanupRegistered = true;
    afterAll(() => {
      if (process.env.KEEP_E2E_DIRS) return;
      for (const created of temporaryDirectories.splice(0)) rmSync(created, { recursive: true, force: true });
    });
  }
  return directory;
}

/** Writes `files` (relative path → contents) under `directory`, creating folders as needed. */
export function writeFiles(directory: string, files: Record<string, string>): void {
  for (const [relative, contents] of Object.entries(files)) {
    const file = path.join(directory, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, contents);
  }
}

/** A temp directory holding `files`. */
export function createTempProject(files: Record<string, string>, prefix?: string): string {
  const directory = createTempDir(prefix);
  writeFiles(directory, files);
  return directory;
}

// What `npm pack` puts in the tarball (package.json `files` plus what npm always adds).
const PACKED_ENTRIES = ['package.json', 'dist', 'docs', 'README.md', 'CHANGELOG.md', 'LICENSE'];

function hashPackedContents(): string {
  const hash = createHash('sha256');
  const visit = (entry: string): void => {
    const absolute = path.join(REPO_ROOT, entry);
    if (!existsSync(absolute)) return;
    if (statSync(absolute).isDirectory()) {
      for (const child of readdirSync(absolute).sort()) visit(path.join(entry, child));
    } else {
      hash.update(entry).update('\0').update(readFileSync(absolute)).update('\0');
    }
  };
  PACKED_ENTRIES.forEach(visit);
  return hash.digest('hex').slice(0, 16);
}

let packed: Promise<string> | undefined;

/**
 * `npm pack`s the built plugin and resolves to the tarball's path. The tarball
 * is keyed by a hash of everything that goes into it, so every test file of a
 * run (each in its own worker) shares one pack, and a rebuild makes a new one.
 * Packing happens in a private directory renamed into place, so concurrent
 * callers never see a half-written tarball.
 */
export function packPlugin(): Promise<string> {
  packed ??= (async () => {
    assertBuilt();
    const cacheRoot = path.join(tmpdir(), 'eslint-plugin-defuse-e2e-pack');
    const target = path.join(cacheRoot, hashPackedContents());
    const existing = findTarball(target);
    if (existing) return existing;

    mkdirSync(cacheRoot, { recursive: true });
    const staging = mkdtempSync(path.join(cacheRoot, 'staging-'));
    // --ignore-scripts: never rebuild dist/ under tests that are reading it.
    await execFileAsync(NPM, ['pack', '--ignore-scripts', '--pack-destination', staging], { cwd: REPO_ROOT });
    try {
      renameSync(staging, target);
    } catch {
      // Another worker got there first; its tarball has the same contents.
      rmSync(staging, { recursive: true, force: true });
    }
    const tarball = findTarball(target);
    if (!tarball) throw new Error(`npm pack left no tarball in ${target}`);
    return tarball;
  })();
  return packed;
}

function findTarball(directory: string): string | undefined {
  if (!existsSync(directory)) return undefined;
  const name = readdirSync(directory).find((file) => file.endsWith('.tgz'));
  return name === undefined ? undefined : path.join(directory, name);
}

/** The exact version of a package installed in the repository (so the npm cache already has it). */
export function repoVersionOf(name: string): string {
  const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

export interface InstalledProjectOptions {
  /** Files of the project besides package.json (relative path → contents). */
  files?: Record<string, string>;
  /** Extra fields of package.json; `name`, `private` and `"type": "module"` are set. */
  packageJson?: Record<string, unknown>;
  /**
   * Registry packages to install beside the plugin. Default: eslint and
   * typescript at the versions the repository uses.
   */
  dependencies?: string[];
  /** Extra `npm install` arguments (`--legacy-peer-deps` to install outside the peer ranges). */
  npmArgs?: string[];
}

/**
 * A temp project that installs the packed plugin from its tarball, the way a
 * user's project does, plus `dependencies` from the registry (served from
 * npm's cache when it has them). Resolves to the project directory.
 */
export async function createInstalledProject(options: InstalledProjectOptions = {}): Promise<string> {
  const tarball = await packPlugin();
  const directory = createTempDir('defuse-e2e-project-');
  writeFiles(directory, {
    'package.json': `${JSON.stringify(
      { name: 'defuse-e2e-project', version: '1.0.0', private: true, type: 'module', ...options.packageJson },
      null,
      2,
    )}\n`,
    ...options.files,
  });
  const dependencies = options.dependencies ?? [
    `eslint@${repoVersionOf('eslint')}`,
    `typescript@${repoVersionOf('typescript')}`,
  ];
  await execFileAsync(
    NPM,
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      '--loglevel=error',
      ...(options.npmArgs ?? []),
      tarball,
      ...dependencies,
    ],
    { cwd: directory, timeout: 240_000 },
  );
  return directory;
}
