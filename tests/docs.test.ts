// The rule docs are a checked contract. For every rule of the registry:
//
// - `docs/rules/<rule>.md` has exactly these `##` headings, in this order (after
//   the header eslint-doc-generator writes under the `# defuse/<rule>` title):
//   Rule details, Examples, Options (only when the rule has options), Suggestions
//   (only when it offers suggestions), Limitations, When Not To Use It,
//   Related rules, Further reading. `## Examples` holds exactly two headings,
//   `### ❌ Incorrect` then `### ✅ Correct`, and nothing deeper.
// - Every code block under `### ❌ Incorrect` is a ```js or ```ts block that the
//   rule reports at least once; every block under `### ✅ Correct` is one it
//   does not report. Each is linted alone, with this rule alone.
// - Every ```js and ```ts block anywhere in the doc parses.
//
// An example says how to lint it with an HTML comment on the line before its
// block (blank lines between are allowed), made of any of:
//
//   <!-- options: {"runtimes":["nuxt"]} filename: src/main.ts typed -->
//
// `options:` takes JSON: an object is the rule's first option, an array the
// whole options list (default: none). `filename:` is where the file lives in
// the example project (default: `file.js` or `file.ts` from the fence); its
// extension picks the parser. `typed` lints with type information, in a program
// made of the example and the modules in `tests/docs/project.ts`.
//
// A rule whose `meta.docs.usesTypeInformation` is set shows at least one
// `typed` example; a rule without it shows none.
//
// Test names carry the doc and the line of the block's opening fence
// (`docs/rules/no-partial-state.md:120`), so a drift is found by its name.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { rules } from '../src/rules.js';
import { lintExample, parseDirective, parseError } from './docs/lint-example.js';
import { type CodeBlock, parseRuleDoc } from './docs/markdown.js';

const repoRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

const INCORRECT = '❌ Incorrect';
const CORRECT = '✅ Correct';

type Rule = (typeof rules)[string];

function hasOptions(rule: Rule): boolean {
  const { schema } = rule.meta;
  return Array.isArray(schema) ? schema.length > 0 : Object.keys(schema).length > 0;
}

/** The `##` headings a rule's doc must have, in order. */
function skeleton(rule: Rule): string[] {
  return [
    'Rule details',
    'Examples',
    ...(hasOptions(rule) ? ['Options'] : []),
    ...(rule.meta.hasSuggestions ? ['Suggestions'] : []),
    'Limitations',
    'When Not To Use It',
    'Related rules',
    'Further reading',
  ];
}

/** `docs/rules/x.md:12:5 message`, the place in the doc a message of a block's line points at. */
function where(docPath: string, block: CodeBlock, message?: Linter.LintMessage): string {
  if (!message) return `${docPath}:${block.line}`;
  return `${docPath}:${block.line + message.line}:${message.column} ${message.message}`;
}

for (const [name, rule] of Object.entries(rules)) {
  const docPath = `docs/rules/${name}.md`;
  const file = path.join(repoRoot, docPath);

  describe(docPath, () => {
    it('exists', () => {
      expect(existsSync(file), `${docPath} is missing`).toBe(true);
    });
    if (!existsSync(file)) return;
    const doc = parseRuleDoc(readFileSync(file, 'utf8'));

    it('has the skeleton headings, in order', () => {
      const titles = (level: number) => doc.headings.filter((h) => h.level === level).map((h) => h.text);
      expect(titles(1)).toEqual([`defuse/${name}`]);
      expect(titles(2)).toEqual(skeleton(rule));
      const examples = doc.headings.findIndex((h) => h.level === 2 && h.text === 'Examples');
      const next = doc.headings.findIndex((h, index) => index > examples && h.level <= 2);
      const inExamples = doc.headings.slice(examples + 1, next < 0 ? undefined : next);
      expect(inExamples.map((h) => `${'#'.repeat(h.level)} ${h.text}`)).toEqual([`### ${INCORRECT}`, `### ${CORRECT}`]);
    });

    const examples = doc.blocks.filter((block) => block.section === 'Examples');

    it('has ❌ and ✅ examples, every one a js or ts block under one of the two', () => {
      for (const block of examples) {
        expect([INCORRECT, CORRECT], `${where(docPath, block)}: a block outside ❌/✅`).toContain(block.subsection);
        expect(['js', 'ts'], `${where(docPath, block)}: fence language`).toContain(block.lang);
      }
      expect(examples.some((block) => block.subsection === INCORRECT)).toBe(true);
      expect(examples.some((block) => block.subsection === CORRECT)).toBe(true);
    });

    it('has js and ts blocks that all parse', () => {
      const failures: string[] = [];
      for (const block of doc.blocks) {
        if (block.lang !== 'js' && block.lang !== 'ts') continue;
        const error = parseError(block.code, block.lang);
        if (error) failures.push(where(docPath, block, error));
      }
      expect(failures).toEqual([]);
    });

    it(rule.meta.docs?.usesTypeInformation ? 'shows a typed example' : 'shows no typed example', () => {
      // `meta.docs.usesTypeInformation` says the rule sharpens with types; the doc shows what types add, or nothing.
      const typed = examples.filter((block) => /\btyped\b/.test(block.directive ?? '')).map((b) => where(docPath, b));
      if (rule.meta.docs?.usesTypeInformation) expect(typed.length, `${docPath}: no typed example`).toBeGreaterThan(0);
      else expect(typed).toEqual([]);
    });

    for (const block of examples) {
      if (block.subsection !== INCORRECT && block.subsection !== CORRECT) continue;
      const incorrect = block.subsection === INCORRECT;
      it(`${where(docPath, block)} ${incorrect ? '❌ is reported' : '✅ is not reported'}`, () => {
        let settings;
        try {
          settings = parseDirective(block.directive);
        } catch (error) {
          throw new Error(`${where(docPath, block)}: ${(error as Error).message}`, { cause: error });
        }
        const messages = lintExample(name, rule, block.code, block.lang, settings);
        const fatal = messages.find((message) => message.fatal);
        if (fatal) throw new Error(`the example does not parse: ${where(docPath, block, fatal)}`);
        const others = messages.filter((message) => message.ruleId !== `defuse/${name}`);
        expect(others.map((message) => where(docPath, block, message))).toEqual([]);
        const reports = messages.map((message) => where(docPath, block, message));
        if (incorrect)
          expect(reports.length, `${where(docPath, block)}: no report of defuse/${name}`).toBeGreaterThan(0);
        else expect(reports).toEqual([]);
      });
    }
  });
}
