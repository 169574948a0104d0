// Installs the corpus (tests/corpus/manifest.json) into .corpus-cache/,
// one npm project per package at its exact version, from the npm registry only.
// Idempotent: a package already installed at its version is left alone.
// Usage: node scripts/corpus-install.mjs [--ci] [name ...]
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { installDir, isInstalled, readManifest } from '../tests/corpus/paths.mjs';

const args = process.argv.slice(2);
const ciOnly = args.includes('--ci');
const names = args.filter((arg) => !arg.startsWith('--'));
const wanted = readManifest().filter(
  (entry) => (!ciOnly || entry.ci) && (names.length === 0 || names.includes(entry.name)),
);

function install(entry) {
  const dir = installDir(entry);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'corpus', private: true }, null, 2)}\n`);
  return new Promise((resolve) => {
    const child = spawn(
      'npm',
      [
        'install',
        '--no-save',
        '--ignore-scripts',
        '--no-audit',
        '--no-fund',
        '--no-package-lock',
        '--loglevel=error',
        '--registry=https://registry.npmjs.org/',
        `${entry.name}@${entry.version}`,
      ],
      { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ entry, code, stderr }));
  });
}

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
