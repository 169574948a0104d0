import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

import ts from 'typescript';

import { UsageError } from './args.js';

/**
 * The nearest tsconfig.json above each linted path (a directory or a file's
 * directory), walking up to the filesystem root the way the TypeScript
 * language service looks for a file's project. Returns the distinct files.
 */
export function findTsconfigs(paths: readonly string[]): string[] {
  const found = new Set<string>();
  for (const target of paths) {
    let directory = isDirectory(target) ? target : path.dirname(target);
    for (;;) {
      const candidate = path.join(directory, 'tsconfig.json');
      if (existsSync(candidate)) {
        found.add(candidate);
        break;
      }
      const parent = path.dirname(directory);
      if (parent === directory) break;
      directory = parent;
    }
  }
  return [...found];
}

function isDirectory(target: string): boolean {
  try {
    return statSync(target).isDirectory();
  } catch {
    return false;
  }
}

// "No inputs were found in config file": a tsconfig that covers none of the
// linted files is not broken; those files are linted without types.
const NO_INPUTS_FOUND = 18003;

/**
 * Reads a tsconfig.json (and everything it extends) with TypeScript itself and
 * throws a one-line UsageError for the first problem: invalid JSON, a missing
 * `extends` target, an unknown compiler option. Without this check the
 * project service would fail later, once per file, with a long message.
 */
export function checkTsconfig(configFile: string, cwd: string): void {
  const read = ts.readConfigFile(configFile, (file) => ts.sys.readFile(file));
  if (read.error) throw brokenTsconfig(configFile, read.error, cwd);

  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(configFile), undefined, configFile);
  const problem = parsed.errors.find(
    (diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error && diagnostic.code !== NO_INPUTS_FOUND,
  );
  if (problem) throw brokenTsconfig(configFile, problem, cwd);
}

function brokenTsconfig(configFile: string, diagnostic: ts.Diagnostic, cwd: string): UsageError {
  const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ').replace(/\s+/g, ' ');
  let where = path.relative(cwd, configFile) || configFile;
  if (diagnostic.file && diagnostic.start !== undefined) {
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    where = `${path.relative(cwd, diagnostic.file.fileName) || diagnostic.file.fileName}:${line + 1}:${character + 1}`;
  }
  return new UsageError(`broken tsconfig: ${where}: ${text}`);
}
