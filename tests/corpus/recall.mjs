// Recall on known bugs (tests/corpus/known-bugs.json): lints the parent and the
// fix version of each bug's files with the rule that should report it.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { knownBugApp, knownBugDir } from './apps.mjs';
import { lintApp } from './apps-lint.mjs';
import { corpusDir } from './paths.mjs';

/** @returns {Record<string, import('./recall.d.mts').Recall>} */
export function readRecall() {
  return JSON.parse(readFileSync(path.join(corpusDir, 'recall.json'), 'utf8')).expectations;
}

/**
 * What the rule does on a known bug today: `before` is `reported` when it
 * reports the bug's line in the parent (anything else it reports there is
 * ignored), `after` is `quiet` when it reports nothing in the fixed files.
 * An entry whose verdict is `no-crash` (the parent was traced and does not
 * crash) is a must-not-report case on both sides: its `before` is `quiet` when
 * the rule reports nothing in the parent's files, and `reported` otherwise.
 */
export async function recallOf(bug, { plugin }) {
  const app = knownBugApp(bug);
  const rules = { [bug.rule]: 'error' };
  const lint = (side) =>
    lintApp(app, {
      plugin,
      rules,
      typeAware: true,
      files: bug.files,
      contextLines: 0,
      root: path.join(knownBugDir(bug), side),
    });
  const before = await lint('before');
  const after = await lint('after');
  const problems = [...before.crashes, ...after.crashes, ...before.parseErrors, ...after.parseErrors];
  if (problems.length > 0) throw new Error(`${bug.id}: ${JSON.stringify(problems)}`);
  const hit = before.reports.some((report) => report.file === bug.file && report.line === bug.line);
  return {
    before: bug.verdict === 'no-crash' ? quietOrReported(before.reports) : hit ? 'reported' : 'missed',
    after: quietOrReported(after.reports),
    mode: before.mode,
  };
}

function quietOrReported(reports) {
  return reports.length === 0 ? 'quiet' : 'reported';
}
