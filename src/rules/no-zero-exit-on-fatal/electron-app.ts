import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/*
 * Whether a file belongs to an Electron app's own process, when it imports
 * nothing from Electron itself (an error-handling module that the main file
 * imports): the nearest `package.json` depends on `electron`, and the file is
 * not one of the package's Node scripts (named in its `scripts` or `bin`, or
 * starting with a hashbang). Build and release scripts of an Electron app run
 * in Node, where the exit code is read, so they stay judged.
 *
 * Read like the Wrangler configuration (`src/runtimes/wrangler.ts`): bounded,
 * cached per file state, and never throwing.
 */

/** Directories looked at above a linted file, at most. */
const MAX_DEPTH = 32;
/** Manifests kept at most; past it the cache starts over. */
const MAX_CACHED = 256;
/** Larger files are not manifests. */
const MAX_MANIFEST_BYTES = 1_000_000;
/** Script commands read per manifest, at most. */
const MAX_SCRIPTS = 500;

interface Manifest {
  readonly mtimeMs: number;
  readonly size: number;
  /** Whether `electron` is a dependency of any kind. */
  readonly electron: boolean;
  /** Absolute paths, without extension, of the files the scripts and `bin` run. */
  readonly scripts: ReadonlySet<string>;
}

/**
 * Parsed manifests by path, each valid only for the file state it was read
 * from (modification time and size), so nothing one lint saw changes what
 * the next one sees.
 */
const manifests = new Map<string, Manifest>();

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies'] as const;

/** A module path without its script extension: `a/b.ts` and `a/b.js` name the same file. */
const stem = (file: string): string => file.replace(/\.(?:[cm]?[jt]sx?)$/, '');

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The files a command line names (`node build/pack.js --prod`): its words that look like paths, as stems. */
function scriptFiles(directory: string, command: string): string[] {
  return command
    .split(/[\s;&|()'"=]+/)
    .filter((word) => word !== '' && !word.startsWith('-') && (word.includes('/') || /\.[cm]?[jt]sx?$/.test(word)))
    .flatMap((word) => {
      const file = stem(path.resolve(directory, word));
      return [file, path.join(file, 'index')];
    });
}

/** What a manifest says, from the cache while the file is unchanged; `undefined` when there is none. */
function manifestAt(file: string): Manifest | undefined {
  let stats;
  try {
    stats = statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
  if (!stats?.isFile()) return undefined;
  const cached = manifests.get(file);
  if (cached?.mtimeMs === stats.mtimeMs && cached.size === stats.size) return cached;
  let parsed: unknown;
  if (stats.size <= MAX_MANIFEST_BYTES) {
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      parsed = undefined;
    }
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
  const result: Manifest = {
    mtimeMs: stats.mtimeMs,
    size: stats.size,
    electron,
    scripts: new Set(commands.slice(0, MAX_SCRIPTS).flatMap((command) => scriptFiles(directory, command))),
  };
  if (manifests.size >= MAX_CACHED) manifests.clear();
  manifests.set(file, result);
  return result;
}

/** The manifest of the nearest `package.json` above `filename`. */
function nearestManifest(filename: string): Manifest | undefined {
  let directory = path.dirname(filename);
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const manifest = manifestAt(path.join(directory, 'package.json'));
    if (manifest) return manifest;
    const parent = path.dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
  return undefined;
}

/**
 * Whether `filename` is a module of an Electron app: its nearest
 * `package.json` depends on `electron`, and it is not a script that Node
 * runs (named in the manifest's `scripts` or `bin`, or with a hashbang).
 */
export function isElectronAppModule(filename: string, text: string): boolean {
  if (!path.isAbsolute(filename) || text.startsWith('#!')) return false;
  const manifest = nearestManifest(filename);
  return manifest?.electron === true && !manifest.scripts.has(stem(filename));
}
