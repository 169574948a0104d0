// The profiler: where each rule's time goes. Runs bench/profile-child.mjs
// under `node --cpu-prof` once per rule (each rule alone) and prints, per
// rule, the time under the plugin's own frames and its hot spots: the
// plugin's functions by inclusive time, and every function (the plugin's,
// ESLint's, eslint-utils', TypeScript's) by self time within the rule.
// Needs `npm run build` and `npm run corpus:install`. Findings go to
// bench/PROFILE.md; the profiles stay in .corpus-cache/profiles/.
//
// node bench/profile.mjs cli|typed [rule ...] [--top N] [--repeats N] [--reuse]
//   rule         defuse rule names (default: every rule of the plugin)
//   --top N      rows per table (default 12)
//   --repeats N  passes over the command-line packages (default 10)
//   --reuse      analyse the profiles of the last run again instead of profiling
// node bench/profile.mjs --analyse FILE.cpuprofile [--top N]
//   ranks the hot spots of any profile of a lint (a growth child's, say)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { loadPlugin } from '../tests/corpus/lint.mjs';
import { cacheDir, repoRoot } from '../tests/corpus/paths.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index === -1 ? fallback : args[index + 1];
};
const positional = args.filter(
  (arg, index) => !arg.startsWith('--') && !['--top', '--repeats', '--analyse'].includes(args[index - 1] ?? ''),
);
const [workload = 'cli', ...named] = positional;
if (workload !== 'cli' && workload !== 'typed') throw new Error(`unknown workload ${workload}: cli, typed`);
const top = Number(option('--top', '12'));
const repeats = option('--repeats', '10');
const benchDir = path.dirname(fileURLToPath(import.meta.url));
const plugin = await loadPlugin();
const rules = named.length > 0 ? named : Object.keys(plugin.rules);

const distDir = `${path.join(repoRoot, 'dist')}${path.sep}`;
const nodeModules = `${path.join(repoRoot, 'node_modules')}${path.sep}`;

/** `file.js:line` relative to dist/ or node_modules/, for a profile's frame URL. */
function where(url, line) {
  const file = url.startsWith('file://') ? fileURLToPath(url) : url;
  const short = file.startsWith(distDir)
    ? `dist/${file.slice(distDir.length)}`
    : file.startsWith(nodeModules)
      ? file.slice(nodeModules.length)
      : file || '(native)';
  return `${short}:${line + 1}`;
}

const fileOf = (frame) => (frame.url.startsWith('file://') ? fileURLToPath(frame.url) : frame.url);
const isPluginFrame = (frame) => fileOf(frame).startsWith(distDir);
// The rule's time is what ESLint's linter calls into: not the plugin's import.
const linterDir = `${path.join(nodeModules, 'eslint', 'lib', 'linter')}${path.sep}`;
const isLinterFrame = (frame) => fileOf(frame).startsWith(linterDir);

/**
 * Reads a .cpuprofile: the total sampled time, the rule's time (samples with
 * a plugin frame called from ESLint's linter on the stack), garbage
 * collection, and the rule's hot spots.
 */
function analyse(file) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const key = (node) =>
    `${node.callFrame.functionName || '(anonymous)'} ${where(node.callFrame.url, node.callFrame.lineNumber)}`;

  const self = new Map();
  const inclusive = new Map();
  const calls = new Map();
  let total = 0;
  let inRule = 0;
  let gc = 0;
  profile.samples.forEach((id, index) => {
    const delta = (profile.timeDeltas[index] ?? 0) / 1000;
    total += delta;
    const leaf = byId.get(id);
    if (leaf.callFrame.functionName === '(garbage collector)') gc += delta;
    // The stack from the leaf up: is a plugin frame on it, and which plugin functions (each once).
    const seen = new Set();
    let linterOnStack = false;
    // The outermost frame the plugin called, below its innermost own frame: what it asks others to do.
    let callee;
    let below = leaf;
    for (let node = leaf; node; node = byId.get(parent.get(node.id))) {
      if (isLinterFrame(node.callFrame)) linterOnStack = true;
      if (isPluginFrame(node.callFrame)) {
        if (seen.size === 0) callee = node === leaf ? '(the plugin itself)' : key(below);
        seen.add(key(node));
      }
      below = node;
    }
    if (seen.size === 0 || !linterOnStack) return;
    for (const name of seen) inclusive.set(name, (inclusive.get(name) ?? 0) + delta);
    calls.set(callee, (calls.get(callee) ?? 0) + delta);
    inRule += delta;
    self.set(key(leaf), (self.get(key(leaf)) ?? 0) + delta);
  });
  const ranked = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top);
  return { total, inRule, gc, self: ranked(self), inclusive: ranked(inclusive), calls: ranked(calls) };
}

const ms = (value) => `${value.toFixed(0)} ms`;
const share = (value, whole) => `${((value / whole) * 100).toFixed(1)}%`;

function print(title, result, detail) {
  console.log(
    `## ${title}\n\nsampled ${ms(result.total)}; under the plugin's frames ${ms(result.inRule)} ` +
      `(${share(result.inRule, result.total)}); garbage collection ${ms(result.gc)} (not attributed); ${detail}\n`,
  );
  const tables = [
    ['plugin function (inclusive)', result.inclusive],
    ['called by the plugin (inclusive)', result.calls],
    ['function (self time, within the rule)', result.self],
  ];
  for (const [heading, rows] of tables) {
    console.log(`| ${heading} | ms | % of rule |\n| --- | ---: | ---: |`);
    for (const [name, time] of rows) console.log(`| \`${name}\` | ${ms(time)} | ${share(time, result.inRule)} |`);
    console.log('');
  }
}

/** Profiles each rule alone in a child process, or analyses the last run's profiles again (`--reuse`). */
function profileRules() {
  console.log(`# Profile: ${workload}, each rule alone\n`);
  for (const name of rules) profileRule(name);
}

function profileRule(name) {
  const ruleId = `defuse/${name}`;
  const dir = path.join(cacheDir, 'profiles', workload, name);
  const reuse = args.includes('--reuse') && existsSync(dir);
  if (!reuse) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const run = spawnSync(
      process.execPath,
      [
        '--cpu-prof',
        `--cpu-prof-dir=${dir}`,
        '--cpu-prof-interval=250',
        path.join(benchDir, 'profile-child.mjs'),
        workload,
        ruleId,
        repeats,
      ],
      { encoding: 'utf8', maxBuffer: 1 << 26 },
    );
    if (run.status !== 0) {
      console.log(`## ${ruleId}\n\nfailed: ${(run.stderr || '').trim().split('\n')[0]}\n`);
      return;
    }
    writeFileSync(path.join(dir, 'child.json'), run.stdout.trim().split('\n').at(-1));
  }
  const profileFile = readdirSync(dir).find((file) => file.endsWith('.cpuprofile'));
  if (!profileFile) {
    console.log(`## ${ruleId}\n\nno profile in ${dir}\n`);
    return;
  }
  const childFile = path.join(dir, 'child.json');
  const lint = existsSync(childFile) ? JSON.parse(readFileSync(childFile, 'utf8')) : { reports: '?' };
  const result = analyse(path.join(dir, profileFile));
  print(ruleId, result, `${lint.reports} reports; profile: ${path.relative(repoRoot, path.join(dir, profileFile))}`);
}

const single = option('--analyse', undefined);
if (single) print(path.basename(single), analyse(single), `profile: ${single}`);
else profileRules();
