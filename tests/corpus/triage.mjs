// The triage file and how reports are matched against it.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { corpusDir } from './paths.mjs';

export const VERDICTS = ['real', 'false-positive', 'debatable'];

/** @returns {import('./triage.d.mts').TriageEntry[]} */
export function readTriage() {
  return JSON.parse(readFileSync(path.join(corpusDir, 'triage.json'), 'utf8')).entries;
}

/** The application corpus's triage (tests/corpus/apps-triage.json): the same format, keyed by `app`. */
export function readAppsTriage() {
  return JSON.parse(readFileSync(path.join(corpusDir, 'apps-triage.json'), 'utf8')).entries;
}

/**
 * What identifies a report across runs: the message wording may change, the position may not.
 * npm-corpus reports name their `package`, app-corpus reports their `app`.
 */
export function reportKey(report) {
  return `${report.app ?? report.package} ${report.file}:${report.line}:${report.column} ${report.rule}`;
}

/**
 * Compares one run's reports with the triage: `unexpected` reports have no
 * entry, `vanished` entries were not reported. Both are multisets, so two
 * reports at one position need two entries.
 */
export function compareWithTriage(reports, entries) {
  const remaining = new Map();
  for (const entry of entries) {
    const key = reportKey(entry);
    remaining.set(key, [...(remaining.get(key) ?? []), entry]);
  }
  const unexpected = [];
  for (const report of reports) {
    const key = reportKey(report);
    const left = remaining.get(key);
    if (left && left.length > 0) left.pop();
    else unexpected.push(`${key}: ${report.message}`);
  }
  const vanished = [...remaining.values()]
    .flat()
    .map((entry) => `${reportKey(entry)} (${entry.verdict}: ${entry.reason})`);
  return { unexpected, vanished };
}

/** Precision per rule: real / all, with the counts behind it. */
export function precisionByRule(entries) {
  const byRule = {};
  for (const entry of entries) {
    const counts = (byRule[entry.rule] ??= { real: 0, 'false-positive': 0, debatable: 0, total: 0 });
    counts[entry.verdict] += 1;
    counts.total += 1;
  }
  return byRule;
}

/**
 * The precision per rule as a markdown table: counts, and the shares of false
 * positives and real problems. `rules` adds a row for each rule without reports.
 */
export function precisionTable(entries, rules = []) {
  const byRule = precisionByRule(entries);
  for (const rule of rules) byRule[rule] ??= { real: 0, 'false-positive': 0, debatable: 0, total: 0 };
  const rows = Object.entries(byRule).sort(([a], [b]) => a.localeCompare(b));
  // Whole percents, except where rounding would hide which side of a target a share is on (5.3% is not 5%).
  const percent = (count, total) => {
    if (total === 0) return '–';
    const share = (count / total) * 100;
    return `${Number.isInteger(share) || share >= 10 ? share.toFixed(0) : share.toFixed(1)}%`;
  };
  return [
    '| rule | real | debatable | false positive | reports | % false positive | % real |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      ([rule, counts]) =>
        `| \`${rule}\` | ${counts.real} | ${counts.debatable} | ${counts['false-positive']} | ${counts.total} | ` +
        `${percent(counts['false-positive'], counts.total)} | ${percent(counts.real, counts.total)} |`,
    ),
  ].join('\n');
}
