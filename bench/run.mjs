// The benchmark (npm run bench): every performance target of the plugin, each
// measured as a ratio in one run, in one summary table at the top of
// bench/RESULTS.md. Needs `npm run build` and `npm run corpus:install`.
//
// node bench/run.mjs [--only LIST] [--rounds N] [--files N] [--no-write]
//   --only LIST          some of the workloads (default: all of them, in this order):
//                          cli         command-line packages, syntactic, in this process
//                          typescript  TypeScript's typescript.js bundle, syntactic, in this process
//                          typed       effect's sources, type-aware, each rule in its own process
//                          load        2,000 TypeScript files, syntactic, with and without the plugin
//                          typed-load  the same files type-aware: wall time and peak RSS
//                          import      import() of the plugin and of eslint-plugin-unicorn
//                          growth      generated `else if` chains and `switch`es at two sizes
//   --rounds N           rounds of every workload instead of its default (ROUNDS below): timed
//                        rounds after one warm-up in this process, child processes per variant
//   --files N            lint only N files in typed, load and typed-load: a quick try, not a result
//   --no-write           print the report, leave bench/RESULTS.md alone
//   --typed-reference    typed-load also runs two references beside the targets (not targets
//                        themselves): `floor`, a rule that only asks the parser's program for its
//                        type checker, and `peer`, @typescript-eslint/no-unsafe-type-assertion
//                        alone (see bench/load-child.mjs); their added wall time says what asking
//                        the checker costs before any rule of ours asks anything
//
// In-process workloads run their variants interleaved (round 1: every variant,
// round 2: every variant, ...) after one untimed warm-up round, and report the
// median. Child-process workloads start a fresh process per run, alternate the
// order of the variants from round to round, and report the median and the
// spread. Rules' own time comes from ESLint's `stats`. Nothing is asserted:
// the machine's load moves every number, ratios within one run much less.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { ESLint } from 'eslint';
import nodePlugin from 'eslint-plugin-n';
import unicorn from 'eslint-plugin-unicorn';

import { corpusConfig, loadPlugin } from '../tests/corpus/lint.mjs';
import { listFiles, packageRoot, repoRoot } from '../tests/corpus/paths.mjs';
import { CLI_PACKAGES, installedEntry, LOAD_FILE_COUNT, LOAD_PACKAGES, TYPED_PACKAGE } from './workloads.mjs';

const WORKLOADS = ['cli', 'typescript', 'typed', 'load', 'typed-load', 'import', 'growth'];

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index === -1 ? fallback : args[index + 1];
};
/**
 * Rounds per workload, chosen so that a full run stays near 30 minutes on a
 * quiet 2-core machine: effect's processes and typescript.js are the long ones.
 * Peak RSS is settled over 3 processes per side at least. The command-line
 * packages take 5 rounds (about 12 s each): a garbage-collection pause lands
 * in whichever rule is running, and over 3 rounds the median of a rule that
 * takes 30 ms moved by up to 1.5× between runs of the same commit.
 */
const ROUNDS = { cli: 5, typescript: 2, typed: 2, load: 3, 'typed-load': 5, import: 10 };
const roundsOf = (name) => Number(option('--rounds', String(ROUNDS[name])));
const fileCap = option('--files', undefined);
const typedReference = args.includes('--typed-reference');
const chosen = option('--only', WORKLOADS.join(',')).split(',');
const workloads = new Set(WORKLOADS.filter((name) => chosen.includes(name)));
for (const name of chosen) {
  if (!WORKLOADS.includes(name)) throw new Error(`unknown workload ${name}: ${WORKLOADS.join(', ')}`);
}
const benchDir = path.dirname(fileURLToPath(import.meta.url));
const loadAtStart = os.loadavg();

const plugin = await loadPlugin();
const ruleNames = Object.keys(plugin.rules);
const recommended = Object.keys(plugin.configs.recommended.rules);
const everyRule = Object.keys(plugin.configs.all.rules);

/** The type-aware rule each defuse rule is compared with, each in its own process. */
const TYPED_PEER = '@typescript-eslint/no-unsafe-type-assertion';
/** The targets (issues 13, 15 and 16). */
const TARGET = {
  cliShare: 0.1,
  exitVsUnreachable: 3,
  typescriptShare: 0.04,
  typedVsPeer: 0.25,
  loadSyntactic: 0.15,
  loadTyped: 0.25,
  rss: 1.1,
  importVsUnicorn: 1,
  growthVsUnreachable: 1.5,
  growthOwnVsUnreachable: 1,
};
/** Growth: the branches of each generated shape at the small size; the large one is 4×. */
const GROWTH = { 'else-if': 750, switch: 7500 };
/** Growth: timed lints per child, the seconds after which a child takes no more, and when it is killed. */
const GROWTH_SAMPLES = 5;
const GROWTH_BUDGET_S = 20;
const GROWTH_KILL_S = 90;

/** Comparable syntactic rules of ESLint and other plugins, each run alone on the CLI packages. */
const SYNTACTIC_PEERS = [
  'no-unreachable',
  'no-warning-comments',
  'no-process-exit',
  'no-throw-literal',
  'unicorn/no-process-exit',
  'n/no-process-exit',
];
const plugins = { defuse: plugin, unicorn, n: nodePlugin };

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const sum = (values) => values.reduce((total, value) => total + value, 0);
const ms = (value) => `${value.toFixed(0)} ms`;
const seconds = (value) => `${(value / 1000).toFixed(1)} s`;
const pct = (value) => `${(value * 100).toFixed(1)}%`;
const ratio = (value) => `${value.toFixed(2)}×`;
const plus = (value) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)}%`;
/** `median (min–max)` of a list, formatted. */
const spread = (values, format) =>
  `${format(median(values))} (${format(Math.min(...values))}–${format(Math.max(...values))})`;

/** One row of the summary table per target. `met` is undefined when nothing could be measured. */
const summary = [];
const target = (what, goal, measured, met) => summary.push({ what, goal, measured, met });
const sections = [];
const notes = [];

// --- In-process workloads: variants interleaved, the median of the timed rounds ---

/** Corpus packages' files, read once. */
function workload(label, names) {
  const parts = names.map((name) => {
    const entry = installedEntry(name);
    const root = packageRoot(entry);
    const files = listFiles(entry, root).map((file) => ({
      path: path.join(root, file),
      text: readFileSync(path.join(root, file), 'utf8'),
    }));
    return { entry, root, files };
  });
  const files = sum(parts.map((part) => part.files.length));
  const lines = sum(parts.flatMap((part) => part.files.map((file) => file.text.split('\n').length)));
  return { label, parts, files, lines };
}

/** Lints a workload with one variant's rules: wall ms, and each rule's own ms from ESLint's stats. */
async function lintOnce(work, variant) {
  let wall = 0;
  const ruleMs = {};
  for (const part of work.parts) {
    const eslint = (variant.instances[part.root] ??= new ESLint({
      cwd: part.root,
      overrideConfigFile: true,
      overrideConfig: corpusConfig(part.entry, { rules: variant.rules, plugins, typeAware: false, root: part.root }),
      ignore: false,
      allowInlineConfig: false,
      stats: true,
    }));
    for (const file of part.files) {
      const started = performance.now();
      const [result] = await eslint.lintText(file.text, { filePath: file.path });
      wall += performance.now() - started;
      for (const pass of result?.stats?.times.passes ?? []) {
        for (const [ruleId, time] of Object.entries(pass.rules ?? {})) {
          ruleMs[ruleId] = (ruleMs[ruleId] ?? 0) + time.total;
        }
      }
    }
  }
  return { wall, ruleMs };
}

const variant = (name, ruleIds) => ({ name, rules: Object.fromEntries(ruleIds.map((ruleId) => [ruleId, 'error'])) });

/** Runs the variants interleaved, one warm-up round and `rounds` timed rounds; medians by variant name. */
async function measure(work, variants, rounds) {
  console.log(
    `\n${work.label}: ${work.files} files, ${work.lines} lines, ${variants.length} variants, ${rounds} rounds`,
  );
  for (const each of variants) {
    each.instances = {};
    each.samples = [];
  }
  for (let round = 0; round <= rounds; round += 1) {
    // The order alternates, so that no variant always runs first (or last) in a round.
    for (const each of round % 2 === 0 ? variants : [...variants].reverse()) {
      const sample = await lintOnce(work, each);
      if (round > 0) each.samples.push(sample);
    }
    console.log(`  ${round === 0 ? 'warm-up' : `round ${round}`} done`);
  }
  return Object.fromEntries(
    variants.map((each) => {
      const ruleIds = Object.keys(each.rules);
      const ruleMs = Object.fromEntries(
        ruleIds.map((ruleId) => [ruleId, median(each.samples.map((sample) => sample.ruleMs[ruleId] ?? 0))]),
      );
      const wall = median(each.samples.map((sample) => sample.wall));
      return [each.name, { name: each.name, wall, ruleMs, own: sum(Object.values(ruleMs)) }];
    }),
  );
}

/** A markdown table of variants: wall time, the rules' own time, and both against the floor. */
function variantTable(results, floorName, extra = () => '') {
  const floor = results[floorName];
  const rows = [
    "| variant | wall (median) | wall − floor | rules' own time | own time / floor | own time / `no-unreachable` |",
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const result of Object.values(results)) {
    if (result === floor) {
      rows.push(`| ${result.name} | ${ms(result.wall)} | | | | |`);
      continue;
    }
    rows.push(
      `| ${result.name} | ${ms(result.wall)} | ${ms(result.wall - floor.wall)} | ${ms(result.own)} | ` +
        `${pct(result.own / floor.wall)} | ${extra(result)} |`,
    );
  }
  return rows.join('\n');
}

/**
 * Runs a workload if it was chosen. A workload that fails (a child out of
 * memory, a package not installed) is a row of the summary, not the end of
 * the run.
 */
async function attempt(name, body) {
  if (!workloads.has(name)) return;
  try {
    await body();
  } catch (error) {
    console.log(`\n${name} failed: ${error.message}`);
    target(`Workload \`${name}\``, 'runs', `failed: ${String(error.message).split('\n')[0]}`, undefined);
  }
}

const FLOOR = 'parse floor (no rules)';
const ALL_RECOMMENDED = 'recommended rules together';

await attempt('cli', async () => {
  const work = workload(`Command-line packages (syntactic): ${CLI_PACKAGES.join(', ')}`, CLI_PACKAGES);
  const results = await measure(
    work,
    [
      variant(FLOOR, []),
      ...ruleNames.map((name) => variant(`defuse/${name}`, [`defuse/${name}`])),
      variant(ALL_RECOMMENDED, recommended),
      ...SYNTACTIC_PEERS.map((ruleId) => variant(ruleId, [ruleId])),
    ],
    roundsOf('cli'),
  );
  const floor = results[FLOOR].wall;
  const unreachable = results['no-unreachable'].own;
  const together = results[ALL_RECOMMENDED].own;
  target(
    `Command-line packages (${work.files} files): the recommended rules' own time / parse floor`,
    `≤ ${pct(TARGET.cliShare)}`,
    `${pct(together / floor)} (${ms(together)} / ${ms(floor)})`,
    together / floor <= TARGET.cliShare,
  );
  const exit = results['defuse/no-exit-before-flush'].own;
  target(
    'Command-line packages: `no-exit-before-flush` / core `no-unreachable` (own time, each alone)',
    `≤ ${ratio(TARGET.exitVsUnreachable)}`,
    `${ratio(exit / unreachable)} (${ms(exit)} / ${ms(unreachable)})`,
    exit / unreachable <= TARGET.exitVsUnreachable,
  );
  sections.push(
    `## Command-line packages (syntactic)\n\n${CLI_PACKAGES.map((name) => `\`${name}\``).join(', ')}: ` +
      `${work.files} files, ${work.lines.toLocaleString('en')} lines. Each rule alone, the recommended rules ` +
      `together, and comparable rules of ESLint, unicorn and n alone. Wall times include ESLint's stats ` +
      'instrumentation (a timer around every listener call), so "wall − floor" overstates what a rule with ' +
      'frequent listeners costs without it; own time is the measure.\n\n' +
      variantTable(results, FLOOR, (result) => (unreachable > 0 ? ratio(result.own / unreachable) : '')),
  );
});

await attempt('typescript', async () => {
  const work = workload('typescript.js (syntactic)', ['typescript']);
  const results = await measure(
    work,
    [variant(FLOOR, []), variant(ALL_RECOMMENDED, recommended)],
    roundsOf('typescript'),
  );
  const floor = results[FLOOR].wall;
  const ours = results[ALL_RECOMMENDED];
  target(
    "TypeScript's `typescript.js` bundle: the recommended rules' own time / parse floor",
    `≤ ${pct(TARGET.typescriptShare)}`,
    `${pct(ours.own / floor)} (${ms(ours.own)} / ${seconds(floor)})`,
    ours.own / floor <= TARGET.typescriptShare,
  );
  const perRule = Object.entries(ours.ruleMs).map(
    ([ruleId, time]) => `| \`${ruleId}\` | ${ms(time)} | ${pct(time / floor)} |`,
  );
  sections.push(
    `## typescript.js (${work.lines.toLocaleString('en')} lines in one file, syntactic)\n\n` +
      `${variantTable(results, FLOOR)}\n\nEach rule's own time inside the run with every recommended rule:\n\n` +
      `| rule | own time (median) | / parse floor |\n| --- | ---: | ---: |\n${perRule.join('\n')}`,
  );
});

// --- Child-process workloads ---

/**
 * Runs a child script and returns the last JSON line it printed, or
 * `{ failed }` when it printed none (with why: a timeout or its error).
 */
function child(script, childArgs, { timeoutS, nodeArgs = [] } = {}) {
  const result = spawnSync(process.execPath, [...nodeArgs, path.join(benchDir, script), ...childArgs], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    ...(timeoutS ? { timeout: timeoutS * 1000 } : {}),
  });
  const last = result.stdout
    ?.trim()
    .split('\n')
    .findLast((line) => line.startsWith('{'));
  const timedOut = result.error?.code === 'ETIMEDOUT' || result.signal === 'SIGTERM';
  if (last) return { ...JSON.parse(last), timedOut };
  const errorLines = (result.stderr || String(result.error)).trim().split('\n');
  const why = timedOut
    ? `timed out after ${timeoutS} s`
    : (errorLines.find((line) => /FATAL ERROR|Error\b/.test(line)) ?? errorLines.at(-1) ?? 'no output');
  return { failed: why, timedOut };
}

/** `rounds` rounds of child runs, one per variant, their order alternating; the runs by variant. */
function runInChildren(label, variants, count, runOne) {
  console.log(`\n${label}: ${variants.length} variants, ${count} rounds (child processes)`);
  const runs = Object.fromEntries(variants.map((name) => [name, []]));
  for (let round = 0; round < count; round += 1) {
    const order = round % 2 === 0 ? variants : [...variants].reverse();
    for (const name of order) {
      const run = runOne(name);
      if (run.failed) throw new Error(`${label}, ${name}: ${run.failed}`);
      if (run.fatal > 0) notes.push(`${label}, ${name}: ${run.fatal} files did not parse (fatal errors).`);
      runs[name].push(run);
    }
    console.log(`  round ${round + 1} done`);
  }
  return runs;
}

const capArgs = fileCap === undefined ? [] : [fileCap];
if (fileCap !== undefined) {
  notes.push(
    `**Quick try:** \`--files ${fileCap}\` lints only ${fileCap} files in the type-aware and load workloads; ` +
      'their rows are not the targets they name.',
  );
}

await attempt('typed', async () => {
  const ruleIds = [...ruleNames.map((name) => `defuse/${name}`), TYPED_PEER];
  const runs = runInChildren(`${TYPED_PACKAGE} (type-aware), each rule alone`, ruleIds, roundsOf('typed'), (ruleId) =>
    child('typed-child.mjs', [TYPED_PACKAGE, ruleId, ...capArgs]),
  );
  const own = (ruleId) => median(runs[ruleId].map((run) => run.own));
  const peer = own(TYPED_PEER);
  const rows = ruleIds.map((ruleId) => {
    const list = runs[ruleId];
    return `| \`${ruleId}\` | ${spread(
      list.map((run) => run.own),
      ms,
    )} | ${ratio(own(ruleId) / peer)} | ${spread(
      list.map((run) => run.parse),
      seconds,
    )} | ${list[0].reports} |`;
  });
  for (const name of ruleNames) {
    const ruleId = `defuse/${name}`;
    target(
      `Type-aware, ${TYPED_PACKAGE} (${runs[ruleId][0].files} files), own process: \`${name}\` / \`no-unsafe-type-assertion\``,
      `≤ ${ratio(TARGET.typedVsPeer)}`,
      `${ratio(own(ruleId) / peer)} (${ms(own(ruleId))} / ${ms(peer)})`,
      own(ruleId) / peer <= TARGET.typedVsPeer,
    );
  }
  sections.push(
    `## Type-aware: ${TYPED_PACKAGE}'s sources, each rule in its own process\n\n` +
      `${runs[TYPED_PEER][0].files} files. Each run is a fresh process that lints every file once with one rule, so ` +
      `the rule pays for each type-checker question it asks, and for no other rule's. Median (min–max) of ` +
      `${roundsOf('typed')} processes per rule.\n\n` +
      `| rule | own time | / \`no-unsafe-type-assertion\` | parse (program included) | reports |\n` +
      `| --- | ---: | ---: | ---: | ---: |\n${rows.join('\n')}`,
  );
});

/** Load runs: `none` against the named rule sets, each in fresh processes. */
function loadRuns(mode, ruleSets, rounds) {
  return runInChildren(`${LOAD_FILE_COUNT} files (${mode})`, ['none', ...ruleSets], rounds, (rulesName) =>
    child('load-child.mjs', [mode, rulesName, ...capArgs]),
  );
}

const loadDescription = () =>
  `The first ${fileCap ?? LOAD_FILE_COUNT} TypeScript sources of ${LOAD_PACKAGES.map((name) => `\`${name}\``).join(', ')} ` +
  '(whole packages in this order, real files, each package its own program when type-aware), linted by `lintFiles` ' +
  'in a fresh process per run. "Process" is the time from process start to the end of the lint (imports included); ' +
  'without the plugin, the plugin is never imported.';

/** How the load tables name a run of bench/load-child.mjs. */
const LOAD_RUN_LABELS = {
  none: 'no rules',
  floor: 'reference: a rule that only creates the checker',
  peer: 'reference: `no-unsafe-type-assertion` alone',
};

function loadTable(runs) {
  const rows = ['| run | process (median, min–max) | lint | peak RSS (median, min–max) | reports |'];
  rows.push('| --- | ---: | ---: | ---: | ---: |');
  for (const [name, list] of Object.entries(runs)) {
    rows.push(
      `| ${LOAD_RUN_LABELS[name] ?? `${name} rules`} | ${spread(
        list.map((run) => run.sinceStart),
        seconds,
      )} | ${seconds(median(list.map((run) => run.lint)))} | ${spread(
        list.map((run) => run.maxRssKb / 1024),
        (value) => `${value.toFixed(0)} MB`,
      )} | ${list[0].reports} |`,
    );
  }
  return rows.join('\n');
}

const wallOf = (list) => median(list.map((run) => run.sinceStart));

await attempt('load', async () => {
  const runs = loadRuns('syntactic', ['recommended'], roundsOf('load'));
  const added = wallOf(runs.recommended) / wallOf(runs.none) - 1;
  target(
    `Load, ${runs.none[0].files} TypeScript files, syntactic: wall time added by the recommended rules`,
    `≤ ${plus(TARGET.loadSyntactic)}`,
    `${plus(added)} (${seconds(wallOf(runs.recommended))} vs ${seconds(wallOf(runs.none))})`,
    added <= TARGET.loadSyntactic,
  );
  sections.push(
    `## Load: ${runs.none[0].files} TypeScript files, syntactic\n\n${loadDescription()}\n\n${loadTable(runs)}`,
  );
});

await attempt('typed-load', async () => {
  const sameSets = recommended.length === everyRule.length;
  const references = typedReference ? ['floor', 'peer'] : [];
  const runs = loadRuns(
    'type-aware',
    [...(sameSets ? ['recommended'] : ['recommended', 'all']), ...references],
    roundsOf('typed-load'),
  );
  const added = wallOf(runs.recommended) / wallOf(runs.none) - 1;
  for (const name of references) {
    notes.push(
      `Type-aware load, ${LOAD_RUN_LABELS[name]}: ${plus(wallOf(runs[name]) / wallOf(runs.none) - 1)} wall time ` +
        `(${seconds(wallOf(runs[name]))} vs ${seconds(wallOf(runs.none))}); not a target, a reference for the +25% one.`,
    );
  }
  target(
    `Load, ${runs.none[0].files} TypeScript files, type-aware: wall time added by the recommended rules`,
    `≤ ${plus(TARGET.loadTyped)}`,
    `${plus(added)} (${seconds(wallOf(runs.recommended))} vs ${seconds(wallOf(runs.none))})`,
    added <= TARGET.loadTyped,
  );
  const every = runs[sameSets ? 'recommended' : 'all'];
  const rss = (list) => list.map((run) => run.maxRssKb / 1024);
  const rssRatio = median(rss(every)) / median(rss(runs.none));
  const ratios = every.map((run, index) => run.maxRssKb / runs.none[index].maxRssKb);
  target(
    `Peak RSS, ${runs.none[0].files} files type-aware: every rule / no rules (median of ${roundsOf('typed-load')} processes each)`,
    `≤ ${ratio(TARGET.rss)}`,
    `${ratio(rssRatio)} (${median(rss(every)).toFixed(0)} MB / ${median(rss(runs.none)).toFixed(0)} MB; ` +
      `per round ${ratio(Math.min(...ratios))}–${ratio(Math.max(...ratios))})`,
    rssRatio <= TARGET.rss,
  );
  sections.push(
    `## Load and memory: ${runs.none[0].files} TypeScript files, type-aware\n\n${loadDescription()}` +
      `${sameSets ? ' The recommended rules are every rule, so one set of runs gives both targets.' : ''}\n\n` +
      loadTable(runs),
  );
});

await attempt('import', async () => {
  const subjects = {
    'eslint-plugin-defuse': pathToFileURL(path.join(repoRoot, 'dist/index.js')).href,
    'eslint-plugin-unicorn': 'eslint-plugin-unicorn',
  };
  // One untimed import each first: the file system cache, not the plugins, would be measured otherwise.
  for (const specifier of Object.values(subjects)) child('import-child.mjs', [specifier]);
  const runs = runInChildren('import()', Object.keys(subjects), roundsOf('import'), (name) =>
    child('import-child.mjs', [subjects[name]]),
  );
  const time = (name) => median(runs[name].map((run) => run.ms));
  const importRatio = time('eslint-plugin-defuse') / time('eslint-plugin-unicorn');
  target(
    '`import()` of the plugin / of eslint-plugin-unicorn (fresh processes with ESLint loaded, medians)',
    `≤ ${ratio(TARGET.importVsUnicorn)}`,
    `${ratio(importRatio)} (${ms(time('eslint-plugin-defuse'))} / ${ms(time('eslint-plugin-unicorn'))})`,
    importRatio <= TARGET.importVsUnicorn,
  );
  const rows = Object.keys(subjects).map(
    (name) =>
      `| ${name} | ${spread(
        runs[name].map((run) => run.ms),
        ms,
      )} | ${runs[name][0].typescript ? 'yes' : 'no'} | ${runs[name][0].commonjsModules} |`,
  );
  sections.push(
    `## Import\n\nThe plugin's \`import()\` alone, in a fresh process per run that has loaded ESLint first ` +
      `(as ESLint has when it reads a config), ${roundsOf('import')} runs each, interleaved.\n\n` +
      `| module | import (median, min–max) | loads \`typescript\` | CommonJS modules it adds |\n` +
      `| --- | ---: | --- | ---: |\n${rows.join('\n')}`,
  );
});

await attempt('growth', async () => {
  console.log(`\ngrowth: ${Object.keys(GROWTH).join(', ')} at N and 4N (child processes)`);
  const rows = [];
  for (const [shape, small] of Object.entries(GROWTH)) {
    const sizes = [small, small * 4];
    const runs = {};
    for (const side of ['defuse', 'no-unreachable']) {
      for (const branches of sizes) {
        runs[`${side} ${branches}`] = child(
          'growth-child.mjs',
          [shape, String(branches), side, String(GROWTH_SAMPLES), String(GROWTH_BUDGET_S)],
          { timeoutS: GROWTH_KILL_S, nodeArgs: ['--expose-gc'] },
        );
      }
    }
    console.log(`  ${shape} done`);
    const time = (key, which) => runs[key].times?.[which];
    const shown = (key, which) => {
      if (runs[key].timedOut && runs[key].failed) return `> ${GROWTH_KILL_S} s (stopped)`;
      return runs[key].failed ? `failed: ${runs[key].failed}` : ms(time(key, which));
    };
    const failed = Object.values(runs).find((run) => run.failed);
    // The defuse rules' own time against the whole lint with no-unreachable: its own time is a few milliseconds,
    // too little to measure a growth from; the lint it is part of follows the same segments, and grows linearly.
    const ours = time(`defuse ${sizes[1]}`, 'rules') / time(`defuse ${sizes[0]}`, 'rules');
    const theirs = time(`no-unreachable ${sizes[1]}`, 'lint') / time(`no-unreachable ${sizes[0]}`, 'lint');
    target(
      `Growth, \`${shape}\` ${sizes[0]} → ${sizes[1]} branches: the recommended rules' own time ×, against a lint with \`no-unreachable\` ×`,
      `≤ ${ratio(TARGET.growthVsUnreachable)} of it (linear is 4×)`,
      failed ? shown(`defuse ${sizes[1]}`, 'rules') : `${ratio(ours)} vs ${ratio(theirs)} (${ratio(ours / theirs)})`,
      failed ? false : ours / theirs <= TARGET.growthVsUnreachable,
    );
    for (const branches of sizes) {
      const ourRun = runs[`defuse ${branches}`];
      const slowest = Object.entries(ourRun.times ?? {})
        .filter(([ruleId]) => ruleId.startsWith('defuse/'))
        .sort((a, b) => b[1] - a[1])[0];
      // no-unreachable's own time in the same lint as the defuse rules: a ratio within one lint.
      const beside = time(`defuse ${branches}`, 'no-unreachable');
      const ownRatio = slowest && beside > 0 ? slowest[1] / beside : NaN;
      if (branches === sizes[1]) {
        target(
          `Growth, \`${shape}\` ${branches} branches: the slowest recommended rule's own time / \`no-unreachable\`'s in the same lint`,
          `≤ ${ratio(TARGET.growthOwnVsUnreachable)}`,
          Number.isFinite(ownRatio)
            ? `${ratio(ownRatio)} (\`${slowest[0]}\` ${ms(slowest[1])} / ${ms(beside)})`
            : shown(`defuse ${branches}`, 'rules'),
          Number.isFinite(ownRatio) && ownRatio <= TARGET.growthOwnVsUnreachable,
        );
      }
      const lintRatio = time(`defuse ${branches}`, 'lint') / time(`no-unreachable ${branches}`, 'lint');
      const byRule = Object.entries(ourRun.times ?? {})
        .filter(([ruleId]) => ruleId.startsWith('defuse/'))
        .map(([ruleId, own]) => `${ruleId.replace('defuse/', '')} ${beside > 0 ? ratio(own / beside) : '?'}`)
        .join(', ');
      rows.push(
        `| \`${shape}\` | ${branches} | ${shown(`defuse ${branches}`, 'rules')} | ` +
          `${slowest ? `\`${slowest[0]}\` ${ms(slowest[1])}` : ''} | ${Number.isFinite(beside) ? ms(beside) : ''} | ` +
          `${byRule} | ${shown(`defuse ${branches}`, 'lint')} | ` +
          `${shown(`no-unreachable ${branches}`, 'rules')} | ${shown(`no-unreachable ${branches}`, 'lint')} | ` +
          `${Number.isFinite(lintRatio) ? ratio(lintRatio) : ''} | ${ourRun.samples ?? 0} |`,
      );
    }
  }
  sections.push(
    '## Growth: generated `else if` chains and `switch`es\n\n' +
      'One function holding the chain, a `console.log` in each branch and `process.exit(0)` after it, linted ' +
      'with `Linter` in a fresh process per size and side (the recommended rules with `no-unreachable` beside ' +
      'them, and `no-unreachable` alone): one warm-up lint, then the median of up to ' +
      `${GROWTH_SAMPLES} timed lints within ${GROWTH_BUDGET_S} s; a child still running after ${GROWTH_KILL_S} s is ` +
      'stopped. Own time from ESLint\'s stats; "/ no-unreachable" sets each rule\'s own time against ' +
      "`no-unreachable`'s in the same lint; the lint's time is the whole `verify`, parse included.\n\n" +
      "| shape | branches | recommended rules' own time | slowest rule | `no-unreachable` beside them | " +
      'each rule / no-unreachable | lint with them | `no-unreachable` alone: own time | lint with it alone | ' +
      'lint / lint | timed lints |\n' +
      `| --- | ---: | ---: | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |\n${rows.join('\n')}`,
  );
});

// --- The report ---

const format = (value) => value.map((each) => each.toFixed(1)).join(', ');
let revision = 'unknown';
try {
  revision = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
  if (execFileSync('git', ['status', '--porcelain', 'src'], { cwd: repoRoot, encoding: 'utf8' }).trim() !== '') {
    revision += ' with uncommitted changes in src/';
  }
} catch {
  // Not a git checkout.
}
const versionOf = (name) =>
  JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')).version;
const verdict = (met) => (met === undefined ? '–' : met ? 'met' : '**not met**');
const report = `# Benchmark results

Produced by \`npm run bench\` (bench/run.mjs). Numbers depend on the machine and its load; they are never asserted in tests.

| target | goal | measured | |
| --- | --- | --- | --- |
${summary.map((row) => `| ${row.what} | ${row.goal} | ${row.measured} | ${verdict(row.met)} |`).join('\n')}

- Date: ${new Date().toISOString()}; workloads: ${[...workloads].join(', ')}
- Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB, ${os.type()} ${os.release()}
- Load average (1, 5, 15 min): ${format(loadAtStart)} at the start, ${format(os.loadavg())} at the end
- Node ${process.version}, ESLint ${versionOf('eslint')}, TypeScript ${versionOf('typescript')}, typescript-eslint ${versionOf('typescript-eslint')}, eslint-plugin-unicorn ${versionOf('eslint-plugin-unicorn')}, eslint-plugin-n ${versionOf('eslint-plugin-n')}; commit ${revision}
- Method: in this process (cli, typescript), variants interleaved after one warm-up round, their order alternating, median of the timed rounds; in child processes (the rest), a fresh process per run, the order of the variants alternating, median and (min–max). Rounds: ${[...workloads].map((name) => (name === 'growth' ? `growth up to ${GROWTH_SAMPLES} lints per process` : `${name} ${roundsOf(name)}`)).join(', ')}. "Own time" is what ESLint's \`stats\` attribute to a rule: its \`create\` and its listeners, code-path events included. The parse floor is the wall time of ESLint with no rules: parsing, scope and code-path analysis, traversal.
${notes.map((note) => `- ${note}`).join('\n')}

${sections.join('\n\n')}
`;
console.log(`\n${report}`);
if (!args.includes('--no-write')) {
  writeFileSync(path.join(benchDir, 'RESULTS.md'), report);
  console.log('wrote bench/RESULTS.md');
}
