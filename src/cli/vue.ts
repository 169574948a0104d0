import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import type { Linter } from 'eslint';

/**
 * vue-eslint-parser as the user's project installed it, looked up from each
 * of `directories` in turn; undefined when none has it. The plugin does not
 * depend on it: projects without Vue files should not pay for it.
 */
export async function loadVueParser(directories: readonly string[]): Promise<Linter.Parser | undefined> {
  for (const directory of directories) {
    let resolved: string;
    try {
      resolved = createRequire(path.join(directory, 'package.json')).resolve('vue-eslint-parser');
    } catch {
      continue;
    }
    const loaded = (await import(pathToFileURL(resolved).href)) as { default?: Linter.Parser } & Linter.Parser;
    return loaded.default ?? loaded;
  }
  return undefined;
}
