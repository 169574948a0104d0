// One child run of the load and memory benchmark (bench/run.mjs): lints the
// 2,000 files of bench/workloads.mjs, syntactically or type-aware, with a set
// of rules, and prints one JSON line: the time to lint, the time since the
// process started (imports included), the process's CPU time (user and
// system, ms: steadier than wall time on a shared machine), the peak RSS, and with `--stats` each
// rule's own time and the parse time from ESLint's stats. With `none` (and
// `floor`, `peer`) the plugin is never imported, as in a project without it.
// Usage: node bench/load-child.mjs syntactic|type-aware RULES [file count] [--stats] [--packages LIST]
//   RULES  none         no rules: the parse floor
//          recommended  the plugin's recommended rules
//          all          every rule of the plugin
//          floor        one tiny rule that asks the parser's program for its type checker once
//                       per file and nothing else: creating the checker binds every file of the
//                       program, which is the price of asking the checker anything at all
//          peer         `@typescript-eslint/no-unsafe-type-assertion` alone, the type-aware peer
//          NAME[,NAME]  the named rules of the plugin only (`no-placeholder-throw`, ...)
//   --stats         ESLint's `stats` on (a timer around every listener: wall time grows, so
//                   compare wall times only between runs that both have it or both lack it);
//                   the own times are also given per package
//   --packages LIST only these packages of the load's files (comma-separated names), to find
//                   which package the time goes to: a try, not the benchmark's workload
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

import { corpusConfig, loadPlugin } from '../tests/corpus/lint.mjs';
import { loadParts } from './workloads.mjs';

const args = process.argv.slice(2);
const withStats = args.includes('--stats');
const packagesAt = args.indexOf('--packages');
const onlyPackages = packagesAt === -1 ? undefined : args[packagesAt + 1].split(',');
const [mode = 'syntactic', rulesName = 'none', count] = args.filter(
  (arg, index) => arg !== '--stats' && (packagesAt === -1 || (index !== packagesAt && index !== packagesAt + 1)),
);

/** The floor: creating the type checker, once per file (the parser's program keeps it after the first). */
const floorPlugin = {
  rules: {
    checker: {
      meta: { type: 'problem', schema: [] },
      create(context) {
        context.sourceCode.parserServices?.program?.getTypeChecker();
        return {};
      },
    },
  },
};

/** The rules and plugins of a RULES argument. */
async function ruleSet(name) {
  if (name === 'none') return { rules: {}, plugins: {} };
  if (name === 'floor') return { rules: { 'bench/checker': 'error' }, plugins: { bench: floorPlugin } };
  if (name === 'peer') {
    return {
      rules: { '@typescript-eslint/no-unsafe-type-assertion': 'error' },
      plugins: { '@typescript-eslint': tseslint.plugin },
    };
  }
  const plugin = await loadPlugin();
  if (name === 'recommended' || name === 'all') {
    return { rules: plugin.configs[name].rules, plugins: { defuse: plugin } };
  }
  const names = name.split(',');
  for (const each of names) if (!plugin.rules[each]) throw new Error(`unknown rule ${each}`);
  return {
    rules: Object.fromEntries(names.map((each) => [`defuse/${each}`, 'error'])),
    plugins: { defuse: plugin },
  };
}
const { rules, plugins } = await ruleSet(rulesName);

const parts = loadParts(count === undefined ? undefined : Number(count)).filter(
  (part) => !onlyPackages || onlyPackages.includes(part.entry.name),
);
const started = performance.now();
let files = 0;
let reports = 0;
let fatal = 0;
let parse = 0;
const own = {};
/** Per package: parse time and each rule's own time (with --stats). */
const byPackage = {};
for (const part of parts) {
  const eslint = new ESLint({
    cwd: part.root,
    overrideConfigFile: true,
    overrideConfig: corpusConfig(part.entry, { rules, plugins, typeAware: mode === 'type-aware', root: part.root }),
    ignore: false,
    allowInlineConfig: false,
    stats: withStats,
  });
  const results = await eslint.lintFiles(part.files);
  files += results.length;
  reports += results.reduce((sum, result) => sum + result.messages.length, 0);
  fatal += results.reduce((sum, result) => sum + result.fatalErrorCount, 0);
  const mine = (byPackage[part.entry.name] = { files: results.length, parse: 0, own: {} });
  for (const result of results) {
    for (const pass of result.stats?.times.passes ?? []) {
      parse += pass.parse?.total ?? 0;
      mine.parse += pass.parse?.total ?? 0;
      for (const [ruleId, time] of Object.entries(pass.rules ?? {})) {
        own[ruleId] = (own[ruleId] ?? 0) + time.total;
        mine.own[ruleId] = (mine.own[ruleId] ?? 0) + time.total;
      }
    }
  }
}
const lint = performance.now() - started;
console.log(
  JSON.stringify({
    mode,
    rules: rulesName,
    lint,
    sinceStart: performance.now(),
    files,
    reports,
    fatal,
    maxRssKb: process.resourceUsage().maxRSS,
    cpu: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
    ...(withStats ? { parse, own, byPackage } : {}),
  }),
);
