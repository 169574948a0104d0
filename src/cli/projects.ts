import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

import ts from 'typescript';

/**
 * Answers "does some tsconfig.json include this file?" the way the TypeScript
 * project service will: the nearest tsconfig.json above the file, its project
 * references, then the ancestors' tsconfig.json files. Each config is parsed
 * once. Asking first matters: the project service answers a file no project
 * includes only after reloading every project, which makes a tree of such
 * files (scripts, tests outside `include`) take minutes.
 */
export function createProjectMembership(): (file: string) => boolean {
  const configFiles = new Map<string, Set<string> | undefined>();
  const nearestConfig = new Map<string, string | undefined>();

  function filesOf(configFile: string, visiting = new Set<string>()): Set<string> | undefined {
    if (configFiles.has(configFile)) return configFiles.get(configFile);
    if (visiting.has(configFile)) return undefined;
    visiting.add(configFile);

    let files: Set<string> | undefined;
    try {
      const read = ts.readConfigFile(configFile, (file) => ts.sys.readFile(file));
      const parsed = ts.parseJsonConfigFileContent(
        read.config ?? {},
        ts.sys,
        path.dirname(configFile),
        undefined,
        configFile,
      );
      files = new Set(parsed.fileNames.map((file) => path.resolve(file)));
      for (const reference of parsed.projectReferences ?? []) {
        const referenced = resolveReference(reference.path);
        const referencedFiles = referenced === undefined ? undefined : filesOf(referenced, visiting);
        referencedFiles?.forEach((file) => files?.add(file));
      }
    } catch {
      files = undefined;
    }
    configFiles.set(configFile, files);
    return files;
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

  return (file) => {
    const absolute = path.resolve(file);
    for (let config = configAbove(path.dirname(absolute)); config !== undefined;) {
      if (filesOf(config)?.has(absolute) === true) return true;
      const parent = path.dirname(path.dirname(config));
      config = parent === path.dirname(config) ? undefined : configAbove(parent);
    }
    return false;
  };
}

function resolveReference(referencePath: string): string | undefined {
  try {
    return statSync(referencePath).isDirectory() ? path.join(referencePath, 'tsconfig.json') : referencePath;
  } catch {
    return undefined;
  }
}
