// The plugin under oxlint's `jsPlugins`, installed from the npm registry into
// a temp project beside the packed plugin. oxlint has no type information for
// JavaScript plugins, so each rule must report what it reports under ESLint
// without types. The test finds out which rules do, and holds the documented
// `.oxlintrc.json` (docs/integrations.md) to exactly those.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import type { ESLint, Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

import { createInstalledProject, type ProcessResult, repoVersionOf, run } from './helpers.js';
import { snippet } from './integration-docs.js';
import { RULE_SAMPLES, SAMPLE_TSCONFIG } from './integration-samples.js';

interface OxlintDiagnostic {
  message: string;
  code?: string;
  filename: string;
  labels: { span: { offset: number; length: number } }[];
}

/** A finding as both linters can state it: rule, message, file and character range. */
interface Finding {
  rule: string;
  file: string;
  message: string;
  start: number;
  end: number;
}

const OXLINT = 'oxlint@^1.94.0';

// What no-partial-state decides without type information (the samples' asserted
// interface needs the type checker to list its missing properties).
const SYNTACTIC_PARTIAL_STATE = `interface Db {
  query(sql: string): unknown;
}

export class Repository {
  private db!: Db;

  find(id: string): unknown {
    return this.db.query(id);
  }
}

export const config = { db: null as unknown as Db, name: 'app' };
export const empty = {} as Db;
`;

let project: string;
let eslintModule: typeof import('eslint');
let typescriptParser: Linter.Parser;
let plugin: { rules: Record<string, unknown> };

beforeAll(async () => {
  const files: Record<string, string> = {
    'tsconfig.json': SAMPLE_TSCONFIG,
    'src/repository.ts': SYNTACTIC_PARTIAL_STATE,
  };
  for (const sample of RULE_SAMPLES) files[sample.file] = sample.code;
  project = await createInstalledProject({
    files,
    dependencies: [`eslint@${repoVersionOf('eslint')}`, `typescript@${repoVersionOf('typescript')}`, OXLINT],
  });
  const require = createRequire(path.join(project, 'package.json'));
  eslintModule = (await import(pathToFileURL(require.resolve('eslint')).href)) as typeof import('eslint');
  const pluginPath = require.resolve('eslint-plugin-defuse');
  plugin = ((await import(pathToFileURL(pluginPath).href)) as { default: typeof plugin }).default;
  // The parser the plugin itself depends on, as a project without types uses it.
  const parserPath = createRequire(pluginPath).resolve('@typescript-eslint/parser');
  typescriptParser = (await import(pathToFileURL(parserPath).href)) as Linter.Parser;
}, 360_000);

function oxlint(args: readonly string[]): Promise<ProcessResult> {
  return run(path.join(project, 'node_modules/.bin/oxlint'), args, { cwd: project, timeout: 120_000 });
}

function sourceOf(file: string): string {
  return readFileSync(path.join(project, file), 'utf8');
}

/** oxlint's JSON report as findings, or the plugin errors it printed instead. */
function oxlintFindings(result: ProcessResult): { findings: Finding[]; pluginErrors: string[] } {
  const report = JSON.parse(result.stdout) as { diagnostics: OxlintDiagnostic[] };
  const findings: Finding[] = [];
  const pluginErrors: string[] = [];
  for (const diagnostic of report.diagnostics) {
    if (diagnostic.message.startsWith('Error running JS plugin')) {
      pluginErrors.push(diagnostic.message.split('\n').slice(0, 3).join(' '));
      continue;
    }
    // oxlint's own rules (on by default) may have their say; only ours count here.
    const rule = /^defuse\((.+)\)$/.exec(diagnostic.code ?? '')?.[1];
    const span = diagnostic.labels[0]?.span;
    if (rule === undefined || span === undefined) continue;
    const file = path.relative(project, path.resolve(project, diagnostic.filename));
    findings.push({ rule, file, message: diagnostic.message, start: span.offset, end: span.offset + span.length });
  }
  return { findings: sortFindings(findings), pluginErrors };
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.file.localeCompare(b.file) || a.start - b.start || a.rule.localeCompare(b.rule));
}

/** What ESLint reports with `rules` on and the TypeScript parser without type information. */
async function eslintFindings(rules: readonly string[]): Promise<Finding[]> {
  const eslint = new eslintModule.ESLint({
    cwd: project,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: typescriptParser },
        plugins: { defuse: plugin as ESLint.Plugin },
        rules: Object.fromEntries(rules.map((rule) => [`defuse/${rule}`, 'error'])),
      },
    ],
  });
  const findings: Finding[] = [];
  for (const result of await eslint.lintFiles(['src'])) {
    const file = path.relative(project, result.filePath);
    const text = sourceOf(file);
    const offset = (line: number, column: number): number =>
      text
        .split('\n')
        .slice(0, line - 1)
        .reduce((sum, each) => sum + each.length + 1, 0) +
      column -
      1;
    for (const message of result.messages) {
      expect(message.fatal).toBeUndefined();
      findings.push({
        rule: (message.ruleId ?? '').replace(/^defuse\//, ''),
        file,
        message: message.message,
        start: offset(message.line, message.column),
        end: offset(message.endLine ?? message.line, message.endColumn ?? message.column),
      });
    }
  }
  return sortFindings(findings);
}

function oxlintConfig(rules: readonly string[]): string {
  return `${JSON.stringify({
    jsPlugins: ['eslint-plugin-defuse'],
    rules: Object.fromEntries(rules.map((rule) => [`defuse/${rule}`, 'error'])),
  })}\n`;
}

/** Rules in the documented `.oxlintrc.json`. */
function documentedRules(): string[] {
  const config = JSON.parse(snippet('oxlintrc')) as { jsPlugins: string[]; rules: Record<string, string> };
  expect(config.jsPlugins).toEqual(['eslint-plugin-defuse']);
  return Object.keys(config.rules).map((rule) => rule.replace(/^defuse\//, ''));
}

describe('oxlint jsPlugins', () => {
  it('runs exactly the documented rules with the reports ESLint gives without types', async () => {
    const working: string[] = [];
    const failures: Record<string, string> = {};
    for (const rule of Object.keys(plugin.rules).sort()) {
      const configFile = `.oxlintrc.${rule}.json`;
      writeFileSync(path.join(project, configFile), oxlintConfig([rule]));
      const result = await oxlint(['-c', configFile, '--format', 'json', 'src']);
      const { findings, pluginErrors } = oxlintFindings(result);
      const expected = await eslintFindings([rule]);
      if (pluginErrors.length > 0) {
        failures[rule] = pluginErrors[0]!;
      } else if (expected.length === 0) {
        failures[rule] = 'no report without type information';
      } else {
        expect(findings, rule).toEqual(expected);
        expect(result.status).toBe(1);
        working.push(rule);
      }
    }
    // The docs list the rules that work.
    expect({ working, failures }).toEqual({ working: documentedRules().sort(), failures: {} });
  }, 240_000);

  it('runs the documented .oxlintrc.json as written', async () => {
    writeFileSync(path.join(project, '.oxlintrc.json'), snippet('oxlintrc'));
    const result = await oxlint(['--format', 'json', 'src']);
    const { findings, pluginErrors } = oxlintFindings(result);
    expect(pluginErrors).toEqual([]);
    const rules = documentedRules();
    expect(findings).toEqual(await eslintFindings(rules));
    // Every documented rule reports something.
    expect(new Set(findings.map(({ rule }) => rule))).toEqual(new Set(rules));
    expect(result.status).toBe(1);
  }, 240_000);

  it('applies rule suggestions with --fix-suggestions', async () => {
    const rules = documentedRules();
    // The samples with a suggestion that ESLint reports without types.
    const applicable: (typeof RULE_SAMPLES)[number][] = [];
    for (const sample of RULE_SAMPLES) {
      if (!sample.suggestion || !rules.includes(sample.rule)) continue;
      if ((await eslintFindings([sample.rule])).some((finding) => finding.file === sample.file))
        applicable.push(sample);
    }
    expect(applicable.map((sample) => sample.rule)).toContain('no-zero-exit-on-fatal');
    for (const sample of applicable) {
      writeFileSync(path.join(project, '.oxlintrc.json'), oxlintConfig([sample.rule]));
      const result = await oxlint(['--fix-suggestions', sample.file]);
      expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
      expect(sourceOf(sample.file)).toBe(sample.suggestion?.output);
      writeFileSync(path.join(project, sample.file), sample.code);
    }
  }, 240_000);
});
