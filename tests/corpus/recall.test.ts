// Recall on known bugs (npm run test:corpus): each fix commit of
// tests/corpus/known-bugs.json is linted before and after with its rule, and
// the result must match tests/corpus/recall.json, so that recall is visible and
// only changes on purpose. An entry whose verdict is `no-crash` (traced: the
// parent does not crash) is judged quiet or reported on both sides and is not
// counted in recall. Where .corpus-cache/known-bugs/ does not exist (CI, a
// fresh clone) only the files are checked, and the lint says why it did not run.
import { existsSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { isKnownBugInstalled, knownBugsCacheDir, readKnownBugs } from './apps.mjs';
import { loadPlugin } from './lint.mjs';
import { readRecall, recallOf } from './recall.mjs';

const bugs = readKnownBugs();
const recall = readRecall();
const plugin = await loadPlugin();

describe('known bugs', () => {
  it('name a fix and its parent by full commit, a rule of the plugin, and a line in one of their files', () => {
    const ruleIds = new Set(Object.keys(plugin.rules).map((name) => `defuse/${name}`));
    // Read from JSON, so any string may stand where the type allows only these.
    const verdicts: (string | undefined)[] = [undefined, 'no-crash'];
    const malformed = bugs.filter(
      (bug) =>
        !/^[0-9a-f]{40}$/.test(bug.fix) ||
        !/^[0-9a-f]{40}$/.test(bug.parent) ||
        !ruleIds.has(bug.rule) ||
        !bug.files.includes(bug.file) ||
        !(bug.line > 0) ||
        bug.description.trim() === '' ||
        !verdicts.includes(bug.verdict) ||
        (bug.verdict === 'no-crash' && !(bug.evidence?.trim() ?? '')),
    );
    expect(malformed).toEqual([]);
    expect(new Set(bugs.map((bug) => bug.id)).size).toBe(bugs.length);
  });

  it('each have an expectation in recall.json, and recall.json names no other bug', () => {
    expect(Object.keys(recall).sort()).toEqual(bugs.map((bug) => bug.id).sort());
  });

  it('are judged in the vocabulary of their verdict: a bug is reported or missed, a fix without a crash quiet or reported', () => {
    const misjudged = bugs.filter((bug) => {
      const expected = ['reported', bug.verdict === 'no-crash' ? 'quiet' : 'missed'];
      return !expected.includes(recall[bug.id]?.before ?? '');
    });
    expect(misjudged.map((bug) => bug.id)).toEqual([]);
  });
});

if (existsSync(knownBugsCacheDir)) {
  describe.each(bugs)('$id ($rule)', (bug) => {
    it('gives the result recall.json expects', async () => {
      if (!isKnownBugInstalled(bug)) throw new Error(`${bug.id} is not exported: npm run corpus:apps:install`);
      const { before, after } = await recallOf(bug, { plugin });
      const expected = recall[bug.id];
      expect({ before, after }).toEqual({ before: expected?.before, after: expected?.after });
    });
  });
} else {
  console.warn(`known-bug recall not measured: ${knownBugsCacheDir} does not exist (npm run corpus:apps:install)`);
}
