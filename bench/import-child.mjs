// One child run of the import benchmark (bench/run.mjs): imports one plugin in
// a fresh process and prints one JSON line: how long `import()` took, and
// whether it loaded the TypeScript compiler.
// Usage: node bench/import-child.mjs <module specifier or file URL>
import { createRequire } from 'node:module';

const [specifier = ''] = process.argv.slice(2);
const started = performance.now();
await import(specifier);
const ms = performance.now() - started;
// `typescript` is CommonJS: once loaded, by `require` or `import`, it is in the require cache.
const loaded = Object.keys(createRequire(import.meta.url).cache);
const typescript = loaded.some((file) => /[\\/]node_modules[\\/]typescript[\\/]lib[\\/]typescript\.js$/.test(file));
console.log(JSON.stringify({ specifier, ms, typescript, commonjsModules: loaded.length }));
