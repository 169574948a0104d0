import path from 'node:path';

import { ESLint } from 'eslint';

import { type CliArguments, UsageError } from './args.js';
import { collectFiles } from './files.js';
import { createLintConfig } from './lint-config.js';
import { createProgress, PROGRESS_THRESHOLD } from './progress.js';
import type { CliEnvironment } from './run.js';
import { checkTsconfig, findTsconfigs } from './tsconfig.js';

/**
 * Lints what the arguments name and writes the formatted report to stdout.
 * Resolves to whether any problem was found; throws UsageError for a
 * tsconfig.json or a formatter that cannot be used.
 */
export async function lint(options: CliArguments, { cwd, stdout, stderr }: CliEnvironment): Promise<boolean> {
  const targets = options.paths.map((target) => path.resolve(cwd, target));
  const tsconfigs = findTsconfigs(targets);
  for (const tsconfig of tsconfigs) checkTsconfig(tsconfig, cwd);
  const tsconfigRootDir = tsconfigs[0] === undefined ? undefined : path.dirname(tsconfigs[0]);

  // ESLint leaves files outside its cwd unlinted, so a path outside the
  // working directory moves the root up to a directory that holds them all.
  const root = commonAncestor([cwd, ...targets]);
  const patterns = root === cwd ? options.paths : targets;
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: createLintConfig(tsconfigRootDir),
    errorOnUnmatchedPattern: false,
    warnIgnored: false,
  });
  // Formatter packages resolve from the user's directory, as with ESLint's own CLI.
  const formatter = await loadFormatter(root === cwd ? eslint : new ESLint({ cwd }), options.format);

  const results = onlyDefuseFindings(await lintWithProgress(eslint, patterns, root, stderr));
  stdout.write(await formatter.format(results));

  return results.some((result) => result.errorCount > 0 || result.warningCount > 0);
}

async function loadFormatter(eslint: ESLint, name: string): Promise<ESLint.LoadedFormatter> {
  try {
    return await eslint.loadFormatter(name);
  } catch {
    throw new UsageError(`cannot load formatter "${name}"`);
  }
}

/**
 * Lints in one call, or, when a person watches a terminal and the run is
 * long enough to wonder, in batches with a progress line on stderr. ESLint's
 * Node API reports nothing until a call returns, hence the batches.
 */
async function lintWithProgress(
  eslint: ESLint,
  patterns: readonly string[],
  cwd: string,
  stderr: CliEnvironment['stderr'],
): Promise<ESLint.LintResult[]> {
  if (stderr.isTTY !== true) return eslint.lintFiles([...patterns]);

  const files = await collectFiles(eslint, patterns, cwd);
  if (files === undefined || files.length <= PROGRESS_THRESHOLD) return eslint.lintFiles([...patterns]);

  const progress = createProgress(stderr, files.length);
  const results: ESLint.LintResult[] = [];
  const batchSize = 25;
  try {
    for (let start = 0; start < files.length; start += batchSize) {
      const batch = files.slice(start, start + batchSize);
      results.push(...(await eslint.lintFiles(batch)));
      progress.update(start + batch.length);
    }
  } finally {
    progress.clear();
  }
  return results;
}

/**
 * Keeps the plugin's reports and parse errors. Comments of the linted code
 * meant for its own ESLint setup (`eslint-disable` of other plugins' rules,
 * `eslint-env`, which ESLint 10 reports as fatal) are not this run's business.
 */
function onlyDefuseFindings(results: ESLint.LintResult[]): ESLint.LintResult[] {
  return results.map((result) => {
    const messages = result.messages.filter(
      (message) =>
        message.ruleId?.startsWith('defuse/') === true ||
        (message.ruleId === null && message.fatal === true && /^(?:Parsing|Preprocessing) error/.test(message.message)),
    );
    const errors = messages.filter((message) => message.severity === 2);
    const warnings = messages.filter((message) => message.severity === 1);
    return {
      ...result,
      messages,
      errorCount: errors.length,
      fatalErrorCount: errors.filter((message) => message.fatal === true).length,
      warningCount: warnings.length,
      fixableErrorCount: errors.filter((message) => message.fix !== undefined).length,
      fixableWarningCount: warnings.filter((message) => message.fix !== undefined).length,
    };
  });
}

/** The deepest directory containing every one of the absolute `paths`. */
function commonAncestor(paths: readonly string[]): string {
  let ancestor = paths[0] ?? path.parse(process.cwd()).root;
  for (const candidate of paths) {
    while (ancestor !== path.dirname(ancestor) && path.relative(ancestor, candidate).startsWith('..')) {
      ancestor = path.dirname(ancestor);
    }
  }
  return ancestor;
}
