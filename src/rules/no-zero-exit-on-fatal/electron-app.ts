import path from 'node:path';

import { findUp, moduleStem, projectFileReader } from '../../util/project-files.js';

/*
 * Whether a file belongs to an Electron app's own process, when it imports
 * nothing from Electron itself (an error-handling module that the main file
 * imports): the nearest `package.json` depends on `electron`, and the file is
 * not one of the package's Node scripts (named in its `scripts` or `bin`, or
 * starting with a hashbang). Build and release scripts of an Electron app run
 * in Node, where the exit code is read, so they stay judged.
 *
 * Read through `src/util/project-files.ts`: bounded, cached per file state,
 * and never throwing.
 */

/** Script commands read per manifest, at most. */
const MAX_SCRIPTS = 500;

interface Manifest {
  /** Whether `electron` is a dependency of any kind. */
  readonly electron: boolean;
  /** Absolute paths, without extension, of the files the scripts and `bin` run. */
  readonly scripts: ReadonlySet<string>;
}

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The files a command line names (`node build/pack.js --prod`): its words that look like paths, as stems. */
function scriptFiles(directory: string, command: string): string[] {
  return command
    .split(/[\s;&|()'"=]+/)
    .filter((word) => word !== '' && !word.startsWith('-') && (word.includes('/') || /\.[cm]?[jt]sx?$/.test(word)))
    .flatMap((word) => {
      const file = moduleStem(path.resolve(directory, word));
      return [file, path.join(file, 'index')];
    });
}

/** What a manifest says, read through the project-file cache; `undefined` when there is none. */
const manifestAt = projectFileReader((text, file): Manifest => {
  let parsed: unknown;
  try {
    parsed = text === undefined ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const manifest = isRecord(parsed) ? parsed : {};
  const directory = path.dirname(file);
  const electron = DEPENDENCY_FIELDS.some((field) => {
    const dependencies = manifest[field];
    return isRecord(dependencies) && Object.hasOwn(dependencies, 'electron');
  });
  const commands: string[] = [];
  const { scripts, bin } = manifest;
  if (isRecord(scripts)) commands.push(...Object.values(scripts).filter((value) => typeof value === 'string'));
  if (typeof bin === 'string') commands.push(`./${bin}`);
  else if (isRecord(bin))
    commands.push(...Object.values(bin).flatMap((value) => (typeof value === 'string' ? [`./${value}`] : [])));
  return {
    electron,
    scripts: new Set(commands.slice(0, MAX_SCRIPTS).flatMap((command) => scriptFiles(directory, command))),
  };
});

/**
 * Whether `filename` is a module of an Electron app: its nearest
 * `package.json` depends on `electron`, and it is not a script that Node
 * runs (named in the manifest's `scripts` or `bin`, or with a hashbang).
 */
export function isElectronAppModule(filename: string, text: string): boolean {
  if (!path.isAbsolute(filename) || text.startsWith('#!')) return false;
  const manifest = findUp(filename, (directory) => manifestAt(path.join(directory, 'package.json')));
  return manifest?.electron === true && !manifest.scripts.has(moduleStem(filename));
}
