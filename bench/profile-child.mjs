// One child run of the profiler (bench/profile.mjs), started under
// `node --cpu-prof`: lints a workload with ONE rule. `cli`: the command-line
// packages, syntactic, `repeats` times (small files: repeating gives the
// sampler enough to see). `typed`: the type-aware package once, in a fresh
// process, so that the rule's type-checker questions are all cold.
// Usage: node --cpu-prof bench/profile-child.mjs cli|typed <rule id> [repeats]
import path from 'node:path';

import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

import { corpusConfig, loadPlugin } from '../tests/corpus/lint.mjs';
import { listFiles, packageRoot } from '../tests/corpus/paths.mjs';
import { CLI_PACKAGES, installedEntry, TYPED_PACKAGE } from './workloads.mjs';

const [workload = 'cli', ruleId = '', repeats = '10'] = process.argv.slice(2);
const plugins = ruleId.startsWith('defuse/')
  ? { defuse: await loadPlugin() }
  : { '@typescript-eslint': tseslint.plugin };
const typeAware = workload === 'typed';
const runs = (typeAware ? [TYPED_PACKAGE] : CLI_PACKAGES).map((name) => {
  const entry = installedEntry(name);
  const root = packageRoot(entry);
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: corpusConfig(entry, { rules: { [ruleId]: 'error' }, plugins, typeAware, root }),
    ignore: false,
    allowInlineConfig: false,
  });
  return { eslint, files: listFiles(entry, root).map((file) => path.join(root, file)) };
});
const started = performance.now();
let reports = 0;
for (let round = 0; round < (typeAware ? 1 : Number(repeats)); round += 1) {
  for (const run of runs) {
    for (const result of await run.eslint.lintFiles(run.files)) reports += result.messages.length;
  }
}
console.log(JSON.stringify({ workload, ruleId, lint: performance.now() - started, reports }));
