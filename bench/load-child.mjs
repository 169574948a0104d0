// One child run of the load and memory benchmark (bench/run.mjs): lints the
// 2,000 files of bench/workloads.mjs, syntactically or type-aware, with the
// plugin's recommended rules, every rule, or none, and prints one JSON line:
// the time to lint, the time since the process started (imports included),
// and the peak RSS. With `none` the plugin is never imported, as in a project
// without it.
// Usage: node bench/load-child.mjs syntactic|type-aware none|recommended|all [file count]
import { ESLint } from 'eslint';

import { corpusConfig, loadPlugin } from '../tests/corpus/lint.mjs';
import { loadParts } from './workloads.mjs';

const [mode = 'syntactic', rulesName = 'none', count] = process.argv.slice(2);
const plugin = rulesName === 'none' ? undefined : await loadPlugin();
const rules = plugin ? plugin.configs[rulesName === 'all' ? 'all' : 'recommended'].rules : {};

const parts = loadParts(count === undefined ? undefined : Number(count));
const started = performance.now();
let files = 0;
let reports = 0;
let fatal = 0;
for (const part of parts) {
  const eslint = new ESLint({
    cwd: part.root,
    overrideConfigFile: true,
    overrideConfig: corpusConfig(part.entry, {
      rules,
      plugins: plugin ? { defuse: plugin } : {},
      typeAware: mode === 'type-aware',
      root: part.root,
    }),
    ignore: false,
    allowInlineConfig: false,
  });
  const results = await eslint.lintFiles(part.files);
  files += results.length;
  reports += results.reduce((sum, result) => sum + result.messages.length, 0);
  fatal += results.reduce((sum, result) => sum + result.fatalErrorCount, 0);
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
  }),
);
