/**
 * What `defuse/no-exit-before-flush` is about, measured on the machine running
 * the tests: a Node process whose output goes into a pipe (as under Docker,
 * CI, `| tee`) loses what is still queued when it calls `process.exit()`, and
 * loses nothing when it sets `process.exitCode` and ends on its own.
 *
 * The pipe is a real one (`sh -c 'writer | reader'`), and the reader waits
 * before reading, as a busy log collector does, so the writer fills the
 * pipe and the rest of its output waits in Node's queue when it exits.
 * POSIX only: on Windows, Node writes to pipes synchronously.
 */
import { spawnSync } from 'node:child_process';

import { describe, expect, it } from 'vitest';

/** Reads stdin after a pause and prints what arrived: bytes, and whether the fatal line made it. */
const SLOW_READER = `
setTimeout(() => {
  const chunks = [];
  process.stdin.on('data', (chunk) => chunks.push(chunk));
  process.stdin.on('end', () => {
    const text = Buffer.concat(chunks).toString();
    process.stdout.write(JSON.stringify({ bytes: Buffer.byteLength(text), fatal: text.includes('FATAL') }));
  });
}, 500);
`;

interface Arrived {
  bytes: number;
  fatal: boolean;
}

/** Runs `writer` with `stream` piped into the slow reader (the other stream goes to /dev/null). */
function pipeThroughSlowReader(writer: string, stream: 'stdout' | 'stderr'): Arrived {
  const redirect = stream === 'stdout' ? '2>/dev/null' : '2>&1 >/dev/null';
  const result = spawnSync('sh', ['-c', `"$NODE" -e "$WRITER" ${redirect} | "$NODE" -e "$READER"`], {
    env: { ...process.env, NODE: process.execPath, WRITER: writer, READER: SLOW_READER },
    encoding: 'utf8',
    timeout: 15_000,
  });
  if (result.error) throw result.error;
  return JSON.parse(result.stdout) as Arrived;
}

const BIG = 5_000_000;

// Ordinary log lines on stderr, then the line that says why the service stops.
const LOG_THEN_FATAL = `
for (let i = 0; i < 2000; i++) console.error(JSON.stringify({ level: 'info', msg: 'request ' + i + ' handled', pad: 'p'.repeat(60) }));
console.error('FATAL: could not bind :8080 (EADDRINUSE)');
`;

describe('output piped into a slow reader', () => {
  it('loses what is queued on stdout when the process calls process.exit()', () => {
    const arrived = pipeThroughSlowReader(`process.stdout.write('x'.repeat(${BIG})); process.exit(1);`, 'stdout');
    console.log(`stdout, ${BIG} bytes then process.exit(1): ${arrived.bytes} bytes arrived`);
    expect(arrived.bytes).toBeGreaterThan(0);
    expect(arrived.bytes).toBeLessThan(BIG);
  });

  it('delivers all of stdout when the process sets process.exitCode instead', () => {
    const arrived = pipeThroughSlowReader(`process.stdout.write('x'.repeat(${BIG})); process.exitCode = 1;`, 'stdout');
    console.log(`stdout, ${BIG} bytes then process.exitCode = 1: ${arrived.bytes} bytes arrived`);
    expect(arrived.bytes).toBe(BIG);
  });

  it('loses the fatal console.error line on stderr with process.exit()', () => {
    const arrived = pipeThroughSlowReader(`${LOG_THEN_FATAL} process.exit(1);`, 'stderr');
    console.log(
      `stderr, 2000 log lines + FATAL then process.exit(1): ${arrived.bytes} bytes, FATAL line arrived: ${arrived.fatal}`,
    );
    expect(arrived.bytes).toBeGreaterThan(0);
    expect(arrived.fatal).toBe(false);
  });

  it('delivers the fatal console.error line with process.exitCode', () => {
    const arrived = pipeThroughSlowReader(`${LOG_THEN_FATAL} process.exitCode = 1;`, 'stderr');
    console.log(
      `stderr, 2000 log lines + FATAL then process.exitCode = 1: ${arrived.bytes} bytes, FATAL line arrived: ${arrived.fatal}`,
    );
    expect(arrived.fatal).toBe(true);
  });

  it('delivers it when the process exits from the write callback', () => {
    const arrived = pipeThroughSlowReader(
      `${LOG_THEN_FATAL} process.stderr.write('', () => process.exit(1));`,
      'stderr',
    );
    console.log(`stderr, 2000 log lines + FATAL then exit in write callback: FATAL line arrived: ${arrived.fatal}`);
    expect(arrived.fatal).toBe(true);
  });
});
