/** @type {import('eslint-doc-generator').GenerateOptions} */
export default {
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
    ['recommended-type-checked', '☑️'],
  ],
  ignoreConfig: ['all'],
  // The headings every rule doc has (tests/docs.test.ts checks the whole skeleton, in order,
  // with Options and Suggestions where a rule has them).
  ruleDocSectionInclude: [
    'Rule details',
    'Examples',
    'Limitations',
    'When Not To Use It',
    'Related rules',
    'Further reading',
  ],
  ruleDocTitleFormat: 'prefix-name',
  ruleListColumns: ['name', 'description', 'configsError', 'hasSuggestions', 'requiresTypeChecking', 'options'],
  urlConfigs: 'https://github.com/eslint-plugin-defuse/eslint-plugin-defuse#configs',
};
