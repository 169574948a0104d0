// ESLint's worker threads (`--concurrency`) and its result cache (`--cache`)
// on a type-aware temp project that installed the packed plugin: the plugin
// keeps no state between files, so both give what a serial, serial run does.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

import { createInstalledProject, type ProcessResult, run } from './helpers.js';
import { snippet } from './integration-docs.js';
import { locate, RULE_SAMPLES, SAMPLE_TSCONFIG } from './integration-samples.js';

// Cross-file input: `src/load.ts` calls a helper whose body (in another file)
// is a placeholder throw.
const PENDING_HELPER = "export function pending(): never {\n  throw new Error('Not implemented');\n}\n";
const FINISHED_HELPER = "export function pending(): never {\n  throw new Error('the user store is closed');\n}\n";
const USES_PENDING =
  "import { pending } from './pending.js';\n\nexport function load(): string {\n  return pending();\n}\n";

// Three copies of every sample, plus clean files, so each worker gets several.
const COPIES = ['src', 'src/api', 'src/worker'];

let project: string;
/** The report of a plain serial, serial `eslint .` run: what every other run must match. */
let serial: Record<string, ESLint.LintResult['messages']>;

beforeAll(async () => {
  const files: Record<string, string> = {
    'eslint.config.js': snippet('eslint-config'),
    'tsconfig.json': SAMPLE_TSCONFIG,
    'src/pending.ts': PENDING_HELPER,
    'src/load.ts': USES_PENDING,
    'src/clean.ts': 'export const add = (a: number, b: number): number => a + b;\n',
  };
  for (const directory of COPIES) {
    for (const sample of RULE_SAMPLES) files[path.join(directory, path.basename(sample.file))] = sample.code;
  }
  project = await createInstalledProject({ files });
  serial = findings(await eslint(['--format', 'json', '.']));
}, 360_000);

// Each run builds the TypeScript program anew; generous for a loaded machine.
const RUNS_TIMEOUT = 240_000;

function eslint(args: readonly string[]): Promise<ProcessResult> {
  return run(process.execPath, [path.join(project, 'node_modules/eslint/bin/eslint.js'), ...args], {
    cwd: project,
    timeout: 120_000,
  });
}

// ESLint's own advice when workers do not pay off on a small project: not a problem of the run.
const POOR_CONCURRENCY = /^\(node:\d+\) ESLintPoorConcurrencyWarning: .*\n\(Use `node --trace-warnings .*\n/m;

/** The JSON report of a run that found problems, by file (relative path), in path order. */
function findings(result: ProcessResult): Record<string, ESLint.LintResult['messages']> {
  expect(result.stderr.replace(POOR_CONCURRENCY, '')).toBe('');
  expect(result.status).toBe(1);
  const results = JSON.parse(result.stdout) as ESLint.LintResult[];
  const byFile: Record<string, ESLint.LintResult['messages']> = {};
  for (const each of [...results].sort((a, b) => a.filePath.localeCompare(b.filePath))) {
    byFile[path.relative(project, each.filePath)] = each.messages;
  }
  return byFile;
}

describe('worker threads', () => {
  it(
    'report exactly what a serial run reports',
    async () => {
      const threaded = findings(await eslint(['--concurrency=2', '--format', 'json', '.']));
      expect(threaded).toEqual(serial);

      // And the serial run found what it should: each sample's one report in every copy.
      for (const directory of COPIES) {
        for (const sample of RULE_SAMPLES) {
          const file = path.join(directory, path.basename(sample.file));
          expect(
            serial[file]?.map(({ ruleId, line, column, endLine, endColumn }) => ({
              ruleId,
              line,
              column,
              endLine,
              endColumn,
            })),
          ).toEqual([{ ruleId: `defuse/${sample.rule}`, ...locate(sample.code, sample.offending) }]);
        }
      }
      expect(serial['src/clean.ts']).toEqual([]);
      expect(serial['src/load.ts']?.map((message) => message.messageId)).toEqual(['placeholderHelperCall']);
    },
    RUNS_TIMEOUT,
  );
});

describe('the result cache', () => {
  it(
    'gives the same report on a second run, from the cache it wrote',
    async () => {
      const cacheArgs = ['--cache', '--cache-strategy', 'content', '--cache-location', '.cache/eslint/'];
      const first = findings(await eslint([...cacheArgs, '--format', 'json', '.']));
      const cacheFile = readCache('.cache/eslint/');
      const second = findings(await eslint([...cacheArgs, '--format', 'json', '.']));
      const threadedFromCache = findings(await eslint([...cacheArgs, '--concurrency=2', '--format', 'json', '.']));

      expect(first).toEqual(serial);
      expect(second).toEqual(serial);
      expect(threadedFromCache).toEqual(serial);
      // Every linted file has its entry in the cache.
      for (const file of Object.keys(serial)) expect(cacheFile).toContain(path.join(project, file));
    },
    RUNS_TIMEOUT,
  );

  it(
    'keeps a stale result when only an imported helper changed (why docs/integrations.md says so)',
    async () => {
      const cacheArgs = ['--cache', '--cache-strategy', 'content', '--cache-location', '.cache/stale/'];
      const before = findings(await eslint([...cacheArgs, '--format', 'json', 'src/load.ts', 'src/pending.ts']));
      expect(before['src/load.ts']?.map((message) => message.messageId)).toEqual(['placeholderHelperCall']);

      writeFileSync(path.join(project, 'src/pending.ts'), FINISHED_HELPER);
      try {
        const cached = findings(await eslint([...cacheArgs, '--format', 'json', 'src/load.ts', 'src/pending.ts']));
        const fresh = await eslint(['--format', 'json', 'src/load.ts', 'src/pending.ts']);
        // The cache replays the old finding for the unchanged file; a fresh run has none.
        expect(cached['src/load.ts']).toEqual(before['src/load.ts']);
        expect(fresh.status).toBe(0);
        expect((JSON.parse(fresh.stdout) as ESLint.LintResult[]).flatMap((result) => result.messages)).toEqual([]);
      } finally {
        writeFileSync(path.join(project, 'src/pending.ts'), PENDING_HELPER);
      }
    },
    RUNS_TIMEOUT,
  );
});

/** The one cache file ESLint wrote in `directory` (it names it after a hash of the cwd). */
function readCache(directory: string): string {
  const names = readdirSync(path.join(project, directory));
  expect(names).toHaveLength(1);
  return readFileSync(path.join(project, directory, names[0]!), 'utf8');
}
