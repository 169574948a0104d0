/**
 * One small TypeScript file per rule, as the integration e2e tests lint it in
 * a temp project: `code` has exactly one finding (of its rule), `fixed` has
 * none. Message texts are not copied here: tests match reports against the
 * rule's own `meta.messages[messageId]`, with the placeholders `data` gives
 * filled in and the others matching any text.
 */

export interface Suggestion {
  messageId: string;
  data: Record<string, string>;
  /** `code` with the suggestion applied. */
  output: string;
}

export interface RuleSample {
  rule: string;
  /** Path of the file in the temp project. */
  file: string;
  code: string;
  /** The exact text the report's range covers (its first occurrence in `code`). */
  offending: string;
  messageId: string;
  data: Record<string, string>;
  /** Keys of `data` that are line numbers of `code` (they move when lines are inserted above). */
  lineData?: string[];
  suggestion?: Suggestion;
  /** The same file with the problem fixed: no finding of any rule. */
  fixed: string;
}

/** The temp project's tsconfig.json: strict, Node resolution, no @types (none are installed). */
export const SAMPLE_TSCONFIG = `${JSON.stringify(
  {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      types: [],
      noEmit: true,
      skipLibCheck: true,
    },
    include: ['src'],
  },
  null,
  2,
)}\n`;

const zeroExit = `async function main(): Promise<void> {
  await Promise.resolve();
}

main().catch(console.error);
`;

const exitBeforeFlush = `export function fail(error: unknown): void {
  console.error('fatal', error);
  process.exit(1);
}
`;

const placeholderThrow = `export function loadUser(id: string): string {
  if (id === '') return 'anonymous';
  throw new Error('Not implemented');
}
`;

const partialState = `interface AppState {
  db: { query(sql: string): unknown };
  redis: { get(key: string): unknown };
}

export const state = { db: { query: (sql: string) => sql } } as AppState;
export const cached = (key: string) => state.redis.get(key);
`;

const workBeforeRuntime = `import { app, BrowserWindow } from 'electron';

const win = new BrowserWindow({ width: 800 });
app.whenReady().then(() => win.show());
`;

export const RULE_SAMPLES: readonly RuleSample[] = [
  {
    rule: 'no-exit-before-flush',
    file: 'src/fail.ts',
    code: exitBeforeFlush,
    offending: 'process.exit(1)',
    messageId: 'exitBeforeFlush',
    data: { exit: 'process.exit(1)', write: 'console.error', line: '2', stream: 'stderr' },
    lineData: ['line'],
    suggestion: {
      messageId: 'useExitCodeInFunction',
      data: { replacement: 'process.exitCode = 1;' },
      output: exitBeforeFlush.replace('process.exit(1);', 'process.exitCode = 1;'),
    },
    fixed: exitBeforeFlush.replace('process.exit(1);', 'process.exitCode = 1;'),
  },
  {
    rule: 'no-partial-state',
    file: 'src/state.ts',
    code: partialState,
    offending: '{ db: { query: (sql: string) => sql } } as AppState',
    messageId: 'missingProperties',
    data: { type: 'AppState', missing: '1 required property is missing: redis' },
    suggestion: {
      messageId: 'annotateInstead',
      data: { type: 'AppState' },
      output: partialState.replace(
        'state = { db: { query: (sql: string) => sql } } as AppState;',
        'state: AppState = { db: { query: (sql: string) => sql } };',
      ),
    },
    fixed: partialState.replace(
      '{ db: { query: (sql: string) => sql } } as AppState',
      '{ db: { query: (sql: string) => sql }, redis: { get: (key: string) => key } } satisfies AppState',
    ),
  },
  {
    rule: 'no-placeholder-throw',
    file: 'src/users.ts',
    code: placeholderThrow,
    offending: "throw new Error('Not implemented');",
    messageId: 'placeholderMessage',
    data: { message: 'Not implemented' },
    fixed: placeholderThrow.replace("throw new Error('Not implemented');", 'return `user ${id}`;'),
  },
  {
    rule: 'no-work-before-runtime',
    file: 'src/window.ts',
    code: workBeforeRuntime,
    offending: 'new BrowserWindow({ width: 800 })',
    messageId: 'notReady',
    data: { api: 'new BrowserWindow()' },
    fixed: `import { app, BrowserWindow } from 'electron';

app.whenReady().then(() => {
  const win = new BrowserWindow({ width: 800 });
  win.show();
});
`,
  },
  {
    rule: 'no-zero-exit-on-fatal',
    file: 'src/main.ts',
    code: zeroExit,
    offending: 'console.error',
    messageId: 'exitsZero',
    data: {},
    suggestion: {
      messageId: 'wrapHandler',
      data: { handler: 'console.error' },
      output: zeroExit.replace(
        'main().catch(console.error);',
        'main().catch((error) => { console.error(error); process.exitCode = 1; });',
      ),
    },
    fixed: zeroExit.replace(
      'main().catch(console.error);',
      'main().catch((error: unknown) => {\n  console.error(error);\n  process.exitCode = 1;\n});',
    ),
  },
];

/** The sample's message data once `lines` lines are inserted at the top of its code. */
export function shiftedData(sample: RuleSample, lines: number): Record<string, string> {
  const data = { ...sample.data };
  for (const key of sample.lineData ?? []) data[key] = String(Number(data[key]) + lines);
  return data;
}

const PLACEHOLDER = /(\{\{\s*[^{}]+?\s*\}\})/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The messages `template` can produce: each placeholder is `data`'s value for
 * it when `data` has one, and any text otherwise.
 */
export function messagePattern(template: string, data: Record<string, string>): RegExp {
  const source = template
    .split(PLACEHOLDER)
    .map((part) => {
      const key = /^\{\{\s*([^{}]+?)\s*\}\}$/.exec(part)?.[1];
      if (key === undefined) return escapeRegExp(part);
      const value = data[key];
      return value === undefined ? '.+?' : escapeRegExp(value);
    })
    .join('');
  return new RegExp(`^${source}$`);
}

/** `template` with each `{{ key }}` replaced by `data[key]`, as ESLint fills in messages. */
export function formatMessage(template: string, data: Record<string, string>): string {
  return template.replace(/\{\{\s*([^{}]+?)\s*\}\}/g, (whole, key: string) => data[key] ?? whole);
}

/** Where `text` first occurs in a sample, as ESLint reports it: the one `locate` of the test helpers. */
export { locate } from '../util/probe-rule.js';
