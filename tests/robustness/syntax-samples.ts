// One file per syntax family TypeScript 6 parses, each mixing in the shapes the
// rules look at (process exits, placeholder throws, object builders, runtime
// imports) so that every rule meets them in unusual positions.

export interface Sample {
  /** File name: the extension decides how it is parsed. */
  name: string;
  code: string;
}

const rawSamples: Sample[] = [
  {
    name: 'decorators.ts',
    code: `
function logged<T>(value: T, context: ClassMethodDecoratorContext | ClassFieldDecoratorContext): T {
  void context;
  return value;
}
function sealed(target: unknown, context: ClassDecoratorContext) { void target; void context; }
@sealed
export class Controller {
  @logged accessor count = 0;
  @logged field = {} as { a: number };
  @logged
  handle(): never {
    throw new Error('not implemented');
  }
  @logged static create(): Controller { return new Controller(); }
}
`,
  },
  {
    name: 'using.ts',
    code: `
class Resource implements Disposable, AsyncDisposable {
  [Symbol.dispose]() { console.log('closed'); }
  async [Symbol.asyncDispose]() { console.error('closed'); process.exit(1); }
}
export async function main() {
  using first = new Resource();
  await using second = new Resource();
  void first; void second;
  console.log('done');
  process.exit(0);
}
{
  using scoped = new Resource();
  if (scoped) throw new Error('TODO');
}
for (using item of [new Resource()]) void item;
for (await using item of [new Resource()]) void item;
`,
  },
  {
    name: 'types.ts',
    code: `
interface Config { name: string; port: number; nested: { deep: boolean } }
export const config = { name: 'a', port: 1, nested: { deep: true } } satisfies Config;
export const partial = {} as Config;
partial.name = 'x';
export const asserted = <Config>{};
export const nonNull = null!;
export const doubled = ({} as unknown) as Config;
type Mapped<T> = { readonly [K in keyof T as \`get\${Capitalize<string & K>}\`]-?: () => T[K] };
type Cond<T> = T extends (infer U)[] ? U : never;
export type Labeled = [first: string, second?: number, ...rest: boolean[]];
declare const unique: unique symbol;
export function assertIsString(value: unknown): asserts value is string {
  if (typeof value !== 'string') throw new TypeError('not implemented for ' + typeof value);
}
export function identity<const T>(value: T): T { return value; }
interface Producer<out T> { make(): T }
interface Consumer<in T> { take(value: T): void }
export let definite!: string;
export type { Mapped, Cond, Producer, Consumer };
export const symbolKey: typeof unique = unique;
export const enumLike = { A: 1 } as const;
export abstract class Shape { abstract area(): number; protected constructor(public readonly name: string) {} }
export type Ctor = abstract new () => Shape;
`,
  },
  {
    name: 'enums-namespaces.ts',
    code: `
export enum Color { Red, Green = 'green', Blue = Red + 2 }
export const enum Flags { None = 0, A = 1 << 0, B = 1 << 1, AB = A | B }
export declare enum Ambient { X }
export namespace Outer.Inner {
  export const value = 1;
  export function fail(): never { throw new Error('TODO: implement Outer.Inner.fail'); }
  namespace Hidden { export const secret = process.exitCode; }
}
declare module 'some-module' {
  export function thing(): void;
  const value: number;
  export default value;
}
declare global {
  interface Window { defuse: boolean }
  var placeholder: never;
}
module Legacy { export const old = true; }
import Alias = Outer.Inner;
export const aliased = Alias.value;
`,
  },
  {
    name: 'classes.ts',
    code: `
export abstract class Base {
  #secret = 1;
  static #count = 0;
  static {
    Base.#count += 1;
    if (Math.random() > 2) throw new Error('unreachable TODO');
  }
  declare readonly brand: 'base';
  private optional?: string;
  protected abstract run(): Promise<void>;
  get secret(): number { return this.#secret; }
  set secret(value: number) { this.#secret = value; }
  has(other: object): boolean { return #secret in other; }
  static get count() { return Base.#count; }
  overloaded(value: string): string;
  overloaded(value: number): number;
  overloaded(value: string | number): string | number {
    throw new Error('Method not implemented.');
  }
  constructor(private readonly dependency: { close(): void }, public name = 'base') {}
}
export class Derived extends Base {
  override async run(): Promise<void> {
    console.log(this.name);
    process.exit(2);
  }
  accessor tracked = 0;
  *[Symbol.iterator]() { yield 1; }
}
export const Anonymous = class extends Base { protected async run() {} };
export function overload(a: string): void;
export function overload(a: number): void;
export function overload(a: unknown): void { void a; }
`,
  },
  {
    name: 'control-flow.ts',
    code: `
export async function* stream(limit: number) {
  outer: for (let i = 0; i < limit; i += 1) {
    inner: for (const j of [1, 2]) {
      if (j === i) continue outer;
      if (j > i) break inner;
      yield* [i, j];
    }
  }
  for await (const chunk of stream(limit - 1)) yield chunk;
}
export function* generator(): Generator<number, void, string> {
  const received = yield 1;
  if (received === 'stop') return;
  try {
    yield 2;
  } finally {
    console.error('finally');
    process.exitCode = 1;
  }
}
export function chain(value?: { a?: { b?: () => number } | null }) {
  const n = value?.a?.b?.() ?? 0;
  let x = n;
  x ||= 1; x &&= 2; x ??= 3; x **= 2;
  label: {
    if (x > 2) break label;
    throw new Error('TODO');
  }
  switch (x) {
    case 1:
      console.log('one');
      process.exit(1);
    case 2: {
      throw new Error('not implemented');
    }
    default:
      return x;
  }
}
export function loops() {
  let i = 0;
  do { i++; if (i > 10) process.exit(3); } while (true);
}
export const big = 1_000n ** 2n;
export const regex = /[\\p{L}--\\p{Ll}]/v;
export const meta = import.meta.url;
export const later = await import('node:fs');
export function target() { return new.target; }
try { JSON.parse('{'); } catch { console.error('bad'); process.exit(1); } finally { console.log('end'); }
debugger;
`,
  },
  {
    name: 'component.tsx',
    code: `
import { useState, type ReactNode } from 'react';
export function App<T,>({ items, render }: { items: T[]; render: (item: T) => ReactNode }) {
  const [state, setState] = useState({} as { open: boolean });
  if (!items) throw new Error('TODO: empty state');
  return (
    <>
      <ns:tag attr="x" />
      <div onClick={() => setState({ open: !state.open })} {...{ title: 'spread' }}>
        {items.map((item) => render(item))}
        {state.open ? <span>open</span> : null}
      </div>
    </>
  );
}
`,
  },
  {
    name: 'component.jsx',
    code: `
export function Legacy({ children }) {
  if (!children) throw new Error('not implemented');
  return <section>{children}<br /></section>;
}
`,
  },
  {
    name: 'module.mts',
    code: `
import data from './data.json' with { type: 'json' };
import type { Readable } from 'node:stream';
import { parentPort, isMainThread } from 'node:worker_threads';
import { app, BrowserWindow } from 'electron';
export * as fs from 'node:fs';
export type { Readable };
const window = new BrowserWindow();
app.whenReady().then(() => new BrowserWindow());
parentPort?.postMessage(data);
if (!isMainThread) process.exit(0);
export const id = crypto.randomUUID();
export const random = Math.random();
export default window;
`,
  },
  {
    name: 'module.cts',
    code: `
import fs = require('node:fs');
import type { Stats } from 'node:fs';
const { exit } = process;
const proc = require('node:process');
function main(): void {
  const stats: Stats | undefined = fs.existsSync('x') ? fs.statSync('x') : undefined;
  if (!stats) {
    process.stderr.write('missing\\n');
    exit(1);
  }
  proc.exit(0);
}
main();
export = main;
`,
  },
  {
    name: 'script.cjs',
    code: `
#!/usr/bin/env node
const { defineStore } = require('pinia');
const useStore = defineStore('main', { state: () => ({}) });
useStore();
with (Math) { void random(); }
function legacy() { return arguments.length; }
var sloppy = 'no strict mode here';
console.error('fatal: ' + legacy());
process.exit(0);
module.exports = { useStore };
`,
  },
  {
    name: 'script.mjs',
    code: `
import process, { exit, argv } from 'node:process';
import * as proc from 'process';
import { createPinia, defineStore } from 'pinia';
const useStore = defineStore('x', {});
useStore();
export const pinia = createPinia();
const log = console.log;
log('starting', argv.length);
if (argv.length > 5) { console.error('too many'); exit(1); }
proc.default.exitCode = 2;
await new Promise((resolve) => setTimeout(resolve, 0));
process.stdout.write('bye', () => process.exit(0));
process.on('uncaughtException', (error) => { console.error(error); process.exit(0); });
`,
  },
];

// The templates start on their own line; a hashbang must be the file's first characters.
export const samples: Sample[] = rawSamples.map((sample) => ({ ...sample, code: sample.code.replace(/^\n/, '') }));
