// One child run of the growth benchmark (bench/run.mjs): lints one generated
// file (an `else if` chain or a `switch` with `branches` branches, each writing
// to the console, then `process.exit`) with the plugin's recommended rules and
// core `no-unreachable` beside them (so that each rule's own time can be set
// against no-unreachable's in the same lint), or with `no-unreachable` alone,
// and prints a JSON line after each timed lint: the medians so far of each
// rule's own time from ESLint's stats, of the defuse rules' time together
// (`rules`; no-unreachable's alone in its own variant), and of the whole lint,
// parse included (`lint`), the one time of a `no-unreachable` lint large
// enough to measure well. The first
// lint warms up the JIT and is not counted, unless it took over a second
// (then warming up is noise). Lints stop after `samples` timed lints or
// `budget` seconds; the runner kills a child that takes far longer and keeps
// the last line it printed. A child process, so that a lint that grows out of
// bounds can be stopped.
// Usage: node --expose-gc bench/growth-child.mjs else-if|switch <branches> defuse|no-unreachable [samples] [budget]
import { Linter } from 'eslint';

import { loadPlugin } from '../tests/corpus/lint.mjs';

/** `if (x === 0) {…} else if (x === 1) {…} …` inside a function that exits after the chain. */
function elseIfChain(branches) {
  const lines = ['function main(x) {', "  console.log('start');"];
  for (let index = 0; index < branches; index += 1) {
    lines.push(`  ${index === 0 ? '' : '} else '}if (x === ${index}) {`, `    console.log('branch ${index}');`);
  }
  lines.push('  }', '  process.exit(0);', '}', 'main(Number(process.argv[2]));');
  return `${lines.join('\n')}\n`;
}

/** `switch (x) { case 0: …; break; … }` inside a function that exits after it. */
function switchCases(branches) {
  const lines = ['function main(x) {', '  switch (x) {'];
  for (let index = 0; index < branches; index += 1) {
    lines.push(`    case ${index}:`, `      console.log('case ${index}');`, '      break;');
  }
  lines.push('  }', '  process.exit(0);', '}', 'main(Number(process.argv[2]));');
  return `${lines.join('\n')}\n`;
}

const SHAPES = { 'else-if': elseIfChain, switch: switchCases };

const [shape = 'else-if', branches = '100', variant = 'no-unreachable', samples = '5', budget = '30'] =
  process.argv.slice(2);
const generate = SHAPES[shape];
if (!generate) throw new Error(`unknown shape ${shape}: ${Object.keys(SHAPES).join(', ')}`);
const plugin = variant === 'defuse' ? await loadPlugin() : undefined;
const config = [
  {
    languageOptions: { sourceType: 'commonjs' },
    plugins: plugin ? { defuse: plugin } : {},
    rules: { ...plugin?.configs.recommended.rules, 'no-unreachable': 'error' },
  },
];
const linter = new Linter();
const lint = (text) => {
  // Run by bench/run.mjs with --expose-gc: garbage of the last lint is not collected inside this one.
  globalThis.gc?.();
  // Linter keeps stats only in verifyAndFix; `fix: false` keeps it to one pass.
  const started = performance.now();
  const { messages } = linter.verifyAndFix(text, config, { filename: `${shape}.js`, stats: true, fix: false });
  const lintMs = performance.now() - started;
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`the generated ${shape} does not parse: ${fatal.message}`);
  const times = {};
  for (const pass of linter.getTimes().passes) {
    for (const [ruleId, time] of Object.entries(pass.rules ?? {})) times[ruleId] = (times[ruleId] ?? 0) + time.total;
  }
  const counted = Object.keys(times).filter((ruleId) => !plugin || ruleId.startsWith('defuse/'));
  times.rules = counted.reduce((sum, ruleId) => sum + times[ruleId], 0);
  times.lint = lintMs;
  return { times, reports: messages.length };
};
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const text = generate(Number(branches));
const started = performance.now();
const first = lint(text);
const taken = first.times.lint > 1000 ? [first.times] : [];
const print = () => {
  const times = Object.fromEntries(
    Object.keys(taken[0] ?? {}).map((key) => [key, median(taken.map((sample) => sample[key] ?? 0))]),
  );
  const line = { shape, branches: Number(branches), variant, lines: text.split('\n').length, samples: taken.length };
  console.log(JSON.stringify({ ...line, times, reports: first.reports }));
};
if (taken.length > 0) print();
while (taken.length < Number(samples) && performance.now() - started < Number(budget) * 1000) {
  taken.push(lint(text).times);
  print();
}
