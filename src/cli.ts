#!/usr/bin/env node
// The `defuse` command: lints paths with every rule of the plugin and no user
// config. Sets the exit code and lets Node exit by itself, so stdout (often a
// pipe) is fully written before the process ends.
import { runCli } from './cli/run.js';

// A reader that closed the pipe early (`defuse | head -1`) has all it wants:
// the rest of the output goes nowhere, quietly, as with ESLint.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

runCli(process.argv.slice(2), { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr }).then(
  (exitCode) => {
    process.exitCode = exitCode;
  },
  (error: unknown) => {
    process.stderr.write(`defuse: ${String(error)}\n`);
    process.exitCode = 2;
  },
);
