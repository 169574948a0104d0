// One child run of the type-aware benchmark (bench/run.mjs): lints a corpus
// package's sources with type information and ONE rule, once, in a fresh process, so
// that the rule pays for every type-checker question it asks and for no other
// rule's. Prints one JSON line: the rule's own time from ESLint's stats, the
// parse time (program creation included), the time to lint, the reports.
// Usage: node bench/typed-child.mjs <package> <rule id> [file count]
import path from 'node:path';

import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

import { corpusConfig, loadPlugin } from '../tests/corpus/lint.mjs';
import { listFiles, packageRoot } from '../tests/corpus/paths.mjs';
import { installedEntry } from './workloads.mjs';

const [name, ruleId = '', count] = process.argv.slice(2);
const entry = installedEntry(name);
const root = packageRoot(entry);
const plugins = ruleId.startsWith('defuse/')
  ? { defuse: await loadPlugin() }
  : { '@typescript-eslint': tseslint.plugin };
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: corpusConfig(entry, { rules: { [ruleId]: 'error' }, plugins, typeAware: true, root }),
  ignore: false,
  allowInlineConfig: false,
  stats: true,
});
const files = listFiles(entry, root)
  .slice(0, count === undefined ? undefined : Number(count))
  .map((file) => path.join(root, file));
const started = performance.now();
const results = await eslint.lintFiles(files);
const lint = performance.now() - started;
let own = 0;
let parse = 0;
for (const result of results) {
  for (const pass of result.stats?.times.passes ?? []) {
    parse += pass.parse?.total ?? 0;
    own += pass.rules?.[ruleId]?.total ?? 0;
  }
}
console.log(
  JSON.stringify({
    ruleId,
    own,
    parse,
    lint,
    files: results.length,
    reports: results.reduce((sum, result) => sum + result.messages.length, 0),
    fatal: results.reduce((sum, result) => sum + result.fatalErrorCount, 0),
  }),
);
