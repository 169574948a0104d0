// The triage regression guard (npm run test:corpus): lints the installed corpus
// with every rule and compares the reports with tests/corpus/triage.json, so
// precision only changes on purpose. CORPUS_SUBSET=ci lints only the small
// syntactic subset CI runs. Not part of the default `npm test` run: it needs
// `npm run corpus:install` first.
import { describe, expect, it } from 'vitest';

import { defuseRules, lintPackage, loadPlugin } from './lint.mjs';
import { isInstalled, readManifest } from './paths.mjs';
import { compareWithTriage, readTriage, VERDICTS } from './triage.mjs';

const ciOnly = process.env.CORPUS_SUBSET === 'ci';
const entries = readManifest().filter((entry) => !ciOnly || entry.ci);
const triage = readTriage();
const plugin = await loadPlugin();
const rules = defuseRules(plugin);

describe('triage file', () => {
  it('gives every entry a verdict and a reason', () => {
    const malformed = triage.filter(
      (entry) => !VERDICTS.includes(entry.verdict) || entry.reason.trim() === '' || entry.reason.includes('\n'),
    );
    expect(malformed).toEqual([]);
  });

  it('names only packages of the manifest and rules of the plugin', () => {
    const packages = new Set(readManifest().map((entry) => entry.name));
    const ruleIds = new Set(Object.keys(rules));
    const strays = triage.filter((entry) => !packages.has(entry.package) || !ruleIds.has(entry.rule));
    expect(strays).toEqual([]);
  });
});

describe.each(entries)('$name@$version', (entry) => {
  it('is installed (npm run corpus:install)', () => {
    expect(isInstalled(entry)).toBe(true);
  });

  it('reports exactly what the triage holds, without crashing', async () => {
    if (!isInstalled(entry)) throw new Error(`${entry.name}@${entry.version} is not installed: npm run corpus:install`);
    const typeAware = entry.mode === 'type-aware' && !ciOnly;
    const result = await lintPackage(entry, { plugin, rules, typeAware, checkSuggestions: true });
    expect(result.crashes).toEqual([]);
    expect(result.badSuggestions).toEqual([]);
    const reports = result.reports.map((report) => ({ package: entry.name, ...report }));
    const expected = triage.filter((triaged) => triaged.package === entry.name);
    expect(compareWithTriage(reports, expected)).toEqual({ unexpected: [], vanished: [] });
  });
});
