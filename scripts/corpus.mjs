// Lints the installed corpus (npm run corpus:install) with every defuse rule and
// prints, per package: files, lines, reports per rule, crashes, time.
// Usage: node scripts/corpus.mjs [--ci] [--syntactic] [--json out.json] [--large] [name ...]
//   --ci         only the packages marked `ci` in the manifest (all syntactic)
//   --syntactic  no type information, whatever the manifest says
//   --json FILE  every report (package, file, line, column, rule, message) for triage
//   --large      also lint a generated 10 MB file and 10,000 nested blocks
//   --precision  print the precision per rule from tests/corpus/triage.json (markdown) and stop
import { writeFileSync } from 'node:fs';

import { deeplyNested, largeModule } from '../tests/corpus/generated.mjs';
import { lintWithLargeStack } from '../tests/corpus/large-stack.mjs';
import { defuseRules, lintPackage, loadPlugin } from '../tests/corpus/lint.mjs';
import { isInstalled, readManifest } from '../tests/corpus/paths.mjs';
import { precisionByRule, readTriage } from '../tests/corpus/triage.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const jsonIndex = args.indexOf('--json');
const jsonFile = jsonIndex === -1 ? undefined : args[jsonIndex + 1];
const names = args.filter((arg, index) => !arg.startsWith('--') && (jsonIndex === -1 || index !== jsonIndex + 1));

if (flag('--precision')) {
  console.log(
    '| rule | real | debatable | false positive | precision (real / all) |\n| --- | ---: | ---: | ---: | ---: |',
  );
  for (const [rule, counts] of Object.entries(precisionByRule(readTriage())).sort()) {
    const precision = `${((counts.real / counts.total) * 100).toFixed(0)}% (${counts.real}/${counts.total})`;
    console.log(`| \`${rule}\` | ${counts.real} | ${counts.debatable} | ${counts['false-positive']} | ${precision} |`);
  }
}

async function main() {
  const plugin = await loadPlugin();
  const ruleNames = Object.keys(plugin.rules);
  const rules = defuseRules(plugin);
  console.log(`rules: ${ruleNames.length === 0 ? '(none registered)' : ruleNames.join(', ')}`);

  const entries = readManifest().filter(
    (entry) => (!flag('--ci') || entry.ci) && (names.length === 0 || names.includes(entry.name)),
  );
  const missing = entries.filter((entry) => !isInstalled(entry));
  if (missing.length > 0) {
    throw new Error(`not installed (run npm run corpus:install): ${missing.map((e) => e.name).join(', ')}`);
  }

  const summary = [];
  const allReports = [];
  let failed = false;
  for (const entry of entries) {
    const typeAware = entry.mode === 'type-aware' && !flag('--syntactic') && !flag('--ci');
    const result = await lintPackage(entry, { plugin, rules, typeAware, checkSuggestions: true });
    const perRule = {};
    for (const report of result.reports) perRule[report.rule] = (perRule[report.rule] ?? 0) + 1;
    summary.push({
      package: entry.name,
      version: entry.version,
      mode: typeAware ? 'type-aware' : 'syntactic',
      files: result.files,
      lines: result.lines,
      reports: perRule,
      crashes: result.crashes,
      parseErrors: result.parseErrors.length,
      badSuggestions: result.badSuggestions,
      seconds: Number((result.ms / 1000).toFixed(1)),
    });
    for (const report of result.reports) allReports.push({ package: entry.name, ...report });
    const perRuleText =
      Object.entries(perRule)
        .map(([rule, count]) => `${rule}=${count}`)
        .join(' ') || 'no reports';
    console.log(
      `${entry.name}@${entry.version} [${typeAware ? 'type-aware' : 'syntactic'}] ` +
        `${result.files} files, ${result.lines} lines, ${perRuleText}, ` +
        `${result.crashes.length} crashes, ${result.parseErrors.length} parse errors, ` +
        `${(result.ms / 1000).toFixed(1)} s`,
    );
    for (const crash of result.crashes)
      console.log(`  CRASH ${crash.rule} ${crash.file}: ${crash.message}\n${crash.stack}`);
    for (const bad of result.badSuggestions)
      console.log(`  BAD SUGGESTION ${bad.rule} ${bad.file}:${bad.line}: ${bad.error}`);
    if (result.crashes.length > 0 || result.badSuggestions.length > 0) failed = true;
  }

  if (flag('--large')) {
    // Generated edge cases too big for the unit tests: a 10 MB module and 10,000
    // nested blocks (in a worker with a large stack: the parsers need it).
    for (const [name, text] of [
      ['generated-10mb.js', largeModule(10 * 1024 * 1024)],
      ['nested-10k.js', deeplyNested(10_000)],
    ]) {
      const started = performance.now();
      const { messages, error } = await lintWithLargeStack({ text, filename: name, parser: 'espree' });
      const fatal = messages.find((message) => message.fatal);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      if (error || fatal) failed = true;
      console.log(
        `${name}: ${(text.length / 1024 / 1024).toFixed(1)} MB, ` +
          (error ? `CRASH ${error.ruleId ?? ''} ${error.message.split('\n')[0]}` : `${messages.length} reports`) +
          `${fatal ? ` (parse error: ${fatal.message})` : ''}, ${seconds} s`,
      );
    }
  }

  const totals = {};
  for (const report of allReports) totals[report.rule] = (totals[report.rule] ?? 0) + 1;
  console.log(`total: ${allReports.length} reports ${JSON.stringify(totals)}`);
  if (jsonFile) {
    writeFileSync(
      jsonFile,
      `${JSON.stringify({ rules: ruleNames, packages: summary, reports: allReports }, null, 2)}\n`,
    );
    console.log(`wrote ${jsonFile}`);
  }
  if (failed) process.exitCode = 1;
}

if (!flag('--precision')) await main();
