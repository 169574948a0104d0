// Chains of `const` aliases of `process` (`const p1 = process; const p2 = p1;
// …`): eslint-utils' `ReferenceTracker` followed them by recursion and
// overflowed the stack at about 1,200 links, aborting the whole run. The
// plugin's tracker follows aliases without recursion and only
// `MAX_ALIAS_DEPTH` variables deep, so any length lints, every rule on, and a
// short chain is still followed to the exit it ends in.
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { MAX_ALIAS_DEPTH } from '../../src/util/references.js';
import { allRules, createVirtualProgram, lintConfig, virtualRoot } from './lint-setup.js';

/** A module that logs, then exits through the last of `links` aliases of `process`. */
function aliasChain(links: number): string {
  const aliases = Array.from(
    { length: links },
    (_, index) => `const p${index + 1} = ${index === 0 ? 'process' : `p${index}`};`,
  );
  return `${aliases.join('\n')}\nconsole.error('fatal');\np${links}.exit(1);\n`;
}

const fatal = (messages: Linter.LintMessage[]) => messages.filter((message) => message.fatal).map((m) => m.message);
const exitReports = (messages: Linter.LintMessage[]) =>
  messages.filter((message) => message.ruleId === 'defuse/no-exit-before-flush').map((message) => message.line);

describe('alias chains of any length', () => {
  const linter = new Linter({ cwd: virtualRoot });

  it.each([
    ['1,200 aliases (espree)', 1200, 'chain.js'],
    ['1,200 aliases (TypeScript)', 1200, 'chain.ts'],
    ['20,000 aliases (espree)', 20_000, 'chain.js'],
    ['20,000 aliases (TypeScript)', 20_000, 'chain.ts'],
  ])(
    '%s lint without error in every rule, default and strict',
    (_label, links, name) => {
      const text = aliasChain(links);
      for (const rules of [allRules('default'), allRules('strict')]) {
        // ESLint turns a rule's exception into a thrown error naming the rule.
        const messages = linter.verify(text, lintConfig(rules), { filename: `${virtualRoot}/${name}` });
        expect(fatal(messages)).toEqual([]);
        // Past the budget the exit is not recognised, so not reported.
        expect(exitReports(messages)).toEqual([]);
      }
    },
    120_000,
  );

  it('1,200 aliases lint without error type-aware', () => {
    const sample = { name: 'typed-chain.ts', code: aliasChain(1200) };
    const program = createVirtualProgram([sample]);
    const messages = linter.verify(sample.code, lintConfig(allRules('strict'), program), {
      filename: `${virtualRoot}/${sample.name}`,
    });
    expect(fatal(messages)).toEqual([]);
  }, 120_000);

  it.each([
    ['3 aliases', 3],
    [`${MAX_ALIAS_DEPTH} aliases, the budget`, MAX_ALIAS_DEPTH],
  ])('a chain of %s is followed to the exit after the write', (_label, links) => {
    const text = aliasChain(links);
    const messages = linter.verify(text, lintConfig(allRules()), { filename: `${virtualRoot}/chain.js` });
    expect(fatal(messages)).toEqual([]);
    expect(exitReports(messages)).toEqual([links + 2]);
  });

  it('a chain one longer than the budget is not followed', () => {
    const text = aliasChain(MAX_ALIAS_DEPTH + 1);
    const messages = linter.verify(text, lintConfig(allRules()), { filename: `${virtualRoot}/chain.js` });
    expect(exitReports(messages)).toEqual([]);
  });
});
