// The plugin in CI: `eslint` and `defuse` fail the step on findings, the lint
// commands of the documented GitHub Actions job run as written, and the SARIF
// formatter for code scanning turns our reports into SARIF results.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { beforeAll, describe, expect, it } from 'vitest';

import { createInstalledProject, type ProcessResult, repoVersionOf, run } from './helpers.js';
import { snippet, workflowLintCommands } from './integration-docs.js';
import { locate, messagePattern, RULE_SAMPLES, SAMPLE_TSCONFIG } from './integration-samples.js';

interface InstalledRule {
  meta: { messages: Record<string, string>; docs?: { description?: string; url?: string } };
}

interface SarifResult {
  ruleId: string;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string; index?: number };
      region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
    };
  }[];
}

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules?: { id: string; shortDescription?: { text: string }; helpUri?: string }[] } };
    results: SarifResult[];
  }[];
}

const SARIF_FORMATTER = '@microsoft/eslint-formatter-sarif';
const CLEAN = 'export const add = (a: number, b: number): number => a + b;\n';
const PLACEHOLDER_JS = "export function start() {\n  throw new Error('TODO');\n}\n";

let project: string;
let rules: Record<string, InstalledRule>;

beforeAll(async () => {
  const files: Record<string, string> = {
    'eslint.config.js': snippet('eslint-config'),
    'tsconfig.json': SAMPLE_TSCONFIG,
    'src/clean.ts': CLEAN,
  };
  for (const sample of RULE_SAMPLES) files[sample.file] = sample.code;
  project = await createInstalledProject({
    files,
    dependencies: [
      `eslint@${repoVersionOf('eslint')}`,
      `typescript@${repoVersionOf('typescript')}`,
      `${SARIF_FORMATTER}@3`,
    ],
  });
  const require = createRequire(path.join(project, 'package.json'));
  const plugin = (await import(pathToFileURL(require.resolve('eslint-plugin-defuse')).href)) as {
    default: { rules: Record<string, InstalledRule> };
  };
  rules = plugin.default.rules;
}, 360_000);

// Each run builds the TypeScript program anew; generous for a loaded machine.
const RUNS_TIMEOUT = 240_000;

function npx(args: readonly string[]): Promise<ProcessResult> {
  return run('npx', ['--no-install', ...args], { cwd: project, timeout: 120_000, env: { NO_COLOR: '1' } });
}

/** What the SARIF log must say about each sample's finding. */
function expectSarifResults(log: SarifLog): void {
  expect(log.version).toBe('2.1.0');
  expect(log.runs).toHaveLength(1);
  const [sarifRun] = log.runs;
  const results = [...(sarifRun?.results ?? [])].sort((a, b) => a.ruleId.localeCompare(b.ruleId));
  expect(results).toEqual(
    [...RULE_SAMPLES]
      .sort((a, b) => a.rule.localeCompare(b.rule))
      .map((sample) => {
        const { line, column, endLine, endColumn } = locate(sample.code, sample.offending);
        return {
          ruleId: `defuse/${sample.rule}`,
          level: 'error',
          message: {
            text: expect.stringMatching(
              messagePattern(rules[sample.rule]?.meta.messages[sample.messageId] ?? '', sample.data),
            ) as string,
          },
          locations: [
            {
              physicalLocation: {
                artifactLocation: {
                  uri: pathToFileURL(path.join(project, sample.file)).href,
                  index: expect.any(Number) as number,
                },
                region: { startLine: line, startColumn: column, endLine, endColumn },
              },
            },
          ],
          ruleIndex: expect.any(Number) as number,
        };
      }),
  );
}

describe('exit codes', () => {
  it(
    'eslint and defuse exit 1 on findings and 0 on clean files',
    async () => {
      const eslint = await npx(['eslint', '.']);
      expect(eslint.status).toBe(1);
      for (const sample of RULE_SAMPLES) expect(eslint.stdout).toContain(`defuse/${sample.rule}`);
      expect(eslint.stdout).toContain(`${RULE_SAMPLES.length} problems (${RULE_SAMPLES.length} errors, 0 warnings)`);

      const defuse = await npx(['defuse']);
      expect(defuse.status).toBe(1);
      for (const sample of RULE_SAMPLES) expect(defuse.stdout).toContain(`defuse/${sample.rule}`);

      expect((await npx(['eslint', 'src/clean.ts'])).status).toBe(0);
      expect((await npx(['defuse', 'src/clean.ts'])).status).toBe(0);
    },
    RUNS_TIMEOUT,
  );

  it(
    'eslint exits 1 on a JavaScript file linted by the syntactic config',
    async () => {
      // Only for this test: the other runs lint `.` without it.
      const directory = path.join(project, 'scripts');
      mkdirSync(directory, { recursive: true });
      writeFileSync(path.join(directory, 'start.js'), PLACEHOLDER_JS);
      let result: ProcessResult;
      try {
        result = await npx(['eslint', '--format', 'json', 'scripts/start.js']);
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
      expect(result.stderr).not.toContain('Error');
      expect(result.status).toBe(1);
      const [report] = JSON.parse(result.stdout) as {
        messages: { ruleId: string | null; line: number; column: number }[];
      }[];
      const { line, column } = locate(PLACEHOLDER_JS, "throw new Error('TODO');");
      expect(
        report?.messages.map((message) => ({ ruleId: message.ruleId, line: message.line, column: message.column })),
      ).toEqual([{ ruleId: 'defuse/no-placeholder-throw', line, column }]);
    },
    RUNS_TIMEOUT,
  );
});

describe('the GitHub Actions job', () => {
  it(
    'runs its lint commands as written and uploads our findings as SARIF',
    async () => {
      const commands = workflowLintCommands();
      expect(commands.map((words) => words.slice(0, 2).join(' '))).toEqual(['npx eslint', 'npx eslint']);
      const [lint, sarif] = commands as [string[], string[]];

      const lintRun = await npx(lint.slice(1));
      expect(lintRun.status).toBe(1);
      for (const sample of RULE_SAMPLES) expect(lintRun.stdout).toContain(`defuse/${sample.rule}`);

      const sarifRun = await npx(sarif.slice(1));
      expect(sarifRun.status).toBe(1);
      const output = sarif[sarif.indexOf('--output-file') + 1]!;
      const log = JSON.parse(readFileSync(path.join(project, output), 'utf8')) as SarifLog;
      expectSarifResults(log);

      // The rules' metadata goes along, so code scanning links each alert to its docs.
      const driver = log.runs[0]?.tool.driver;
      expect(driver?.name).toBe('ESLint');
      const described = new Map((driver?.rules ?? []).map((rule) => [rule.id, rule]));
      for (const sample of RULE_SAMPLES) {
        const meta = rules[sample.rule]?.meta;
        expect(described.get(`defuse/${sample.rule}`)).toMatchObject({
          shortDescription: { text: meta?.docs?.description },
          helpUri: meta?.docs?.url,
        });
      }
    },
    RUNS_TIMEOUT,
  );

  it(
    'gets the same SARIF results from the defuse command',
    async () => {
      const result = await npx(['defuse', '--format', SARIF_FORMATTER]);
      expect(result.status).toBe(1);
      expectSarifResults(JSON.parse(result.stdout) as SarifLog);
    },
    RUNS_TIMEOUT,
  );
});
