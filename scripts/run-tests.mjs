// Runs vitest and closes with one line CI can read: `tests: N passed, N failed`,
// followed by `, N skipped` when a test could not run here (a tool the README's
// commands do not install; such a test writes its reason to the file
// DEFUSE_NOT_RUN_FILE names, and each reason is printed on a `not run:` line
// just before the closing one). Extra arguments go to vitest (a file filter, say).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const dir = mkdtempSync(path.join(tmpdir(), 'defuse-tests-'));
const report = path.join(dir, 'vitest.json');
const notRunFile = path.join(dir, 'not-run.txt');
const result = spawnSync(
  process.execPath,
  [
    'node_modules/vitest/vitest.mjs',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', env: { ...process.env, DEFUSE_NOT_RUN_FILE: notRunFile } },
);

let passed = 0;
let failed = 0;
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests;
  failed = json.numFailedTests + (json.numRuntimeErrorTestSuites ?? 0);
  // A test file that fails to load has no tests but must still count.
  for (const suite of json.testResults ?? []) {
    if (suite.status === 'failed' && suite.assertionResults.length === 0) failed += 1;
  }
} catch {
  failed += 1;
}
const notRun = existsSync(notRunFile) ? readFileSync(notRunFile, 'utf8').split('\n').filter(Boolean) : [];
rmSync(dir, { recursive: true, force: true });

const code = result.status ?? 1;
if (code !== 0 && failed === 0) failed = 1;
for (const reason of new Set(notRun)) console.log(`not run: ${reason}`);
console.log(`tests: ${passed} passed, ${failed} failed${notRun.length > 0 ? `, ${notRun.length} skipped` : ''}`);
// Not process.exit(): it could cut off the summary line when stdout is a pipe.
process.exitCode = code;
