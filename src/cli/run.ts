import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { HELP, parseArguments, UsageError } from './args.js';
import { checkTypeScript } from './typescript-version.js';

/** Where a run reads and writes; the real process in `cli.ts`, fakes in tests. */
export interface CliEnvironment {
  cwd: string;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

export const EXIT_CLEAN = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;
/** A file whose lint threw: the other files are reported, and the run does not pass. */
export const EXIT_FAILURE = 2;

/**
 * One `defuse` run: parse the arguments, lint, print the report. Resolves to
 * the exit code; every failure becomes one line on stderr and exit code 2.
 * ESLint and TypeScript load only once the arguments are known to be good, so
 * `--help` and usage errors answer at once.
 */
export async function runCli(argv: readonly string[], environment: CliEnvironment): Promise<number> {
  try {
    const options = parseArguments(argv);
    if (options.help) {
      environment.stdout.write(HELP);
      return EXIT_CLEAN;
    }
    if (options.version) {
      const require = createRequire(import.meta.url);
      const { version } = require('../../package.json') as { version: string };
      environment.stdout.write(`${version}\n`);
      return EXIT_CLEAN;
    }
    for (const target of options.paths) {
      // Glob patterns are ESLint's business; a plain path must exist.
      if (!/[*?[\]{}]/.test(target) && !existsSync(path.resolve(environment.cwd, target))) {
        throw new UsageError(`no such file or directory: ${target}`);
      }
    }
    // Before anything loads TypeScript: an unsupported version fails on import.
    checkTypeScript();
    const { lint } = await import('./lint.js');
    return await lint(options, environment);
  } catch (error) {
    environment.stderr.write(`defuse: ${describe(error)}\n`);
    if (process.env.DEFUSE_DEBUG && error instanceof Error && error.stack) {
      environment.stderr.write(`${error.stack}\n`);
    }
    return EXIT_USAGE;
  }
}

/** One line, whatever the error: a multi-line message (ESLint's "Occurred while linting …") is joined. */
function describe(error: unknown): string {
  if (error instanceof UsageError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return message
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ');
}
