import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { UsageError } from './args.js';

/**
 * Checks, without loading it, that the TypeScript the parser would load is
 * one the plugin supports: the range of its `typescript` peer dependency.
 * The package is found the way Node resolves it from here, and read from its
 * package.json, so a TypeScript whose code would throw on import (7, say)
 * becomes one line on stderr rather than a stack trace.
 */
export function checkTypeScript(): void {
  const require = createRequire(import.meta.url);
  const { peerDependencies } = require('../../package.json') as { peerDependencies: Record<string, string> };
  const range = peerDependencies.typescript ?? '*';
  const manifest = (require.resolve.paths('typescript') ?? [])
    .map((directory) => path.join(directory, 'typescript', 'package.json'))
    .find((candidate) => existsSync(candidate));
  if (manifest === undefined) {
    throw new UsageError(`TypeScript is not installed; install a supported version (npm i -D "typescript@${range}")`);
  }
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  if (!satisfies(version, range)) {
    throw new UsageError(
      `TypeScript ${version} is installed, but defuse supports ${range}; install a supported version (npm i -D "typescript@${range}")`,
    );
  }
}

type Version = [number, number, number, boolean];

/** `1.2.3` or `1.2.3-beta`; the flag marks a prerelease, which sorts before its release. */
function parseVersion(text: string): Version | undefined {
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(-[\w.]+)?/.exec(text);
  if (match === null) return undefined;
  return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0), match[4] !== undefined];
}

function compare(a: Version, b: Version): number {
  for (let index = 0; index < 3; index += 1) {
    const difference = (a[index] as number) - (b[index] as number);
    if (difference !== 0) return difference;
  }
  return Number(b[3]) - Number(a[3]);
}

/**
 * Whether `version` is in `range`, for the range forms a peer dependency
 * uses: comparator sets (`>=5.0.0 <6.1.0`), `^` and `~`, joined by `||`.
 */
export function satisfies(version: string, range: string): boolean {
  const actual = parseVersion(version);
  if (actual === undefined) return false;
  return range.split('||').some((set) =>
    set
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .every((comparator) => {
        if (comparator === '*') return true;
        const match = /^(>=|<=|>|<|=|\^|~)?(.*)$/.exec(comparator);
        const bound = parseVersion(match?.[2] ?? '');
        if (bound === undefined) return false;
        const order = compare(actual, bound);
        switch (match?.[1]) {
          case '>=':
            return order >= 0;
          case '<=':
            return order <= 0;
          case '>':
            return order > 0;
          case '<':
            return order < 0;
          case '^': {
            const upper: Version = bound[0] > 0 ? [bound[0] + 1, 0, 0, true] : [0, bound[1] + 1, 0, true];
            return order >= 0 && compare(actual, upper) < 0;
          }
          case '~':
            return order >= 0 && compare(actual, [bound[0], bound[1] + 1, 0, true]) < 0;
          default:
            return order === 0;
        }
      }),
  );
}
