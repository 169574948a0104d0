import path from 'node:path';

import { ts } from '../util/typescript.js';
import { UsageError } from './args.js';

/** What one tsconfig file says about the project it describes. */
export interface Tsconfig {
  /** The files it includes (absolute). */
  files: Set<string>;
  /** The config files of its project references. */
  references: string[];
  /** Set when an `extends` target cannot be found (dependencies not installed yet): the warning to print. */
  unresolvedExtends?: string;
}

// "No inputs were found in config file": a tsconfig that covers none of the
// linted files is not broken; those files are linted without types.
const NO_INPUTS_FOUND = 18003;
// "Cannot read file '…'" (a relative path) and "File '…' not found" (a package).
const MISSING_FILE = new Set([5083, 6053]);

/**
 * Reads a tsconfig file (and everything it extends) with TypeScript itself.
 * Throws a one-line UsageError for a config that cannot describe a project
 * (invalid JSON, an unknown compiler option): without this check the project
 * service would fail later, once per file, with a long message. A missing
 * `extends` target is only a warning: its files are linted without types.
 */
export function readTsconfig(configFile: string, cwd: string): Tsconfig {
  const read = ts.readConfigFile(configFile, (file) => ts.sys.readFile(file));
  if (read.error) throw brokenTsconfig(configFile, read.error, cwd);

  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(configFile), undefined, configFile);
  const tsconfig: Tsconfig = {
    files: new Set(parsed.fileNames.map((file) => path.resolve(file))),
    references: (parsed.projectReferences ?? []).map((reference) => ts.resolveProjectReferencePath(reference)),
  };
  for (const diagnostic of parsed.errors) {
    if (diagnostic.category !== ts.DiagnosticCategory.Error || diagnostic.code === NO_INPUTS_FOUND) continue;
    if (!isUnresolvedExtends(diagnostic, read.config, configFile)) throw brokenTsconfig(configFile, diagnostic, cwd);
    const { where, text } = describeDiagnostic(configFile, diagnostic, cwd);
    tsconfig.unresolvedExtends ??= `${where}: cannot resolve "extends" (${text}); its files are linted without type information`;
  }
  return tsconfig;
}

/** A missing file that is the config's own `extends` target. */
function isUnresolvedExtends(diagnostic: ts.Diagnostic, config: unknown, configFile: string): boolean {
  if (!MISSING_FILE.has(diagnostic.code)) return false;
  const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
  const extended = (config as { extends?: unknown } | undefined)?.extends;
  return [extended]
    .flat()
    .filter((target): target is string => typeof target === 'string')
    .some(
      (target) => text.includes(`'${target}'`) || text.includes(`'${path.resolve(path.dirname(configFile), target)}'`),
    );
}

function describeDiagnostic(
  configFile: string,
  diagnostic: ts.Diagnostic,
  cwd: string,
): { where: string; text: string } {
  const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ').replace(/\s+/g, ' ');
  let where = path.relative(cwd, configFile) || configFile;
  if (diagnostic.file && diagnostic.start !== undefined) {
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    where = `${path.relative(cwd, diagnostic.file.fileName) || diagnostic.file.fileName}:${line + 1}:${character + 1}`;
  }
  return { where, text };
}

function brokenTsconfig(configFile: string, diagnostic: ts.Diagnostic, cwd: string): UsageError {
  const { where, text } = describeDiagnostic(configFile, diagnostic, cwd);
  return new UsageError(`broken tsconfig: ${where}: ${text}`);
}
