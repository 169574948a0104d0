// Per-file facts live as long as the file's syntax tree, no longer: an editor
// re-lints the same file name with new text, and each lint must see that text's
// process references and log writes, never the previous one's.
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { allRules, lintConfig, virtualRoot } from './lint-setup.js';

const filename = `${virtualRoot}/edited.js`;
const reportsOf = (messages: Linter.LintMessage[]) =>
  messages.filter((message) => message.ruleId?.startsWith('defuse/')).map((m) => `${m.ruleId}:${m.line}`);

describe('re-linting one file with new text', () => {
  const linter = new Linter({ cwd: virtualRoot });
  const config = lintConfig(allRules());
  const exitsAfterWrite = "console.error('fatal');\nprocess.exit(1);\n";
  const noExit = "console.error('fatal');\nprocess.exitCode = 1;\n";
  const exitThroughAlias = "const p = process;\nconsole.error('fatal');\np.exit(1);\n";

  it('sees each text afresh, whatever came before', () => {
    const first = reportsOf(linter.verify(exitsAfterWrite, config, { filename }));
    expect(first).toEqual(['defuse/no-exit-before-flush:2']);
    expect(reportsOf(linter.verify(noExit, config, { filename }))).toEqual([]);
    expect(reportsOf(linter.verify(exitThroughAlias, config, { filename }))).toEqual(['defuse/no-exit-before-flush:3']);
    expect(reportsOf(linter.verify(exitsAfterWrite, config, { filename }))).toEqual(first);
  });
});
