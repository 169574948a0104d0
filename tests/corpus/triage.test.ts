// How the guard matches reports with the triage: by position and rule, as a multiset.
import { describe, expect, it } from 'vitest';

import { compareWithTriage, precisionByRule, type TriageEntry } from './triage.mjs';

const entry = (line: number, verdict: TriageEntry['verdict'] = 'real'): TriageEntry => ({
  package: 'pkg',
  file: 'lib/a.js',
  line,
  column: 3,
  rule: 'defuse/no-exit-before-flush',
  verdict,
  reason: 'why',
});
const report = (line: number, message = 'text') => ({ ...entry(line), message });

describe('compareWithTriage', () => {
  it('accepts reports that match the triage, whatever their wording', () => {
    expect(compareWithTriage([report(1, 'old wording'), report(2)], [entry(2), entry(1)])).toEqual({
      unexpected: [],
      vanished: [],
    });
  });

  it('flags a new report and a triaged report that disappeared', () => {
    expect(compareWithTriage([report(1), report(5, 'new')], [entry(1), entry(9, 'false-positive')])).toEqual({
      unexpected: ['pkg lib/a.js:5:3 defuse/no-exit-before-flush: new'],
      vanished: ['pkg lib/a.js:9:3 defuse/no-exit-before-flush (false-positive: why)'],
    });
  });

  it('counts two reports at one position as two', () => {
    expect(compareWithTriage([report(1), report(1)], [entry(1)]).unexpected).toHaveLength(1);
    expect(compareWithTriage([report(1)], [entry(1), entry(1)]).vanished).toHaveLength(1);
  });
});

describe('precisionByRule', () => {
  it('counts verdicts per rule', () => {
    expect(precisionByRule([entry(1), entry(2, 'false-positive'), entry(3, 'debatable'), entry(4)])).toEqual({
      'defuse/no-exit-before-flush': { real: 2, 'false-positive': 1, debatable: 1, total: 4 },
    });
  });
});
