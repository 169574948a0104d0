// Every rule over unusual but valid code: each syntax form TypeScript 6 parses,
// deep nesting, a large generated file. Any exception from a rule fails the
// test (ESLint rethrows it with the rule's id); a parse error fails it too,
// because then the rules never ran.
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { deeplyNested, deeplyNestedExpression, largeModule } from '../corpus/generated.mjs';
import { lintWithLargeStack } from '../corpus/large-stack.mjs';
import { allRules, createVirtualProgram, lintConfig, ruleNames, virtualPath, virtualRoot } from './lint-setup.js';
import { samples } from './syntax-samples.js';

const fatal = (messages: Linter.LintMessage[]) => messages.filter((message) => message.fatal).map((m) => m.message);
const defuseReports = (messages: Linter.LintMessage[]) =>
  messages.filter((message) => message.ruleId?.startsWith('defuse/'));

describe('every syntax form', () => {
  const linter = new Linter({ cwd: virtualRoot });
  const program = createVirtualProgram(samples);

  it('has samples that parse and a plugin with rules', () => {
    expect(ruleNames.length).toBeGreaterThan(0);
    for (const sample of samples) {
      expect(fatal(linter.verify(sample.code, lintConfig({}), { filename: virtualPath(sample) })), sample.name).toEqual(
        [],
      );
    }
  });

  describe.each([
    ['syntactic, default options', allRules('default'), undefined],
    ['syntactic, strict options', allRules('strict'), undefined],
    ['type-aware, default options', allRules('default'), program],
    ['type-aware, strict options', allRules('strict'), program],
  ] as const)('%s', (_label, rules, withProgram) => {
    it.each(samples.map((sample) => [sample.name, sample] as const))('%s', (_name, sample) => {
      const messages = linter.verify(sample.code, lintConfig(rules, withProgram), { filename: virtualPath(sample) });
      expect(fatal(messages)).toEqual([]);
    });
  });

  it('finds something to report in the samples, and every suggestion leaves code that parses', () => {
    const reported = new Set<string>();
    const broken: string[] = [];
    for (const sample of samples) {
      const messages = linter.verify(sample.code, lintConfig(allRules('strict'), program), {
        filename: virtualPath(sample),
      });
      for (const message of defuseReports(messages)) {
        reported.add(message.ruleId ?? '');
        for (const { fix } of [...(message.fix ? [{ fix: message.fix }] : []), ...(message.suggestions ?? [])]) {
          const fixed = sample.code.slice(0, fix.range[0]) + fix.text + sample.code.slice(fix.range[1]);
          const errors = fatal(linter.verify(fixed, lintConfig({}), { filename: virtualPath(sample) }));
          if (errors.length > 0) broken.push(`${sample.name}:${message.line} ${message.ruleId}: ${errors.join('; ')}`);
        }
      }
    }
    expect(reported.size).toBeGreaterThan(0);
    expect(broken).toEqual([]);
  });
});

describe('deep nesting', () => {
  const linter = new Linter({ cwd: virtualRoot });

  // The deepest code the parsers accept on Node's default stack: a rule must
  // not be the first thing to overflow it.
  it.each([
    ['800 nested blocks (espree)', deeplyNested(800), 'nested.js'],
    ['200 nested blocks (TypeScript)', deeplyNested(200), 'nested.ts'],
    ['300 nested calls (espree)', deeplyNestedExpression(300), 'nested-calls.js'],
    ['150 nested calls (TypeScript)', deeplyNestedExpression(150), 'nested-calls.ts'],
  ])('%s on the default stack', (_label, text, name) => {
    const messages = linter.verify(text, lintConfig(allRules()), { filename: `${virtualRoot}/${name}` });
    expect(fatal(messages)).toEqual([]);
  });

  // 10,000 levels parse only with a larger stack: a worker thread has one.
  // The worker loads the built plugin (dist/), which `npm test` builds first.
  it.each([
    ['10,000 nested blocks (espree)', deeplyNested(10_000), 'nested.js', 'espree'],
    ['10,000 nested calls (TypeScript)', deeplyNestedExpression(10_000), 'nested-calls.ts', 'typescript'],
  ] as const)(
    '%s in a worker with a large stack',
    async (_label, text, filename, parser) => {
      const { messages, error } = await lintWithLargeStack({ text, filename, parser });
      expect(error).toBeUndefined();
      expect(fatal(messages)).toEqual([]);
    },
    180_000,
  );
});

describe('a large file', () => {
  it('lints a generated 2 MB module', () => {
    const linter = new Linter({ cwd: virtualRoot });
    const text = largeModule(2 * 1024 * 1024);
    const messages = linter.verify(text, lintConfig(allRules()), { filename: `${virtualRoot}/large.js` });
    expect(fatal(messages)).toEqual([]);
    expect(defuseReports(messages).length).toBeGreaterThan(0);
  }, 180_000);
});
