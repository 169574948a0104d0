// One child run of the import benchmark (bench/run.mjs): imports one plugin in
// a fresh process, as an ESLint config does (ESLint itself is loaded first,
// untimed), and prints one JSON line: how long the plugin's `import()` took,
// how many CommonJS modules it added, and whether it loaded the TypeScript
// compiler.
// Usage: node bench/import-child.mjs <module specifier or file URL>
import 'eslint';

import { createRequire } from 'node:module';

const [specifier = ''] = process.argv.slice(2);
const { cache } = createRequire(import.meta.url);
const before = Object.keys(cache).length;
const started = performance.now();
await import(specifier);
const ms = performance.now() - started;
// `typescript` is CommonJS: once loaded, by `require` or `import`, it is in the require cache.
const loaded = Object.keys(cache);
const typescript = loaded.some((file) => /[\\/]node_modules[\\/]typescript[\\/]lib[\\/]typescript\.js$/.test(file));
console.log(JSON.stringify({ specifier, ms, typescript, commonjsModules: loaded.length - before }));
