import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { ESLint } from 'eslint';

import { type CliArguments, UsageError } from './args.js';
import { supportedLinterOptions } from './eslint-support.js';
import { globBase, isGlobPattern, selectFiles } from './files.js';
import { createLintConfig, type TypedSetup } from './lint-config.js';
import { createProgress, PROGRESS_THRESHOLD } from './progress.js';
import { loadConfigIgnores } from './project-config.js';
import { createProjectLookup, type UntypedReason } from './projects.js';
import { type CliEnvironment, EXIT_CLEAN, EXIT_FAILURE, EXIT_PROBLEMS } from './run.js';
import { loadVueParser } from './vue.js';

const TYPESCRIPT_EXTENSIONS = new Set(['.ts', '.tsx', '.mts', '.cts']);
const TYPESCRIPT_IN_VUE = /<script\b[^>]*\blang\s*=\s*["']tsx?["']/;

/** A file whose lint threw: ESLint's own behaviour for a rule error, kept to that file. */
interface LintFailure {
  file: string;
  ruleId: string | undefined;
  message: string;
}

/**
 * Lints what the arguments name and writes the formatted report. Resolves to
 * the exit code; throws UsageError for arguments, a tsconfig.json or a
 * formatter that cannot be used. Every file the run does not lint, or lints
 * with less than it could, is counted on stderr.
 */
export async function lint(options: CliArguments, { cwd, stdout, stderr }: CliEnvironment): Promise<number> {
  const notice = (line: string): void => void stderr.write(`defuse: ${line}\n`);

  // ESLint leaves files outside its cwd unlinted, so a path outside the
  // working directory moves the root up to a directory that holds them all.
  const root = commonAncestor([
    cwd,
    ...options.paths.map((target) => (isGlobPattern(target) ? globBase(target, cwd) : path.resolve(cwd, target))),
  ]);
  const configIgnores = await loadConfigIgnores(root);
  if (configIgnores.warning !== undefined) notice(configIgnores.warning);
  const selection = await selectFiles(options.paths, cwd, {
    ignorePatterns: options.ignorePatterns,
    isIgnoredByConfig: configIgnores.isIgnored,
  });
  selection.notices.forEach(notice);

  const untyped = new Map<string, UntypedReason | 'vue'>();
  const typed = planTypes(selection.files, root, cwd, untyped);
  typed.warnings.forEach(notice);

  let files = selection.files;
  const vueFiles = files.filter((file) => path.extname(file) === '.vue');
  const vueParser = vueFiles.length > 0 ? await loadVueParser([root, cwd]) : undefined;
  if (vueFiles.length > 0 && vueParser === undefined) {
    notice(
      `${count(vueFiles.length, '.vue file')} skipped: vue-eslint-parser is not installed in the project (npm i -D vue-eslint-parser)`,
    );
    files = files.filter((file) => path.extname(file) !== '.vue');
  }

  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: createLintConfig({ typed: typed.setup, vueParser, linterOptions: supportedLinterOptions() }),
    // Files are chosen (and ignores applied) before ESLint sees them.
    ignore: false,
  });
  // Formatter packages resolve from the user's directory, as with ESLint's own CLI.
  const formatter = await loadFormatter(root === cwd ? eslint : new ESLint({ cwd }), options.format);

  const { results, failures } = await lintEach(eslint, files, stderr);
  for (const result of results) {
    if (path.extname(result.filePath) === '.vue' && TYPESCRIPT_IN_VUE.test(result.text)) {
      untyped.set(result.filePath, 'vue');
    }
  }
  const untypedLine = describeUntyped(untyped);
  if (untypedLine !== undefined) notice(untypedLine);

  let reported = results.map((result) => onlyDefuseFindings(result.result));
  if (options.quiet) reported = reported.map(withoutWarnings);
  const warningCount = reported.reduce((sum, result) => sum + result.warningCount, 0);
  const tooManyWarnings = options.maxWarnings !== undefined && warningCount > options.maxWarnings;

  const output = await formatter.format(reported, maxWarningsMeta(options, warningCount));
  if (options.outputFile === undefined) {
    stdout.write(output);
  } else {
    const target = path.resolve(cwd, options.outputFile);
    try {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, output);
    } catch (error) {
      throw new UsageError(
        `cannot write ${options.outputFile}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      );
    }
  }

  for (const failure of failures) {
    notice(
      `linting ${path.relative(cwd, failure.file) || failure.file} failed${failure.ruleId === undefined ? '' : ` in rule ${failure.ruleId}`}: ${failure.message}`,
    );
  }
  if (tooManyWarnings) notice(`too many warnings (${warningCount}; --max-warnings ${options.maxWarnings})`);

  if (failures.length > 0) return EXIT_FAILURE;
  const problems = reported.some((result) => result.errorCount > 0) || tooManyWarnings;
  return problems ? EXIT_PROBLEMS : EXIT_CLEAN;
}

/** What ESLint tells formatters when `--max-warnings` is exceeded. */
function maxWarningsMeta(options: CliArguments, foundWarnings: number): ESLint.ResultsMeta | undefined {
  return options.maxWarnings !== undefined && foundWarnings > options.maxWarnings
    ? { maxWarningsExceeded: { maxWarnings: options.maxWarnings, foundWarnings } }
    : undefined;
}

/**
 * Decides, before the run, which TypeScript files get types: those a
 * tsconfig.json includes (each from the nearest one, as the project service
 * picks it). The others are recorded in `untyped` with the reason.
 */
function planTypes(
  files: readonly string[],
  root: string,
  cwd: string,
  untyped: Map<string, UntypedReason | 'vue'>,
): { setup: TypedSetup | undefined; warnings: readonly string[] } {
  const lookup = createProjectLookup(cwd);
  const typedFiles = new Set<string>();
  for (const file of files) {
    if (!TYPESCRIPT_EXTENSIONS.has(path.extname(file))) continue;
    const reason = lookup.untypedReason(file);
    if (reason === undefined) typedFiles.add(file);
    else untyped.set(file, reason);
  }
  if (typedFiles.size === 0) return { setup: undefined, warnings: lookup.warnings };
  return {
    warnings: lookup.warnings,
    setup: {
      tsconfigRootDir: commonAncestor([root, ...[...lookup.usedConfigs].map((config) => path.dirname(config))]),
      isTyped: (file) => typedFiles.has(path.resolve(file)),
      onFallback: (file) => untyped.set(path.resolve(file), 'not-included'),
    },
  };
}

const UNTYPED_REASONS: Record<UntypedReason | 'vue', string> = {
  'no-tsconfig': 'with no tsconfig.json above',
  'not-included': 'that no tsconfig.json includes',
  'unresolved-extends': 'under a tsconfig.json whose "extends" cannot be resolved',
  vue: '.vue with <script lang="ts"> (types are not read in .vue files)',
};

function describeUntyped(untyped: ReadonlyMap<string, UntypedReason | 'vue'>): string | undefined {
  if (untyped.size === 0) return undefined;
  const byReason = new Map<string, number>();
  for (const reason of untyped.values()) byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
  const reasons = [...byReason]
    .map(([reason, files]) => `${files} ${UNTYPED_REASONS[reason as UntypedReason | 'vue']}`)
    .join(', ');
  return `${count(untyped.size, 'TypeScript file')} linted without type information: ${reasons}`;
}

function count(amount: number, noun: string): string {
  return `${amount} ${noun}${amount === 1 ? '' : 's'}`;
}

interface LintedFile {
  filePath: string;
  /** The file's text; empty when it could not be read. */
  text: string;
  result: ESLint.LintResult;
}

/**
 * Lints file by file, so that a file that cannot be read, or a rule that
 * throws on one file, costs that file and not the run. When a person watches
 * a terminal and the run is long enough to wonder, a progress line on stderr
 * counts the files; it never changes which files are linted.
 */
async function lintEach(
  eslint: ESLint,
  files: readonly string[],
  stderr: CliEnvironment['stderr'],
): Promise<{ results: LintedFile[]; failures: LintFailure[] }> {
  const results: LintedFile[] = [];
  const failures: LintFailure[] = [];
  const progress =
    stderr.isTTY === true && files.length > PROGRESS_THRESHOLD ? createProgress(stderr, files.length) : undefined;
  try {
    for (const [index, file] of files.entries()) {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        results.push({ filePath: file, text: '', result: unreadable(file, error) });
        continue;
      }
      try {
        const [result] = await eslint.lintText(text, { filePath: file, warnIgnored: false });
        if (result !== undefined) results.push({ filePath: file, text, result });
      } catch (error) {
        failures.push(describeFailure(file, error));
      }
      if (progress !== undefined && ((index + 1) % 25 === 0 || index + 1 === files.length)) progress.update(index + 1);
    }
  } finally {
    progress?.clear();
  }
  return { results, failures };
}

function unreadable(file: string, error: unknown): ESLint.LintResult {
  const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
  return {
    filePath: file,
    messages: [{ ruleId: null, fatal: true, severity: 2, message: `Cannot read file: ${reason}`, line: 0, column: 0 }],
    suppressedMessages: [],
    errorCount: 1,
    fatalErrorCount: 1,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
}

/** ESLint appends "Occurred while linting <file>:<line>" and `Rule: "<id>"` to the error; keep its first line. */
function describeFailure(file: string, error: unknown): LintFailure {
  const message = error instanceof Error ? error.message : String(error);
  const ruleId = (error as { ruleId?: unknown }).ruleId;
  const line = /Occurred while linting .*:(\d+)$/m.exec(message)?.[1];
  return {
    file: line === undefined ? file : `${file}:${line}`,
    ruleId: typeof ruleId === 'string' ? ruleId : /^Rule: "([^"]+)"$/m.exec(message)?.[1],
    message: message.split('\n')[0] ?? '',
  };
}

async function loadFormatter(eslint: ESLint, name: string): Promise<ESLint.LoadedFormatter> {
  try {
    return await eslint.loadFormatter(name);
  } catch {
    throw new UsageError(`cannot load formatter "${name}"`);
  }
}

/**
 * Keeps the plugin's reports, parse errors and read errors. Comments of the
 * linted code meant for its own ESLint setup (`eslint-disable` of other
 * plugins' rules, `eslint-env`, which ESLint 10 reports as fatal) are not
 * this run's business.
 */
function onlyDefuseFindings(result: ESLint.LintResult): ESLint.LintResult {
  return recount(
    result,
    result.messages.filter(
      (message) =>
        message.ruleId?.startsWith('defuse/') === true ||
        (message.ruleId === null &&
          message.fatal === true &&
          /^(?:Parsing|Preprocessing) error|^Cannot read file/.test(message.message)),
    ),
  );
}

function withoutWarnings(result: ESLint.LintResult): ESLint.LintResult {
  return recount(
    result,
    result.messages.filter((message) => message.severity === 2),
  );
}

function recount(result: ESLint.LintResult, messages: ESLint.LintResult['messages']): ESLint.LintResult {
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
