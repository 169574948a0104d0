import { CALL, findReferences, type TraceMap } from '../../src/util/references.js';
import { createJsRuleTester, createRuleTester } from '../rule-tester.js';
import { locate, probeRule } from './probe-rule.js';

const MODULES: TraceMap = {
  fs: { readFile: { [CALL]: 'fs.readFile' } },
  lodash: { get: { [CALL]: 'lodash.get' } },
};
const GLOBALS: TraceMap = { fetch: { [CALL]: 'fetch' } };

/** Reports every call `findReferences` finds, with the trace map's info. */
const calls = probeRule({ found: '{{info}}' }, (context) => ({
  Program() {
    for (const { node, info } of findReferences(context.sourceCode, { globals: GLOBALS, modules: MODULES })) {
      context.report({ node, messageId: 'found', data: { info: String(info) } });
    }
  },
}));

const found = (code: string, text: string, info: string) => ({
  messageId: 'found' as const,
  data: { info },
  ...locate(code, text),
});

createRuleTester().run('references: findReferences', calls, {
  valid: [
    // Only Node's built-ins get a `node:` alias.
    "import { get } from 'node:lodash';\nget();",
    // A local that shadows the global is not it.
    'function f(fetch: () => void) { fetch(); }',
  ],
  invalid: [
    {
      code: "import { readFile } from 'node:fs';\nreadFile();",
      errors: [found("import { readFile } from 'node:fs';\nreadFile();", 'readFile()', 'fs.readFile')],
    },
    {
      code: "import fs from 'fs';\nfs.readFile();",
      errors: [found("import fs from 'fs';\nfs.readFile();", 'fs.readFile()', 'fs.readFile')],
    },
    {
      code: "import { get } from 'lodash';\nget();",
      errors: [found("import { get } from 'lodash';\nget();", 'get()', 'lodash.get')],
    },
    // An undeclared global, as in a config without Node's or the browser's globals.
    { code: 'fetch();', errors: [found('fetch();', 'fetch()', 'fetch')] },
  ],
});

createJsRuleTester().run('references: findReferences (CommonJS)', calls, {
  valid: [],
  invalid: [
    {
      code: "const { readFile } = require('node:fs');\nreadFile();",
      languageOptions: { parserOptions: { sourceType: 'commonjs' } },
      errors: [found("const { readFile } = require('node:fs');\nreadFile();", 'readFile()', 'fs.readFile')],
    },
  ],
});
