import path from 'node:path';

import { findUp, moduleStem, projectFileReader } from '../util/project-files.js';

/**
 * The Worker entry modules a Wrangler configuration names: its `main`, and
 * each environment's `main`. Read with a small parser that never throws: in
 * `wrangler.toml` only `main = "…"` lines matter; `wrangler.json(c)` is JSON
 * with comments and trailing commas.
 */

/** The configuration files Wrangler reads, in its order of preference. */
const CONFIG_FILES = ['wrangler.json', 'wrangler.jsonc', 'wrangler.toml'] as const;

/** The `main` values of a `wrangler.toml`: top level and `[env.*]` tables. */
function tomlMains(text: string): string[] {
  const mains: string[] = [];
  let inTable = false;
  for (const line of text.split(/\r?\n/)) {
    const header = /^\s*\[\[?\s*([^\]]*?)\s*\]\]?/.exec(line);
    if (header) {
      const table = header[1] ?? '';
      inTable = !/^env\.[\w"'-]+$/.test(table);
      continue;
    }
    if (inTable) continue;
    const entry = /^\s*main\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)')/.exec(line);
    const value = entry?.[1] ?? entry?.[2];
    if (value) mains.push(value);
  }
  return mains;
}

/** The end of the JSON string that starts at `start` (the index after its closing quote). */
function stringEnd(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length && text[index] !== '"') index += text[index] === '\\' ? 2 : 1;
  return index + 1;
}

/** JSON with comments and trailing commas, as plain JSON; strings are kept as they are. */
function stripJsonc(text: string): string {
  let withoutComments = '';
  for (let index = 0; index < text.length;) {
    if (text[index] === '"') {
      const end = stringEnd(text, index);
      withoutComments += text.slice(index, end);
      index = end;
    } else if (text.startsWith('//', index)) {
      const end = text.indexOf('\n', index);
      index = end < 0 ? text.length : end;
    } else if (text.startsWith('/*', index)) {
      const end = text.indexOf('*/', index + 2);
      withoutComments += ' ';
      index = end < 0 ? text.length : end + 2;
    } else {
      withoutComments += text.charAt(index);
      index++;
    }
  }
  const closing = /\s*[}\]]/y;
  let json = '';
  for (let index = 0; index < withoutComments.length;) {
    const char = withoutComments.charAt(index);
    if (char === '"') {
      const end = stringEnd(withoutComments, index);
      json += withoutComments.slice(index, end);
      index = end;
      continue;
    }
    closing.lastIndex = index + 1;
    if (char !== ',' || !closing.test(withoutComments)) json += char;
    index++;
  }
  return json;
}

/** The `main` values of a `wrangler.json(c)`: top level and `env.*`. */
function jsonMains(text: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stripJsonc(text));
  } catch {
    return [];
  }
  const mainOf = (value: unknown): string[] => {
    if (typeof value !== 'object' || value === null) return [];
    const main = (value as { main?: unknown }).main;
    return typeof main === 'string' && main !== '' ? [main] : [];
  };
  const env = typeof parsed === 'object' && parsed !== null ? (parsed as { env?: unknown }).env : undefined;
  const envs = typeof env === 'object' && env !== null ? Object.values(env) : [];
  return [...mainOf(parsed), ...envs.flatMap(mainOf)];
}

/** A configuration's `main` modules (absolute paths), read through the project-file cache; `undefined` when there is no file. */
const mainsOf = projectFileReader((text, file): readonly string[] => {
  let mains: string[] = [];
  try {
    if (text !== undefined) mains = file.endsWith('.toml') ? tomlMains(text) : jsonMains(text);
  } catch {
    mains = [];
  }
  return mains.map((main) => path.resolve(path.dirname(file), main));
});

/**
 * Whether `filename` is the `main` module of the nearest Wrangler
 * configuration above it (the first directory, upwards, that holds one).
 */
export function isWranglerMain(filename: string): boolean {
  if (!path.isAbsolute(filename)) return false;
  const wanted = moduleStem(filename);
  const mains = findUp(filename, (directory) => {
    for (const name of CONFIG_FILES) {
      const found = mainsOf(path.join(directory, name));
      if (found) return found;
    }
    return undefined;
  });
  return mains?.some((main) => moduleStem(main) === wanted) ?? false;
}
