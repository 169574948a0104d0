// Exports the application corpus (tests/corpus/apps.json) and the known-bug files
// (tests/corpus/known-bugs.json) from local git mirrors into .corpus-cache/.
// Nothing is downloaded here: a repository without a mirror is listed with how
// to bring it in. Idempotent: an app already exported at its commit, with the
// same globs, is left alone.
// Usage: node scripts/corpus-apps-install.mjs [--apps-only | --bugs-only] [name ...]
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import {
  appFileMatcher,
  appMarker,
  appRoot,
  isAppInstalled,
  isConfigFile,
  isKnownBugInstalled,
  knownBugApp,
  knownBugDir,
  knownBugMarker,
  markerPath,
  mirrorDir,
  mirrorRoot,
  readApps,
  readKnownBugs,
} from '../tests/corpus/apps.mjs';

const args = process.argv.slice(2);
const names = args.filter((arg) => !arg.startsWith('--'));
const wanted = (name) => names.length === 0 || names.includes(name);

function git(gitDir, gitArgs) {
  const result = spawnSync('git', ['--git-dir', gitDir, ...gitArgs], { maxBuffer: 1 << 30 });
  return { ok: result.status === 0, stdout: result.stdout, stderr: String(result.stderr).trim() };
}

function hasCommit(gitDir, commit) {
  return git(gitDir, ['cat-file', '-e', `${commit}^{commit}`]).ok;
}

/** Every blob of a commit: `{ path, sha }`. */
function listBlobs(gitDir, commit) {
  const { ok, stdout, stderr } = git(gitDir, ['ls-tree', '-r', '-z', commit]);
  if (!ok) throw new Error(stderr);
  return String(stdout)
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta, file] = line.split('\t');
      const [, type, sha] = meta.split(' ');
      return { path: file, sha, type };
    })
    .filter((entry) => entry.type === 'blob');
}

/**
 * Writes blobs under `root` through one `git cat-file --batch`. A blob the
 * mirror lacks (snapshots leave out files of 4 MiB and more) is returned, not fatal.
 */
function writeBlobs(gitDir, blobs, root) {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['--git-dir', gitDir, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const missing = [];
    let buffer = Buffer.alloc(0);
    let index = 0;
    child.stdout.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const newline = buffer.indexOf(10);
        if (newline === -1) return;
        const header = buffer.subarray(0, newline).toString();
        const blob = blobs[index];
        if (header.endsWith(' missing')) {
          missing.push(blob.path);
          buffer = buffer.subarray(newline + 1);
          index += 1;
          continue;
        }
        const size = Number(header.split(' ')[2]);
        if (buffer.length < newline + 1 + size + 1) return;
        const target = path.join(root, blob.path);
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, buffer.subarray(newline + 1, newline + 1 + size));
        buffer = buffer.subarray(newline + 1 + size + 1);
        index += 1;
      }
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(missing) : reject(new Error(`git cat-file exited ${code}`))));
    child.stdin.end(blobs.map((blob) => `${blob.sha}\n`).join(''));
  });
}

const notMirrored = [];
let failed = false;

function needMirror(repo, commit) {
  const gitDir = mirrorDir(repo);
  if (!gitDir) {
    notMirrored.push(repo);
    return undefined;
  }
  if (!hasCommit(gitDir, commit)) {
    console.log(`FAIL ${repo}: the mirror ${gitDir} has no commit ${commit} (fetch a newer snapshot)`);
    failed = true;
    return undefined;
  }
  return gitDir;
}

async function installApp(app) {
  if (isAppInstalled(app)) {
    console.log(`ok   ${app.name} ${app.commit.slice(0, 12)} (cached)`);
    return;
  }
  const gitDir = needMirror(app.repo, app.commit);
  if (!gitDir) return;
  const root = appRoot(app);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const isAppFile = appFileMatcher(app);
  const blobs = listBlobs(gitDir, app.commit).filter((blob) => isAppFile(blob.path) || isConfigFile(blob.path));
  const missing = await writeBlobs(gitDir, blobs, root);
  const files = blobs.length - missing.length;
  writeFileSync(markerPath(root), `${JSON.stringify({ ...appMarker(app), files, missing }, null, 2)}\n`);
  console.log(
    `ok   ${app.name} ${app.commit.slice(0, 12)}: ${files} files` +
      (missing.length > 0 ? ` (${missing.length} not in the mirror: ${missing.slice(0, 3).join(', ')})` : ''),
  );
}

/**
 * The parent and fix versions of a known bug's files into
 * .corpus-cache/known-bugs/<id>/{before,after}/, with the package.json files
 * above them (for `type`). A bug linted with types (`tsconfig` not empty) gets
 * the whole source tree of both commits, so that imports resolve.
 */
async function installKnownBug(bug) {
  const dir = knownBugDir(bug);
  if (isKnownBugInstalled(bug)) {
    console.log(`ok   known bug ${bug.id} (cached)`);
    return;
  }
  const gitDir = needMirror(bug.repo, bug.fix);
  if (!gitDir || !needMirror(bug.repo, bug.parent)) return;
  rmSync(dir, { recursive: true, force: true });
  const wantedPaths = new Set([...bug.files, ...packageJsonsAbove(bug.files)]);
  const isSource = appFileMatcher(knownBugApp(bug));
  const exported = (file) =>
    wantedPaths.has(file) || (bug.tsconfig.length > 0 && (isSource(file) || isConfigFile(file)));
  for (const [side, commit] of [
    ['before', bug.parent],
    ['after', bug.fix],
  ]) {
    const blobs = listBlobs(gitDir, commit).filter((blob) => exported(blob.path));
    const absent = bug.files.filter((file) => !blobs.some((blob) => blob.path === file));
    if (absent.length > 0 && side === 'before') {
      console.log(`FAIL known bug ${bug.id}: ${absent.join(', ')} not in ${commit}`);
      failed = true;
      return;
    }
    await writeBlobs(gitDir, blobs, path.join(dir, side));
  }
  writeFileSync(markerPath(dir), `${JSON.stringify(knownBugMarker(bug), null, 2)}\n`);
  console.log(`ok   known bug ${bug.id}`);
}

function packageJsonsAbove(files) {
  const found = new Set();
  for (const file of files) {
    const parts = file.split('/');
    for (let depth = 0; depth < parts.length; depth += 1) {
      found.add([...parts.slice(0, depth), 'package.json'].join('/'));
    }
  }
  return found;
}

if (!args.includes('--bugs-only')) {
  for (const app of readApps().filter((entry) => wanted(entry.name))) await installApp(app);
}
if (!args.includes('--apps-only')) {
  for (const bug of readKnownBugs().filter((entry) => wanted(entry.id))) await installKnownBug(bug);
}

const missingRepos = [...new Set(notMirrored)];
if (missingRepos.length > 0) {
  console.log(
    `\nNo mirror under ${mirrorRoot} for ${missingRepos.length === 1 ? 'this repository' : `these ${missingRepos.length} repositories`}:\n` +
      missingRepos.map((repo) => `  ${repo}`).join('\n') +
      `\nBring each in (the search tool's fetch verb, github:<owner>/<name>, leaves it at` +
      ` ${mirrorRoot}/<owner>+<name>/repo; any clone that holds the pinned commit works, placed at` +
      ` $DEFUSE_MIRROR_DIR/<owner>+<name>), then run this script again.`,
  );
  failed = true;
}
if (failed) process.exitCode = 1;
