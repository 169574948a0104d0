// Runs vitest and closes with one line CI can read: `tests: N passed, N failed`.
// Extra arguments go to vitest (a file filter, say).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const dir = mkdtempSync(path.join(tmpdir(), 'defuse-tests-'));
const report = path.join(dir, 'vitest.json');
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
  { stdio: 'inherit' },
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
rmSync(dir, { recursive: true, force: true });

const code = result.status ?? 1;
if (code !== 0 && failed === 0) failed = 1;
console.log(`tests: ${passed} passed, ${failed} failed`);
// Not process.exit(): it could cut off the summary line when stdout is a pipe.
process.exitCode = code;
