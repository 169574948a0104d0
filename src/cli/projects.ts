import { existsSync } from 'node:fs';
import path from 'node:path';

import { readTsconfig, type Tsconfig } from './tsconfig.js';

/** Why a TypeScript file is linted without type information. */
export type UntypedReason = 'no-tsconfig' | 'not-included' | 'unresolved-extends';

export interface ProjectLookup {
  /** Undefined when a tsconfig.json includes the file (it gets types), else why not. */
  untypedReason(file: string): UntypedReason | undefined;
  /** The tsconfig.json files that include some file asked about. */
  readonly usedConfigs: ReadonlySet<string>;
  /** One line per tsconfig whose `extends` cannot be resolved. */
  readonly warnings: readonly string[];
}

/**
 * Answers "which tsconfig.json gives this file its types?" the way the
 * TypeScript project service will: the nearest tsconfig.json above the file,
 * its project references, then the ancestors' tsconfig.json files. So each
 * package of a monorepo uses its own, with or without a root one. Each
 * config is read once. Asking first matters: the project service answers a
 * file no project includes only after reloading every project, which makes a
 * tree of such files (scripts, tests outside `include`) take minutes.
 */
export function createProjectLookup(cwd: string): ProjectLookup {
  const configs = new Map<string, Tsconfig | undefined>();
  const nearestConfig = new Map<string, string | undefined>();
  const usedConfigs = new Set<string>();
  const warnings: string[] = [];

  function read(configFile: string): Tsconfig | undefined {
    if (configs.has(configFile)) return configs.get(configFile);
    const tsconfig = existsSync(configFile) ? readTsconfig(configFile, cwd) : undefined;
    configs.set(configFile, tsconfig);
    if (tsconfig?.unresolvedExtends !== undefined) warnings.push(tsconfig.unresolvedExtends);
    return tsconfig;
  }

  /** The config (itself or through its references) that includes the file. */
  function including(configFile: string, file: string, visiting = new Set<string>()): string | undefined {
    if (visiting.has(configFile)) return undefined;
    visiting.add(configFile);
    const tsconfig = read(configFile);
    if (tsconfig === undefined) return undefined;
    if (tsconfig.files.has(file)) return configFile;
    for (const reference of tsconfig.references) {
      const found = including(reference, file, visiting);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /** The directory's own tsconfig.json or the nearest one above it. */
  function configAbove(directory: string): string | undefined {
    if (nearestConfig.has(directory)) return nearestConfig.get(directory);
    const candidate = path.join(directory, 'tsconfig.json');
    const parent = path.dirname(directory);
    const found = existsSync(candidate) ? candidate : parent === directory ? undefined : configAbove(parent);
    nearestConfig.set(directory, found);
    return found;
  }

  return {
    usedConfigs,
    warnings,
    untypedReason(file) {
      const absolute = path.resolve(file);
      let config = configAbove(path.dirname(absolute));
      if (config === undefined) return 'no-tsconfig';
      while (config !== undefined) {
        const found = including(config, absolute);
        if (found !== undefined) {
          if (read(found)?.unresolvedExtends !== undefined) return 'unresolved-extends';
          usedConfigs.add(found);
          return undefined;
        }
        const parent = path.dirname(path.dirname(config));
        config = parent === path.dirname(config) ? undefined : configAbove(parent);
      }
      return 'not-included';
    },
  };
}
