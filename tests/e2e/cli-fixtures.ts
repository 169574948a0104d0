// What the CLI e2e tests share: small source files and the usage-error check.
import { expect } from 'vitest';

export const PLACEHOLDER_JS = "export function load() {\n  throw new Error('Not implemented');\n}\n";
export const CLEAN_JS = 'export function add(a, b) {\n  return a + b;\n}\n';
export const TSCONFIG = `${JSON.stringify({
  compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', types: [], noEmit: true },
})}\n`;

// Findings only the type checker can make: a call of an imported helper
// declared `never` whose body is a placeholder throw, and an object literal
// asserted to a type whose required property `b` it lacks.
export const TYPED_ONLY_FILES = {
  'pending.ts': "export function pending(): never {\n  throw new Error('Not implemented');\n}\n",
  'main.ts': "import { pending } from './pending.js';\n\nexport function load(): string {\n  return pending();\n}\n",
  'state.ts':
    'interface State {\n  a: number;\n  b: string;\n}\n\nexport const state = { a: 1 } as State;\nexport const label = (): string => state.b.trim();\n',
};

/** Asserts a usage error: exit code 2, nothing on stdout, exactly `expected` as the one line on stderr. */
export function expectUsageError(
  result: { status: number | null; stdout: string; stderr: string },
  expected: string | RegExp,
): void {
  expect(result.status).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.endsWith('\n')).toBe(true);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  if (typeof expected === 'string') expect(result.stderr).toBe(`${expected}\n`);
  else expect(result.stderr.trimEnd()).toMatch(expected);
}
