// The benchmark (npm run bench): what the defuse rules cost against the parse
// floor (ESLint with no rules) and against comparable rules of other plugins.
// Needs `npm run build` and `npm run corpus:install`. Writes bench/RESULTS.md.
//
// node bench/run.mjs [--rounds N] [--no-write]
//   --rounds N   timed rounds per workload (default 3); the median is reported
//   --only LIST  some of the workloads: typescript,cli,typed,memory (default: all)
//   --memory-rounds N  child-process runs for peak RSS and concurrency (default 1)
//
// In one process, the variants of a workload run interleaved (round 1: every
// variant, round 2: every variant, ...), after one untimed warm-up round, and
// the median is reported. Type-aware workloads reuse one TypeScript program
// across variants (typescript-eslint caches it), so after the warm-up every
// variant sees a warm type checker. Peak memory and --concurrency are measured
// in child processes. Nothing here is asserted: machines are noisy.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';
import nodePlugin from 'eslint-plugin-n';
import unicorn from 'eslint-plugin-unicorn';
import tseslint from 'typescript-eslint';

import { corpusConfig, loadPlugin } from '../tests/corpus/lint.mjs';
import { isInstalled, listFiles, packageRoot, readManifest, repoRoot } from '../tests/corpus/paths.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index === -1 ? fallback : args[index + 1];
};
const rounds = Number(option('--rounds', '3'));
const workloads = new Set(option('--only', 'typescript,cli,typed,memory').split(','));
const benchDir = path.dirname(fileURLToPath(import.meta.url));

const manifest = readManifest();
const byName = (name) => {
  const entry = manifest.find((candidate) => candidate.name === name);
  if (!entry || !isInstalled(entry)) throw new Error(`${name} is not installed: run npm run corpus:install`);
  return entry;
};

const plugin = await loadPlugin();
const defuseNames = Object.keys(plugin.rules);
const typeAwareDefuse = defuseNames.filter((name) => plugin.rules[name].meta.docs?.usesTypeInformation);
const plugins = { defuse: plugin, unicorn, n: nodePlugin, '@typescript-eslint': tseslint.plugin };
const only = (...ruleIds) => Object.fromEntries(ruleIds.map((ruleId) => [ruleId, 'error']));
const allDefuse = defuseNames.map((name) => `defuse/${name}`);

/** Peers: comparable rules of ESLint and other plugins, each run alone. */
const SYNTACTIC_PEERS = [
  'no-unreachable',
  'no-warning-comments',
  'no-process-exit',
  'no-throw-literal',
  'unicorn/no-process-exit',
  'n/no-process-exit',
];
const TYPE_AWARE_PEERS = ['@typescript-eslint/no-unsafe-type-assertion', '@typescript-eslint/no-floating-promises'];

/** Which peer each defuse rule is compared with. */
const PEER_OF = {
  'no-placeholder-throw': { syntactic: 'no-throw-literal', typeAware: '@typescript-eslint/no-unsafe-type-assertion' },
  'no-partial-state': { syntactic: 'no-throw-literal', typeAware: '@typescript-eslint/no-unsafe-type-assertion' },
  'no-exit-before-flush': { syntactic: 'n/no-process-exit', typeAware: '@typescript-eslint/no-floating-promises' },
  'no-zero-exit-on-fatal': {
    syntactic: 'unicorn/no-process-exit',
    typeAware: '@typescript-eslint/no-floating-promises',
  },
  'no-work-before-runtime': { syntactic: 'no-unreachable', typeAware: '@typescript-eslint/no-floating-promises' },
};

/** A workload: files of corpus packages, linted syntactically or type-aware. */
function workload(label, names, typeAware) {
  const parts = names.map((name) => {
    const entry = byName(name);
    const root = packageRoot(entry);
    const files = listFiles(entry, root).map((file) => ({
      path: path.join(root, file),
      text: readFileSync(path.join(root, file), 'utf8'),
    }));
    return { entry, root, files };
  });
  const files = parts.reduce((sum, part) => sum + part.files.length, 0);
  const lines = parts.reduce(
    (sum, part) => sum + part.files.reduce((n, file) => n + file.text.split('\n').length, 0),
    0,
  );
  return { label, parts, typeAware, files, lines };
}

/** Lints a workload with one variant's rules; returns wall ms and the rules' own ms from ESLint's stats. */
async function run(work, variant) {
  let wall = 0;
  const ruleMs = {};
  let parseMs = 0;
  for (const part of work.parts) {
    const eslint = (variant.instances[part.root] ??= new ESLint({
      cwd: part.root,
      overrideConfigFile: true,
      overrideConfig: corpusConfig(part.entry, {
        rules: variant.rules,
        plugins,
        typeAware: work.typeAware,
        root: part.root,
      }),
      ignore: false,
      allowInlineConfig: false,
      stats: true,
    }));
    for (const file of part.files) {
      const started = performance.now();
      const [result] = await eslint.lintText(file.text, { filePath: file.path });
      wall += performance.now() - started;
      for (const pass of result?.stats?.times.passes ?? []) {
        parseMs += pass.parse?.total ?? 0;
        for (const [ruleId, time] of Object.entries(pass.rules ?? {}))
          ruleMs[ruleId] = (ruleMs[ruleId] ?? 0) + time.total;
      }
    }
  }
  return { wall, parseMs, ruleMs };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Runs the variants interleaved: one warm-up round, then `rounds` timed rounds. */
async function measure(work, variants) {
  console.log(
    `\n${work.label}: ${work.files} files, ${work.lines} lines, ${variants.length} variants, ${rounds} rounds`,
  );
  for (const variant of variants) {
    variant.instances = {};
    variant.samples = [];
  }
  for (let round = 0; round <= rounds; round += 1) {
    for (const variant of variants) {
      const sample = await run(work, variant);
      if (round > 0) variant.samples.push(sample);
    }
    console.log(`  ${round === 0 ? 'warm-up' : `round ${round}`} done`);
  }
  return variants.map((variant) => {
    const ruleIds = Object.keys(variant.rules);
    return {
      name: variant.name,
      rules: ruleIds,
      wall: median(variant.samples.map((sample) => sample.wall)),
      parse: median(variant.samples.map((sample) => sample.parseMs)),
      ruleMs: Object.fromEntries(
        ruleIds.map((ruleId) => [ruleId, median(variant.samples.map((s) => s.ruleMs[ruleId] ?? 0))]),
      ),
    };
  });
}

const ms = (value) => `${value.toFixed(0)} ms`;
const pct = (value) => `${(value * 100).toFixed(1)}%`;
const ratio = (value) => `${value.toFixed(2)}×`;

/** A markdown table: each variant's wall time, its rules' own time, and ratios to the floor and the peer. */
function table(results, { peerOf }) {
  const floor = results.find((result) => result.name === 'parse floor');
  const rows = [
    "| variant | wall (median) | wall − floor | rules' own time (ESLint stats) | own time / floor | vs peer (own time) |",
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const result of results) {
    const own = Object.values(result.ruleMs).reduce((sum, value) => sum + value, 0);
    const peerName = peerOf(result.name);
    const peer = peerName && results.find((candidate) => candidate.name === peerName);
    const peerOwn = peer ? Object.values(peer.ruleMs).reduce((sum, value) => sum + value, 0) : undefined;
    rows.push(
      `| ${result.name} | ${ms(result.wall)} | ${result === floor ? '' : ms(result.wall - floor.wall)} | ` +
        `${result === floor ? '' : ms(own)} | ${result === floor ? '' : pct(own / floor.wall)} | ` +
        `${peer && peerOwn > 0 ? `${ratio(own / peerOwn)} \`${peerName}\`` : ''} |`,
    );
  }
  return rows.join('\n');
}

const variant = (name, rules) => ({ name, rules: only(...rules) });
const sections = [];
const targets = [];

// 1. typescript.js: one ~9 MB file, syntactic. The floor and one run with every
//    syntactic rule (ours and the peers); each rule's own time comes from ESLint's stats.
if (workloads.has('typescript')) {
  const work = workload('typescript.js (syntactic)', ['typescript'], false);
  const results = await measure(work, [
    variant('parse floor', []),
    variant('all defuse rules', allDefuse),
    variant('all peers', SYNTACTIC_PEERS),
  ]);
  const floor = results[0];
  const ours = results[1];
  const perRule = Object.entries(ours.ruleMs)
    .map(([ruleId, time]) => `| \`${ruleId}\` | ${ms(time)} | ${pct(time / floor.wall)} |`)
    .concat(
      Object.entries(results[2].ruleMs).map(
        ([ruleId, time]) => `| \`${ruleId}\` (peer) | ${ms(time)} | ${pct(time / floor.wall)} |`,
      ),
    );
  const ownTotal = Object.values(ours.ruleMs).reduce((sum, value) => sum + value, 0);
  targets.push(
    `- All defuse rules together on \`typescript.js\` (target ≤ 5% of the parse floor): rules' own time ${ms(ownTotal)} = ` +
      `**${pct(ownTotal / floor.wall)}** of the floor (${ms(floor.wall)}); wall time with the rules − floor: ${ms(ours.wall - floor.wall)} ` +
      `(${pct((ours.wall - floor.wall) / floor.wall)}). ${ownTotal / floor.wall <= 0.05 ? 'Met.' : '**Not met.**'}`,
  );
  sections.push(
    `## typescript.js (${work.lines.toLocaleString('en')} lines in one file, syntactic)\n\n` +
      `${table(results, { peerOf: () => undefined })}\n\nEach rule's own time inside those runs (median of ${rounds}):\n\n` +
      `| rule | own time | / parse floor |\n| --- | ---: | ---: |\n${perRule.join('\n')}`,
  );
}

// 2. The CLI packages (many small CommonJS files, syntactic): each rule alone.
if (workloads.has('cli')) {
  const names = manifest.filter((entry) => entry.ci).map((entry) => entry.name);
  const work = workload(`CLI and worker packages (syntactic): ${names.join(', ')}`, names, false);
  const results = await measure(work, [
    variant('parse floor', []),
    ...defuseNames.map((name) => variant(`defuse/${name}`, [`defuse/${name}`])),
    variant('all defuse rules', allDefuse),
    ...SYNTACTIC_PEERS.map((ruleId) => variant(ruleId, [ruleId])),
  ]);
  sections.push(
    `## ${work.label}\n\n${work.files} files, ${work.lines.toLocaleString('en')} lines.\n\n` +
      table(results, { peerOf: (name) => PEER_OF[name.replace('defuse/', '')]?.syntactic }),
  );
}

// 3. The TypeScript corpus, type-aware: our rules with type information against
//    typescript-eslint's type-aware rules.
if (workloads.has('typed')) {
  const names = ['rxjs', '@reduxjs/toolkit'];
  const work = workload(`TypeScript corpus (type-aware): ${names.join(', ')}`, names, true);
  const results = await measure(work, [
    variant('parse floor', []),
    ...defuseNames.map((name) => variant(`defuse/${name}`, [`defuse/${name}`])),
    ...TYPE_AWARE_PEERS.map((ruleId) => variant(ruleId, [ruleId])),
  ]);
  const partial = results.find((result) => result.name === 'defuse/no-partial-state');
  const assertion = results.find((result) => result.name === '@typescript-eslint/no-unsafe-type-assertion');
  if (partial && assertion) {
    const own = (result) => Object.values(result.ruleMs).reduce((sum, value) => sum + value, 0);
    targets.push(
      `- \`no-partial-state\` (type-aware) ≤ \`no-unsafe-type-assertion\` on the TypeScript corpus: ${ms(own(partial))} vs ` +
        `${ms(own(assertion))} (**${ratio(own(partial) / own(assertion))}**). ${own(partial) <= own(assertion) ? 'Met.' : '**Not met.**'}`,
    );
  }
  sections.push(
    `## ${work.label}\n\n${work.files} files, ${work.lines.toLocaleString('en')} lines; type-aware rules: ` +
      `${typeAwareDefuse.map((name) => `\`${name}\``).join(', ')}.\n\n` +
      table(results, { peerOf: (name) => PEER_OF[name.replace('defuse/', '')]?.typeAware }),
  );
}

// 4. Peak memory and --concurrency, in child processes (bench/memory-child.mjs).
function child(mode, concurrency) {
  const output = execFileSync(process.execPath, [path.join(benchDir, 'memory-child.mjs'), mode, concurrency], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  return JSON.parse(output.trim().split('\n').at(-1));
}

if (workloads.has('memory')) {
  console.log('\nmemory and concurrency (child processes, happy-dom, syntactic)');
  const runs = { none: [], defuse: [], concurrent: [] };
  // One round by default: each child lints every file of happy-dom.
  const memoryRounds = Number(option('--memory-rounds', '1'));
  for (let round = 0; round < memoryRounds; round += 1) {
    runs.none.push(child('none', 'serial'));
    runs.defuse.push(child('defuse', 'serial'));
    runs.concurrent.push(child('defuse', '2'));
    console.log(`  round ${round + 1} done`);
  }
  const rss = (list) => median(list.map((run) => run.maxRssKb)) / 1024;
  const wall = (list) => median(list.map((run) => run.wall));
  const files = runs.none[0].files;
  targets.push(
    `- Peak RSS with every defuse rule ≤ 1.1× without: ${rss(runs.defuse).toFixed(0)} MB vs ${rss(runs.none).toFixed(0)} MB ` +
      `(**${ratio(rss(runs.defuse) / rss(runs.none))}**). ${rss(runs.defuse) / rss(runs.none) <= 1.1 ? 'Met.' : '**Not met.**'}`,
  );
  sections.push(
    `## Memory and concurrency (happy-dom, ${files} files, syntactic, \`lintFiles\` in a child process)\n\n` +
      `| run | wall (median) | peak RSS (median) |\n| --- | ---: | ---: |\n` +
      `| no rules, serial | ${ms(wall(runs.none))} | ${rss(runs.none).toFixed(0)} MB |\n` +
      `| all defuse rules, serial | ${ms(wall(runs.defuse))} | ${rss(runs.defuse).toFixed(0)} MB |\n` +
      `| all defuse rules, \`concurrency: 2\` | ${ms(wall(runs.concurrent))} | ${rss(runs.concurrent).toFixed(0)} MB (main thread and workers: one process) |\n\n` +
      `\`concurrency: 2\` / serial wall time: **${ratio(wall(runs.concurrent) / wall(runs.defuse))}**.`,
  );
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const load = os
  .loadavg()
  .map((value) => value.toFixed(1))
  .join(', ');
let revision = 'unknown';
try {
  revision = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
} catch {
  // Not a git checkout.
}
const eslintVersion = JSON.parse(readFileSync(path.join(repoRoot, 'node_modules/eslint/package.json'), 'utf8')).version;
const report = `# Benchmark results

Produced by \`npm run bench\` (bench/run.mjs); numbers are machine- and load-dependent and never asserted in tests.

- Date: ${new Date().toISOString()}
- Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB, ${os.type()} ${os.release()}; load average at the end: ${load}
- Node ${process.version}, ESLint ${eslintVersion}, commit ${revision}
- Method: variants interleaved in one process, one warm-up round, median of ${rounds} rounds. "Wall" is the time of \`ESLint#lintText\` over every file; "own time" is what ESLint's \`stats\` attribute to the variant's rules (their listeners), which is less noisy than a difference of two wall times. Ratios are to the parse floor (ESLint with no rules: parse, scope and code-path analysis, traversal) and to the peer rule named.
- Peers: ${[...SYNTACTIC_PEERS, ...TYPE_AWARE_PEERS].map((ruleId) => `\`${ruleId}\``).join(', ')} (eslint-plugin-unicorn ${JSON.parse(readFileSync(path.join(repoRoot, 'node_modules/eslint-plugin-unicorn/package.json'), 'utf8')).version}, eslint-plugin-n ${JSON.parse(readFileSync(path.join(repoRoot, 'node_modules/eslint-plugin-n/package.json'), 'utf8')).version}).

## Targets

${targets.join('\n')}

${sections.join('\n\n')}
`;
console.log(`\n${report}`);
if (!args.includes('--no-write')) {
  writeFileSync(path.join(benchDir, 'RESULTS.md'), report);
  console.log('wrote bench/RESULTS.md');
}
