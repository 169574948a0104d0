// One child run of the benchmark (bench/run.mjs): lints happy-dom with every
// defuse rule or with none, serially or with worker threads, and prints its
// wall time and peak RSS as JSON. A config file, not inline options, because
// `concurrency` needs options that can be sent to worker threads.
// Usage: node bench/memory-child.mjs none|defuse serial|<threads>
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { ESLint } from 'eslint';

import { cacheDir, packageRoot, readManifest, repoRoot } from '../tests/corpus/paths.mjs';

const [mode = 'none', concurrency = 'serial'] = process.argv.slice(2);
const entry = readManifest().find((candidate) => candidate.name === 'happy-dom');
const { default: plugin } = await import(pathToFileURL(path.join(repoRoot, 'dist/index.js')).href);

const workDir = path.join(cacheDir, 'bench');
mkdirSync(workDir, { recursive: true });
const configFile = path.join(workDir, `${mode}.config.mjs`);
const rules =
  mode === 'defuse' ? Object.fromEntries(Object.keys(plugin.rules).map((name) => [`defuse/${name}`, 'error'])) : {};
const url = (file) => pathToFileURL(path.join(repoRoot, file)).href;
writeFileSync(
  configFile,
  `import * as tsParser from '${url('node_modules/@typescript-eslint/parser/dist/index.js')}';\n` +
    `import defuse from '${url('dist/index.js')}';\n` +
    `export default [\n` +
    `  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },\n` +
    `  { plugins: { defuse }, rules: ${JSON.stringify(rules)} },\n` +
    `];\n`,
);

const eslint = new ESLint({
  cwd: packageRoot(entry),
  overrideConfigFile: configFile,
  ignore: false,
  allowInlineConfig: false,
  concurrency: concurrency === 'serial' ? 'off' : Number(concurrency),
});
const started = performance.now();
const results = await eslint.lintFiles(entry.include);
const wall = performance.now() - started;
const reports = results.reduce((sum, result) => sum + result.messages.length, 0);
console.log(JSON.stringify({ wall, files: results.length, reports, maxRssKb: process.resourceUsage().maxRSS }));
