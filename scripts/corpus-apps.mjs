// Lints the application corpus (npm run corpus:apps:install first) with every
// defuse rule, one app at a time, prints per app: mode, files, reports per rule,
// crashes, parse errors, time; and writes every report with a few lines of
// source to .corpus-cache/apps-report.json for triage.
// Usage: node scripts/corpus-apps.mjs [--syntactic] [--untriaged] [--precision] [name ...]
//   --syntactic  no type information, whatever the manifest says
//   --untriaged  also print each report that tests/corpus/apps-triage.json lacks, with its source
//   --precision  print the precision tables of both corpora from the triage files (markdown) and stop
import { writeFileSync } from 'node:fs';

import { appsReportFile, isAppInstalled, readApps } from '../tests/corpus/apps.mjs';
import { lintApp } from '../tests/corpus/apps-lint.mjs';
import { defuseRules, loadPlugin } from '../tests/corpus/lint.mjs';
import { compareWithTriage, precisionTable, readAppsTriage, readTriage } from '../tests/corpus/triage.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const names = args.filter((arg) => !arg.startsWith('--'));

async function main() {
  const plugin = await loadPlugin();
  const rules = defuseRules(plugin);
  const apps = readApps().filter((app) => names.length === 0 || names.includes(app.name));
  const missing = apps.filter((app) => !isAppInstalled(app));
  if (missing.length > 0) {
    throw new Error(`not installed (run npm run corpus:apps:install): ${missing.map((app) => app.name).join(', ')}`);
  }
  const triage = readAppsTriage();
  const summary = [];
  const allReports = [];
  let failed = false;
  for (const app of apps) {
    const result = await lintApp(app, { plugin, rules, typeAware: !flag('--syntactic'), checkSuggestions: true });
    const perRule = {};
    for (const report of result.reports) perRule[report.rule] = (perRule[report.rule] ?? 0) + 1;
    const { reports, ...rest } = result;
    summary.push({
      app: app.name,
      kind: app.kind,
      ...rest,
      reports: perRule,
      seconds: Number((result.ms / 1000).toFixed(1)),
    });
    allReports.push(...reports);
    const perRuleText =
      Object.entries(perRule)
        .map(([rule, count]) => `${rule.replace('defuse/', '')}=${count}`)
        .join(' ') || 'no reports';
    console.log(
      `${app.name} [${app.kind}, ${result.mode}] ${result.files} files (${result.testFiles} test), ${result.lines} lines, ` +
        `${perRuleText}, ${result.crashes.length} crashes, ${result.parseErrors.length} parse errors, ` +
        `${(result.ms / 1000).toFixed(1)} s`,
    );
    if (result.tsconfigSkipped.length > 0)
      console.log(`  tsconfig bases not installed: ${result.tsconfigSkipped.join(', ')}`);
    for (const error of result.parseErrors) console.log(`  PARSE ERROR ${error.file}:${error.line}: ${error.message}`);
    for (const crash of result.crashes)
      console.log(`  CRASH ${crash.rule} ${crash.file}: ${crash.message}\n${crash.stack}`);
    for (const bad of result.badSuggestions)
      console.log(`  BAD SUGGESTION ${bad.rule} ${bad.file}:${bad.line}: ${bad.error}`);
    if (result.crashes.length > 0 || result.badSuggestions.length > 0) failed = true;
    if (flag('--untriaged')) {
      const expected = triage.filter((entry) => entry.app === app.name);
      const { unexpected, vanished } = compareWithTriage(reports, expected);
      const untriaged = new Set(unexpected.map((line) => line.slice(0, line.indexOf(': '))));
      for (const report of reports) {
        if (!untriaged.has(`${report.app} ${report.file}:${report.line}:${report.column} ${report.rule}`)) continue;
        console.log(`  NEW ${report.file}:${report.line}:${report.column} ${report.rule}: ${report.message}`);
        for (const line of report.context) console.log(`      ${line}`);
      }
      for (const line of vanished) console.log(`  VANISHED ${line}`);
    }
  }
  const totals = {};
  for (const report of allReports) totals[report.rule] = (totals[report.rule] ?? 0) + 1;
  const files = summary.reduce((sum, app) => sum + app.files, 0);
  console.log(`total: ${apps.length} apps, ${files} files, ${allReports.length} reports ${JSON.stringify(totals)}`);
  writeFileSync(
    appsReportFile,
    `${JSON.stringify({ rules: Object.keys(plugin.rules), apps: summary, reports: allReports }, null, 2)}\n`,
  );
  console.log(`wrote ${appsReportFile}`);
  if (failed) process.exitCode = 1;
}

if (flag('--precision')) {
  const ruleIds = Object.keys(defuseRules(await loadPlugin()));
  console.log(`Application corpus (tests/corpus/apps-triage.json):\n\n${precisionTable(readAppsTriage(), ruleIds)}\n`);
  console.log(`npm corpus (tests/corpus/triage.json):\n\n${precisionTable(readTriage(), ruleIds)}`);
} else await main();
