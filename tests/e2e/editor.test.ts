// The plugin as an editor runs it: ESLint's Node API (`lintText` with a file
// path, as the VS Code ESLint extension calls it) on unsaved buffers, in a
// type-aware temp project that installed the packed plugin.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import type { ESLint, Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

import { createInstalledProject } from './helpers.js';
import { snippet } from './integration-docs.js';
import {
  locate,
  messagePattern,
  RULE_SAMPLES,
  type RuleSample,
  SAMPLE_TSCONFIG,
  shiftedData,
} from './integration-samples.js';

interface InstalledPlugin {
  rules: Record<string, { meta: { messages: Record<string, string>; hasSuggestions?: boolean; fixable?: string } }>;
}

// A helper whose body is a placeholder throw, in another module: only the type
// checker can tell that `pending()` in the buffer is a placeholder.
const PENDING_HELPER = "export function pending(): never {\n  throw new Error('Not implemented');\n}\n";
const USES_PENDING =
  "import { pending } from './pending.js';\n\nexport function load(): string {\n  return pending();\n}\n";

let project: string;
let eslint: ESLint;
let plugin: InstalledPlugin;

beforeAll(async () => {
  // On disk each sample file is already fixed: the editor lints the buffer.
  const files: Record<string, string> = {
    'eslint.config.js': snippet('eslint-config'),
    'tsconfig.json': SAMPLE_TSCONFIG,
    'src/pending.ts': PENDING_HELPER,
    'src/load.ts': 'export {};\n',
  };
  for (const sample of RULE_SAMPLES) files[sample.file] = sample.fixed;
  project = await createInstalledProject({ files });

  const require = createRequire(path.join(project, 'package.json'));
  const eslintModule = (await import(pathToFileURL(require.resolve('eslint')).href)) as typeof import('eslint');
  eslint = new eslintModule.ESLint({ cwd: project });
  const pluginModule = (await import(pathToFileURL(require.resolve('eslint-plugin-defuse')).href)) as {
    default: InstalledPlugin;
  };
  plugin = pluginModule.default;
}, 240_000);

async function lintBuffer(text: string, file: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(text, { filePath: path.join(project, file) });
  if (!result) throw new Error('lintText returned no result');
  return result.messages;
}

function messageOf(sample: RuleSample, messageId: string, data: Record<string, string>): RegExp {
  const template = plugin.rules[sample.rule]?.meta.messages[messageId];
  if (template === undefined) throw new Error(`${sample.rule} has no message ${messageId}`);
  return messagePattern(template, data);
}

/** The report the sample's code must get once `shift` lines are inserted above it. */
function expectedReport(sample: RuleSample, shift = 0): Partial<Linter.LintMessage> {
  return {
    ruleId: `defuse/${sample.rule}`,
    messageId: sample.messageId,
    message: expect.stringMatching(messageOf(sample, sample.messageId, shiftedData(sample, shift))) as string,
    severity: 2,
    ...locate(`${'\n'.repeat(shift)}${sample.code}`, sample.offending),
  };
}

function applyFix(text: string, fix: { range: [number, number]; text: string }): string {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

it('has an editor sample for every rule of the packed plugin', () => {
  expect(RULE_SAMPLES.map((sample) => sample.rule).sort()).toEqual(Object.keys(plugin.rules).sort());
});

describe.each(RULE_SAMPLES.map((sample) => [sample.rule, sample] as const))('%s', (_rule, sample) => {
  it('squiggles only the offending expression of the unsaved buffer', async () => {
    const messages = await lintBuffer(sample.code, sample.file);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject(expectedReport(sample));
    // The saved file is the fixed version: the report came from the buffer.
    const [onDisk] = await eslint.lintFiles([path.join(project, sample.file)]);
    expect(onDisk?.messages).toEqual([]);
  });

  it('offers its suggestions as quick fixes, never as an autofix', async () => {
    const [message] = await lintBuffer(sample.code, sample.file);
    expect(message?.fix).toBeUndefined();
    const suggestions = message?.suggestions ?? [];
    if (!sample.suggestion) {
      expect(plugin.rules[sample.rule]?.meta.hasSuggestions ?? false).toBe(false);
      expect(suggestions).toEqual([]);
      return;
    }
    expect(suggestions.map(({ messageId, desc }) => ({ messageId, desc }))).toEqual([
      {
        messageId: sample.suggestion.messageId,
        desc: expect.stringMatching(messageOf(sample, sample.suggestion.messageId, sample.suggestion.data)) as string,
      },
    ]);
    const output = applyFix(sample.code, suggestions[0]!.fix);
    expect(output).toBe(sample.suggestion.output);
    // The quick fix removes the problem it was offered for.
    const after = await lintBuffer(output, sample.file);
    expect(after.filter((each) => each.ruleId === `defuse/${sample.rule}`)).toEqual([]);
  });

  it('re-lints the buffer after each edit from its new text', async () => {
    const first = await lintBuffer(sample.code, sample.file);

    const shifted = `// edited in the editor\n\n${sample.code}`;
    const afterInsert = await lintBuffer(shifted, sample.file);
    expect(afterInsert).toHaveLength(1);
    expect(afterInsert[0]).toMatchObject(expectedReport(sample, 2));

    expect(await lintBuffer(sample.fixed, sample.file)).toEqual([]);

    expect(await lintBuffer(sample.code, sample.file)).toEqual(first);
  });
});

describe('type information in the editor', () => {
  it('resolves an imported placeholder helper through the project service', async () => {
    const messages = await lintBuffer(USES_PENDING, 'src/load.ts');
    const placeholder = RULE_SAMPLES.find((sample) => sample.rule === 'no-placeholder-throw')!;
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      ruleId: 'defuse/no-placeholder-throw',
      messageId: 'placeholderHelperCall',
      message: expect.stringMatching(messageOf(placeholder, 'placeholderHelperCall', { helper: 'pending' })) as string,
      ...locate(USES_PENDING, 'pending()'),
    });
    // Renaming the import in the buffer keeps the finding: it follows the declaration, not the name.
    const renamed = USES_PENDING.replace('{ pending }', '{ pending as fetchUser }').replace('pending()', 'fetchUser()');
    const afterRename = await lintBuffer(renamed, 'src/load.ts');
    expect(afterRename).toHaveLength(1);
    expect(afterRename[0]).toMatchObject({
      messageId: 'placeholderHelperCall',
      message: expect.stringMatching(
        messageOf(placeholder, 'placeholderHelperCall', { helper: 'fetchUser' }),
      ) as string,
      ...locate(renamed, 'fetchUser()'),
    });
  });
});
