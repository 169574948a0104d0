// Every config snippet of the README's Install, Configs and "Using defuse with
// other plugins" sections (a ```js block whose first line is
// `// eslint.config.mjs`), run as the config of one fresh CommonJS project
// that installs the packed plugin beside typescript-eslint, unicorn, n and
// eslint-plugin-vue (once for the file). Each snippet lints the same files;
// the source snippets of those sections (```ts blocks whose first line is
// `// src/…`) are among them. A snippet under `// @ts-check` is type-checked.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { beforeAll, describe, expect, it, vi } from 'vitest';

import { createInstalledProject, type ProcessResult, REPO_ROOT, repoVersionOf, run, writeFiles } from './helpers.js';

vi.setConfig({ testTimeout: 120_000 });

const SECTIONS = ['Install', 'Configs', 'Using defuse with other plugins'];

function sectionOf(readme: string, title: string): string {
  const start = readme.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`README.md has no "## ${title}" section`);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
const blocks = SECTIONS.flatMap((title) =>
  [...sectionOf(readme, title).matchAll(/^```([a-z]*)\n([\s\S]*?)^```$/gm)].map((match) => ({
    language: match[1]!,
    code: match[2]!,
  })),
);
const configSnippets = blocks
  .filter((block) => block.language === 'js' && block.code.startsWith('// eslint.config.mjs\n'))
  .map((block) => block.code);
const sourceSnippets = Object.fromEntries(
  blocks
    .filter((block) => block.language === 'ts' && block.code.startsWith('// src/'))
    .map((block) => [block.code.slice('// '.length, block.code.indexOf('\n')), block.code]),
);

const FILES: Record<string, string> = {
  'tsconfig.json': `${JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, allowJs: true, module: 'nodenext', target: 'es2022' },
    include: ['src'],
  })}\n`,
  // Not `load.js`: beside `load.ts`, TypeScript takes it for that file's output and leaves it out of the program.
  'src/placeholder.js': "export function load() {\n  throw new Error('Not implemented');\n}\n",
  'src/load.ts': "export function load(): string {\n  throw new Error('Not implemented');\n}\n",
  // What switch-exhaustiveness-check's suggestion leaves.
  'src/suggested.ts': [
    "type RoomEvent = { kind: 'join'; user: string } | { kind: 'leave'; user: string };",
    '',
    'export function handle(event: RoomEvent): string {',
    '  switch (event.kind) {',
    "    case 'join':",
    '      return `${event.user} joined`;',
    '    default:',
    '      throw new Error(`Not implemented yet: ${event.kind} case`);',
    '  }',
    '}',
    '',
  ].join('\n'),
  'src/exit.mjs': [
    "import { report } from './report.mjs';",
    '',
    'console.error(report());',
    'process.exit(1);',
    '',
  ].join('\n'),
  'src/exit-code.mjs': [
    "import { report } from './report.mjs';",
    '',
    'console.error(report());',
    'process.exitCode = 1;',
    '',
  ].join('\n'),
  'src/report.mjs': "export const report = () => 'x'.repeat(100_000);\n",
  'src/main.mjs': [
    'async function main() {',
    "  await Promise.reject(new Error('boom'));",
    '}',
    '',
    'main().catch(console.error);',
    '',
  ].join('\n'),
  'src/main-awaited.mjs': [
    'async function main() {',
    "  await Promise.reject(new Error('boom'));",
    '}',
    '',
    'await main();',
    '',
  ].join('\n'),
  'src/widget.js': [
    "import { defineComponent, onMounted } from 'vue';",
    '',
    'export default defineComponent({',
    '  async setup() {',
    '    await Promise.resolve();',
    '    onMounted(() => {});',
    '  },',
    '});',
    '',
  ].join('\n'),
  ...sourceSnippets,
};

let project: string;

beforeAll(async () => {
  project = await createInstalledProject({
    packageJson: { type: 'commonjs' },
    dependencies: [
      `eslint@${repoVersionOf('eslint')}`,
      `typescript@${repoVersionOf('typescript')}`,
      'typescript-eslint@8',
      `eslint-plugin-unicorn@${repoVersionOf('eslint-plugin-unicorn')}`,
      `eslint-plugin-n@${repoVersionOf('eslint-plugin-n')}`,
      'eslint-plugin-vue@10',
    ],
    files: FILES,
  });
}, 360_000);

interface FileReport {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; fatal?: boolean; message: string }[];
}

async function lintWith(snippet: string, index: number): Promise<{ result: ProcessResult; report: FileReport[] }> {
  const file = `snippet-${index}.config.mjs`;
  writeFiles(project, { [file]: snippet });
  const result = await run(
    process.execPath,
    ['node_modules/eslint/bin/eslint.js', '-c', file, '--format', 'json', 'src'],
    {
      cwd: project,
    },
  );
  return { result, report: result.stdout === '' ? [] : (JSON.parse(result.stdout) as FileReport[]) };
}

/** `file → [[ruleId, line, column], …]` for the rules named by `prefix`. */
function reportsOf(report: FileReport[], prefix: string): Record<string, [string | null, number, number][]> {
  return Object.fromEntries(
    report.map((file) => [
      path.relative(project, file.filePath),
      file.messages
        .filter((message) => message.ruleId?.startsWith(prefix))
        .map(({ ruleId, line, column }) => [ruleId, line, column]),
    ]),
  );
}

const DEFUSE_REPORTS = {
  'src/exit-code.mjs': [],
  'src/exit.mjs': [['defuse/no-exit-before-flush', 4, 1]],
  'src/handle.ts': [],
  'src/load.ts': [['defuse/no-placeholder-throw', 2, 3]],
  'src/main-awaited.mjs': [],
  'src/main.mjs': [['defuse/no-zero-exit-on-fatal', 5, 14]],
  'src/placeholder.js': [['defuse/no-placeholder-throw', 2, 3]],
  'src/report.mjs': [],
  'src/suggested.ts': [['defuse/no-placeholder-throw', 8, 7]],
  'src/widget.js': [['defuse/no-work-before-runtime', 6, 5]],
};

describe('the README config snippets', () => {
  it('are there: plain, type-checked, typescript-eslint, @ts-check, other plugins', () => {
    expect(configSnippets).toHaveLength(5);
    expect(Object.keys(sourceSnippets)).toEqual(['src/handle.ts']);
  });

  it.each(configSnippets.map((snippet, index) => [index, snippet] as const))(
    'snippet %i lints every file, with the same defuse reports',
    async (index, snippet) => {
      const { result, report } = await lintWith(snippet, index);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(1);
      expect(report.flatMap((file) => file.messages.filter((message) => message.fatal))).toEqual([]);
      expect(reportsOf(report, 'defuse/')).toEqual(DEFUSE_REPORTS);
    },
  );

  it('with unicorn, n and eslint-plugin-vue: the turned-off exit rules are silent, the others behave as the table says', async () => {
    const index = configSnippets.findIndex((snippet) => snippet.includes('eslint-plugin-unicorn'));
    const { report } = await lintWith(configSnippets[index]!, index);
    const of = (prefix: string) => reportsOf(report, prefix);
    expect(Object.values(of('unicorn/no-process-exit')).flat()).toEqual([]);
    expect(Object.values(of('n/no-process-exit')).flat()).toEqual([]);
    expect(of('unicorn/prefer-top-level-await')['src/main.mjs']).toEqual([['unicorn/prefer-top-level-await', 5, 8]]);
    expect(of('unicorn/prefer-top-level-await')['src/main-awaited.mjs']).toEqual([]);
    expect(of('vue/no-lifecycle-after-await')['src/widget.js']).toEqual([['vue/no-lifecycle-after-await', 6, 5]]);

    // Without the snippet's last object, both exit rules report the exit that defuse reports, and the one it does not.
    const unchanged = configSnippets[index]!.replace(/ {2}\{\n {4}rules: \{[\s\S]*?\n {4}\},\n {2}\},\n/, '');
    expect(unchanged).not.toContain("'off'");
    const { report: before } = await lintWith(unchanged, 99);
    expect(reportsOf(before, 'unicorn/no-process-exit')['src/exit.mjs']).toEqual([['unicorn/no-process-exit', 4, 1]]);
    expect(reportsOf(before, 'n/no-process-exit')['src/exit.mjs']).toEqual([['n/no-process-exit', 4, 1]]);
  });

  it('type-checks the @ts-check snippet', async () => {
    const snippet = configSnippets.find((code) => code.includes('// @ts-check'))!;
    writeFiles(project, {
      'checked/eslint.config.mjs': snippet,
      'checked/tsconfig.json': `${JSON.stringify({
        compilerOptions: { allowJs: true, checkJs: true, noEmit: true, strict: true, module: 'nodenext' },
        files: ['eslint.config.mjs'],
      })}\n`,
    });
    const tsc = await run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'checked/tsconfig.json'], {
      cwd: project,
      timeout: 110_000,
    });
    expect(tsc.stdout).toBe('');
    expect(tsc.status).toBe(0);
  });
});
