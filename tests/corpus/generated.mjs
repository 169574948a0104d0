// Generated edge-case sources: deeply nested code and large files, built in
// memory so nothing large is committed.

/** `levels` nested blocks/expressions of several kinds, each with a statement inside. */
export function deeplyNested(levels) {
  const kinds = [
    ['if (a) {', '}'],
    ['{', '}'],
    ['while (b) {', '}'],
    ['try {', '} catch {}'],
  ];
  let open = '';
  let close = '';
  for (let level = 0; level < levels; level += 1) {
    const [start, end] = kinds[level % kinds.length];
    open += `${start}\n`;
    close = `${end}\n${close}`;
  }
  return `let a = 1, b = 0;\n${open}throw new Error('TODO');\n${close}`;
}

/** An expression nested `levels` deep: `(((…1…)))` as a call argument chain. */
export function deeplyNestedExpression(levels) {
  return `export const value = ${'f('.repeat(levels)}1${')'.repeat(levels)};\nfunction f(x) { return x; }\n`;
}

/**
 * A syntactically varied module of about `bytes` bytes: each block has
 * functions, classes, process exits after logging, placeholders, object
 * builders and async code, so every rule has something to look at.
 */
export function largeModule(bytes) {
  const blocks = [];
  let size = 0;
  for (let index = 0; size < bytes; index += 1) {
    const block = `
import * as mod${index} from 'node:fs';
const state${index} = {};
state${index}.count = ${index};
export function work${index}(input) {
  if (!input) {
    console.error('missing input ${index}');
    process.exit(1);
  }
  for (let i = 0; i < input.length; i += 1) {
    if (input[i] === ${index}) return i;
  }
  switch (input.kind) {
    case 'a': return mod${index}.existsSync('a');
    case 'b': throw new Error('not implemented');
    default: return state${index};
  }
}
export class Service${index} {
  #value = ${index};
  static { this.created = Date.now(); }
  get value() { return this.#value; }
  async run() {
    try {
      await Promise.resolve(this.#value);
    } catch (error) {
      console.error(error);
      process.exitCode = 1;
    }
    return () => { throw new Error('TODO: implement run ${index}'); };
  }
}
`;
    blocks.push(block);
    size += block.length;
  }
  return blocks.join('');
}
