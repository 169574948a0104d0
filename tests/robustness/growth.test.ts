// The rules' cost grows linearly with the number of branches: an `else if`
// chain and a `switch`, each alone and inside a loop, linted at two sizes in
// one run.
// - Linting with every defuse rule costs at most a few times linting with core
//   `no-unreachable` alone, which follows the same code-path segments (CPU
//   time of the whole lint, the parse included).
// - The defuse rules' own time (ESLint's `stats`) at four times the size stays
//   well under sixteen times their time at the smaller one (linear is four).
//   For a `switch` only: an `else if` chain nests, and the rules walk from a
//   node up to its scope or function (`getScope`, the function an exit is in),
//   which costs the depth of the chain; `tests/util/code-path.test.ts` counts
//   the code-path work on such chains instead.
// Each time is the best of a few rounds, so that a loaded machine counts as
// little as possible.
import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { lintWithLargeStack } from '../corpus/large-stack.mjs';
import { allRules, lintConfig, virtualRoot } from './lint-setup.js';

/** Even branches write and exit (a report each); odd ones write and go on to the final `process.exit(0)`. */
const branch = (index: number): string =>
  index % 2 === 0 ? `console.error('bad ${index}');\n    process.exit(1);` : `console.error('warn ${index}');`;

const elseIfChain = (branches: number): string =>
  Array.from({ length: branches }, (_, index) => `if (code === 'c${index}') {\n    ${branch(index)}\n  }`).join(
    ' else ',
  );

const switchCases = (cases: number): string =>
  `switch (code) {\n${Array.from(
    { length: cases },
    (_, index) => `  case 'c${index}':\n    ${branch(index)}${index % 2 === 0 ? '' : '\n    break;'}\n`,
  ).join('')}}`;

/**
 * A module whose error handler holds the chain, so that every rule has work:
 * `no-exit-before-flush` reports each exit after a write, `no-zero-exit-on-fatal`
 * the handler that can end with code 0, `no-work-before-runtime` the window
 * the handler creates when the module runs it before Electron is ready.
 */
function handlerModule(chain: string, inLoop: boolean): string {
  const body = inLoop ? `for (const code of error.codes) {\n${chain}\n}` : `const code = error.code;\n${chain}`;
  return `import { app, BrowserWindow } from 'electron';

function fail(error) {
${body}
  new BrowserWindow();
  process.exit(0);
}

if (process.argv[2]) fail({ code: process.argv[2], codes: process.argv.slice(2) });
app.whenReady().then(() => main()).catch(fail);
`;
}

const shapes = {
  'else if': (size: number) => handlerModule(elseIfChain(size), false),
  'else if in a loop': (size: number) => handlerModule(elseIfChain(size), true),
  switch: (size: number) => handlerModule(switchCases(size), false),
  'switch in a loop': (size: number) => handlerModule(switchCases(size), true),
};

/** The smaller size of each shape; the larger is four times more. An `else if` chain nests, and the parser recurses. */
const SIZES: Record<keyof typeof shapes, number> = {
  'else if': 300,
  'else if in a loop': 300,
  switch: 2000,
  'switch in a loop': 1000,
};
/** Shapes that nest as they grow: their cost is judged against no-unreachable only (see above). */
const NESTED = new Set<string>(['else if', 'else if in a loop']);
const GROWTH = 4;
/**
 * The defuse rules' own time together, at four times the size: linear is 4x,
 * quadratic 16x. Measured on a loaded 2-core machine: at most 7.8x, 16x and
 * 23x before the code-path fixed point was linear; 3.7x (`switch`) and 3.3x
 * (`switch` in a loop) after it, at a load average of 20. Twice linear, half
 * of quadratic.
 */
const MAX_GROWTH = 8;
/**
 * Every defuse rule and no-unreachable, over no-unreachable alone, at the
 * larger size. Measured on a loaded 2-core machine: at most 3.3x alone and
 * 6.7x while the whole suite ran beside it, and 12x and 41x in a loop before
 * the code-path fixed point was linear; at a load average of 20, 3.0x and 4.3x
 * (`else if`, alone and in a loop), 1.3x and 2.1x (`switch`). Not tightened:
 * the rules still cost more than no-unreachable on these files (the exit
 * rule's fixed point and log facts), and the suite's own load doubles the
 * ratio. The exact, noise-free check of
 * linearity is the work count in tests/util/code-path.test.ts; this bound only
 * has to catch a return to quadratic time without failing on a busy machine.
 */
const MAX_OVER_UNREACHABLE = 10;
const ROUNDS = 3;

const filePath = `${virtualRoot}/growth.js`;
const createESLint = (rules: Linter.RulesRecord) =>
  new ESLint({
    cwd: virtualRoot,
    overrideConfigFile: true,
    overrideConfig: lintConfig(rules),
    ignore: false,
    stats: true,
  });
const everyRule = createESLint({ ...allRules(), 'no-unreachable': 'error' });
const unreachableOnly = createESLint({ 'no-unreachable': 'error' });

interface Lint {
  messages: Linter.LintMessage[];
  /** Milliseconds of CPU time this process spent on the whole lint. */
  cpu: number;
  /** The defuse rules' own time (ESLint's `stats`), in milliseconds, in all and by rule. */
  own: number;
  byRule: Record<string, number>;
}

async function lint(eslint: ESLint, text: string): Promise<Lint> {
  const start = process.cpuUsage();
  const [result] = await eslint.lintText(text, { filePath });
  const { user, system } = process.cpuUsage(start);
  const byRule = Object.fromEntries(
    Object.entries(result?.stats?.times.passes[0]?.rules ?? {})
      .filter(([rule]) => rule.startsWith('defuse/'))
      .map(([rule, { total }]) => [rule, total]),
  );
  return {
    messages: result?.messages ?? [],
    cpu: (user + system) / 1000,
    own: Object.values(byRule).reduce((sum, time) => sum + time, 0),
    byRule,
  };
}

const count = (messages: Linter.LintMessage[], ruleId: string) =>
  messages.filter((message) => message.ruleId === ruleId).length;

/** The best of each measure over the rounds. */
type Best = Record<'every' | 'unreachable' | 'own', { small: number; large: number }>;

describe.each(Object.entries(shapes))('%s', (shape, generate) => {
  const size = SIZES[shape as keyof typeof shapes];
  const sizes = { small: size, large: size * GROWTH };

  it(`costs at most ${MAX_OVER_UNREACHABLE}x no-unreachable, and grows linearly`, async () => {
    // Compiled and warm before anything is timed.
    await lint(everyRule, generate(size / 4));
    await lint(unreachableOnly, generate(size / 4));
    const best: Best = {
      every: { small: Infinity, large: Infinity },
      unreachable: { small: Infinity, large: Infinity },
      own: { small: Infinity, large: Infinity },
    };
    const byRule: Record<string, string> = {};
    for (let round = 0; round < ROUNDS; round++) {
      for (const [which, branches] of Object.entries(sizes) as ['small' | 'large', number][]) {
        const text = generate(branches);
        const every = await lint(everyRule, text);
        const unreachable = await lint(unreachableOnly, text);
        if (every.own < best.own[which]) {
          byRule[which] = Object.entries(every.byRule)
            .map(([rule, time]) => `${rule} ${time.toFixed(1)}`)
            .join(', ');
        }
        best.every[which] = Math.min(best.every[which], every.cpu);
        best.unreachable[which] = Math.min(best.unreachable[which], unreachable.cpu);
        best.own[which] = Math.min(best.own[which], every.own);
        if (round > 0) continue;
        // The rules have work: each exit after a write is reported (every even
        // branch, and the final exit), and so are the handler and the window.
        expect(count(every.messages, 'defuse/no-exit-before-flush')).toBe(branches / 2 + 1);
        expect(count(every.messages, 'defuse/no-zero-exit-on-fatal')).toBe(1);
        expect(count(every.messages, 'defuse/no-work-before-runtime')).toBe(1);
        expect(every.messages.filter((message) => message.fatal)).toEqual([]);
      }
    }

    const shown = (times: { small: number; large: number }) =>
      `${times.small.toFixed(0)} ms → ${times.large.toFixed(0)} ms`;
    expect(
      best.every.large / best.unreachable.large,
      `every rule ${shown(best.every)}, no-unreachable alone ${shown(best.unreachable)}`,
    ).toBeLessThan(MAX_OVER_UNREACHABLE);
    if (!NESTED.has(shape)) {
      expect(
        best.own.large / best.own.small,
        `the defuse rules' own time ${shown(best.own)} (${byRule.small} → ${byRule.large})`,
      ).toBeLessThan(MAX_GROWTH);
    }
  }, 300_000);
});

describe('the sizes that were slow', () => {
  // A 3,000-branch chain nests deeper than the parser goes on Node's default
  // stack: both run in a worker with a large stack, on the built plugin (dist/).
  it.each([
    ['a 3,000-branch else if chain', shapes['else if'](3000), 1501],
    ['a 30,000-case switch', shapes.switch(30_000), 15_001],
  ])(
    '%s completes with every rule',
    async (_label, text, reports) => {
      const { messages, error } = await lintWithLargeStack({ text, filename: 'slow.js', parser: 'espree' });
      expect(error).toBeUndefined();
      expect(messages.filter((message) => message.fatal)).toEqual([]);
      expect(count(messages, 'defuse/no-exit-before-flush')).toBe(reports);
    },
    300_000,
  );
});
