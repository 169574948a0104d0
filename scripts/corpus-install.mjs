// Installs the corpus (tests/corpus/manifest.json) into .corpus-cache/,
// one npm project per package at its exact version, from the npm registry only.
// Idempotent: a package already installed at its version is left alone.
// Usage: node scripts/corpus-install.mjs [--ci] [name ...]
//
// A package linted without types needs only its own files: it is unpacked from its one
// tarball, so what CI lints never depends on how the registry resolves a dependency range
// that day (a range naming a version the registry did not serve yet failed CI once).
// A package linted with types gets its dependencies too, for their declarations, at the
// versions its lockfile in tests/corpus/locks/ pins; a package with no lockfile yet is
// resolved afresh and its lockfile written there, to commit. Registry faults are retried.
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

import { cacheDir, installDir, isInstalled, lockFile, packageRoot, readManifest } from '../tests/corpus/paths.mjs';

const args = process.argv.slice(2);
const ciOnly = args.includes('--ci');
const names = args.filter((arg) => !arg.startsWith('--'));
const wanted = readManifest().filter(
  (entry) => (!ciOnly || entry.ci) && (names.length === 0 || names.includes(entry.name)),
);
const registry = '--registry=https://registry.npmjs.org/';
const ATTEMPTS = 3;

function npm(argv, cwd) {
  return new Promise((resolve) => {
    const child = spawn('npm', argv, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', (error) => resolve({ code: -1, stderr: String(error) }));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/**
 * The files of an npm tarball (`package/…`) written under `target`. Only regular files and
 * folders; an entry whose path would leave `target` stops the install.
 */
function unpack(tarball, target) {
  const data = gunzipSync(readFileSync(tarball));
  let longName;
  for (let offset = 0; offset + 512 <= data.length;) {
    const header = data.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const field = (start, length) => header.toString('utf8', start, start + length).replace(/\0.*$/s, '');
    const size = Number.parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1) || '0';
    const body = data.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === 'x') {
      // A pax header: its `path` record names the next entry.
      const record = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'));
      if (record) longName = record[1];
      continue;
    }
    if (type === 'L') {
      longName = body.toString('utf8').replace(/\0.*$/s, '');
      continue;
    }
    const prefix = field(345, 155);
    const name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    longName = undefined;
    if (type !== '0' && type !== '5') continue;
    const relative = name.split('/').slice(1).join('/');
    if (!relative) continue;
    const file = path.resolve(target, relative);
    if (!file.startsWith(`${path.resolve(target)}${path.sep}`)) throw new Error(`unsafe path in tarball: ${name}`);
    if (type === '5') mkdirSync(file, { recursive: true });
    else {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, body);
    }
  }
}

async function installFiles(entry) {
  const scratch = mkdtempSync(path.join(cacheDir, '.pack-'));
  try {
    const packed = await npm(
      ['pack', '--loglevel=error', registry, '--pack-destination', scratch, `${entry.name}@${entry.version}`],
      scratch,
    );
    if (packed.code !== 0) return packed;
    const tarball = readdirSync(scratch).find((file) => file.endsWith('.tgz'));
    if (!tarball) return { code: 1, stderr: `npm pack wrote no tarball\n${packed.stderr}` };
    const root = packageRoot(entry);
    rmSync(root, { recursive: true, force: true });
    unpack(path.join(scratch, tarball), root);
    return { code: 0, stderr: '' };
  } catch (error) {
    return { code: 1, stderr: String(error) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** `npm ci` from the package's lockfile; without one, `npm install`, and its lockfile is kept. */
async function installWithDependencies(entry) {
  const dir = installDir(entry);
  const lock = lockFile(entry);
  const pinned = existsSync(lock);
  const flags = ['--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', registry];
  if (pinned) copyFileSync(lock, path.join(dir, 'package-lock.json'));
  else rmSync(path.join(dir, 'package-lock.json'), { force: true });
  const result = await npm(pinned ? ['ci', ...flags] : ['install', ...flags], dir);
  if (result.code === 0 && !pinned) {
    mkdirSync(path.dirname(lock), { recursive: true });
    copyFileSync(path.join(dir, 'package-lock.json'), lock);
    console.log(`new lockfile ${path.relative(process.cwd(), lock)}: commit it with the manifest`);
  }
  return result;
}

async function install(entry) {
  const dir = installDir(entry);
  mkdirSync(dir, { recursive: true });
  const manifest = { name: 'corpus', private: true };
  // A lockfile pins the tree of what the project depends on.
  if (entry.mode === 'type-aware') manifest.dependencies = { [entry.name]: entry.version };
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  let result;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    result = entry.mode === 'type-aware' ? await installWithDependencies(entry) : await installFiles(entry);
    if (result.code === 0 && isInstalled(entry)) return result;
    if (attempt < ATTEMPTS) {
      console.log(`retry ${entry.name}@${entry.version} (attempt ${attempt} failed, exit ${result.code})`);
      await new Promise((resolve) => setTimeout(resolve, attempt * 10_000));
    }
  }
  return result;
}

mkdirSync(cacheDir, { recursive: true });
const failures = [];
const queue = wanted.filter((entry) => {
  if (isInstalled(entry)) console.log(`ok   ${entry.name}@${entry.version} (cached)`);
  return !isInstalled(entry);
});
// Three installs at a time: the network is the bottleneck, not the two cores.
const workers = Array.from({ length: 3 }, async () => {
  for (let entry = queue.shift(); entry; entry = queue.shift()) {
    const started = Date.now();
    const result = await install(entry);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (result.code === 0 && isInstalled(entry)) {
      console.log(`ok   ${entry.name}@${entry.version} (${seconds} s)`);
    } else {
      failures.push(entry);
      console.log(`FAIL ${entry.name}@${entry.version} (exit ${result.code})\n${result.stderr.trim()}`);
    }
  }
});
await Promise.all(workers);
if (failures.length > 0) process.exitCode = 1;
