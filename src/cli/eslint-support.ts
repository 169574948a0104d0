import { Linter } from 'eslint';

/**
 * The linter options of a run, limited to those the installed ESLint knows.
 * The plugin supports every ESLint from 9.15, and options such as
 * `reportUnusedInlineConfigs` (9.19) make older versions reject the whole
 * config, so each option is tried on an empty file first.
 */
export function supportedLinterOptions(): Linter.LinterOptions {
  // Disable comments and inline configs that name rules of plugins this run
  // does not load must not turn into "Definition for rule … was not found"
  // or "unused" problems.
  const wanted: Linter.LinterOptions[] = [
    { reportUnusedDisableDirectives: 'off' },
    { reportUnusedInlineConfigs: 'off' },
  ];
  const linter = new Linter({ configType: 'flat' });
  const supported: Linter.LinterOptions = {};
  for (const linterOptions of wanted) {
    try {
      linter.verify('', [{ linterOptions }]);
      Object.assign(supported, linterOptions);
    } catch {
      // An option this ESLint does not have: it has nothing to turn off.
    }
  }
  return supported;
}
