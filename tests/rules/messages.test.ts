// Every message of every rule, rendered with the longest data it realistically gets: one sentence
// (what happens at run time, then the fix) that an editor's hover shows whole.
import { describe, expect, it } from 'vitest';

import { rules } from '../../src/rules.js';
import {
  ADVICE as EXIT_ADVICE,
  MAX_QUOTED_LENGTH as MAX_EXIT_LENGTH,
  MAX_REPLACEMENT_LENGTH,
} from '../../src/rules/no-exit-before-flush/index.js';
import {
  listProperties,
  MAX_NAME_LENGTH,
  MAX_TYPE_LENGTH,
  MAX_VALUE_LENGTH,
} from '../../src/rules/no-partial-state/context.js';
import { MAX_QUOTED_LENGTH as MAX_PLACEHOLDER_LENGTH } from '../../src/rules/no-placeholder-throw/placeholder-throws.js';
import { selectedRuntimes } from '../../src/rules/no-work-before-runtime/options.js';
import {
  afterAwaitIn,
  inEarlyHandler,
  inMethod,
  MAX_QUOTED_LENGTH as MAX_API_LENGTH,
} from '../../src/rules/no-work-before-runtime/report.js';
import { MAX_QUOTED_LENGTH as MAX_HANDLER_LENGTH } from '../../src/rules/no-zero-exit-on-fatal/suggestions.js';
import type { RuntimeDefinition } from '../../src/runtimes/definition.js';
import { builtinRuntimes } from '../../src/runtimes/index.js';
import { MAX_DESCRIPTION_LENGTH } from '../../src/util/log-streams/facts.js';

const MAX_MESSAGE_LENGTH = 160;

/** Source text quoted at its cap. */
const quoted = (length: number) => 'x'.repeat(length);
const longest = (values: readonly string[]) => values.reduce((a, b) => (b.length > a.length ? b : a), '');
/** A line number in a file of a hundred thousand lines. */
const LINE = '99999';

// What no-work-before-runtime's messages are made of: every built-in runtime, and a user runtime with the
// default wording, as the `runtimes` option builds it.
const runtimes: RuntimeDefinition[] = [
  ...Object.values(builtinRuntimes),
  ...selectedRuntimes({
    runtimes: [{ name: 'ActorSystem', modules: ['actors'], requires: [{ path: ['spawn'] }], mustPrecede: [] }],
  }).values(),
];
const apis = runtimes.flatMap((def) => [...def.requires, ...(def.mustPrecede ?? [])]);
const earlyEvents = runtimes.flatMap((def) => (def.ready ?? []).filter((signal) => signal.signal === 'early'));
const contextLabels = runtimes.flatMap((def) => def.contexts ?? []).map((context) => context.label);
const outsideMethods = runtimes.flatMap((def) => def.outside?.methods ?? []);
const timing = longest([
  ...runtimes.flatMap((def) => [def.wording.before, def.wording.after ?? '']),
  ...earlyEvents.flatMap((signal) => (signal.events ?? []).map(inEarlyHandler)),
  ...contextLabels.map(afterAwaitIn),
  ...outsideMethods.map(inMethod),
]);
const remedy = longest(runtimes.flatMap((def) => [def.wording.fix, def.wording.afterFix ?? '']));
/** `new BrowserWindow()`: the quoted callee, and what the message adds around it. */
const api = `new ${quoted(MAX_API_LENGTH)}()`;

/** Per rule, per message: the longest data it is realistically rendered with. */
const DATA: Record<string, Record<string, Record<string, string>>> = {
  'no-exit-before-flush': {
    exitBeforeFlush: {
      exit: quoted(MAX_EXIT_LENGTH),
      write: quoted(MAX_DESCRIPTION_LENGTH),
      line: LINE,
      stream: 'stdout',
      advice: longest(Object.values(EXIT_ADVICE)),
    },
    exitBeforeLoggerFlush: {
      exit: quoted(MAX_EXIT_LENGTH),
      write: quoted(MAX_DESCRIPTION_LENGTH),
      line: LINE,
      advice: longest(Object.values(EXIT_ADVICE)),
    },
    useExitCode: { replacement: quoted(MAX_REPLACEMENT_LENGTH) },
    useExitCodeInFunction: { replacement: quoted(MAX_REPLACEMENT_LENGTH) },
    exitFromWriteCallback: { streams: 'stdout and stderr' },
  },
  'no-partial-state': {
    missingProperties: {
      type: quoted(MAX_TYPE_LENGTH),
      properties: listProperties(['configuration', 'encryptionKeys', 'authClient', 'db', 'registry', 'cache']),
    },
    incompleteBuilder: {
      name: quoted(MAX_NAME_LENGTH),
      properties: listProperties(['configuration', 'encryptionKeys', 'authClient', 'db', 'registry', 'cache']),
    },
    emptyAsserted: { type: quoted(MAX_TYPE_LENGTH) },
    updatedBeforeSet: { access: quoted(MAX_NAME_LENGTH), line: LINE },
    usedBeforeSet: { access: quoted(MAX_NAME_LENGTH), line: LINE },
    fillerValue: { property: quoted(MAX_NAME_LENGTH), value: quoted(MAX_VALUE_LENGTH), actual: 'an empty object' },
    neverAssigned: { name: quoted(MAX_NAME_LENGTH) },
    annotateInstead: { type: quoted(MAX_TYPE_LENGTH) },
  },
  'no-placeholder-throw': {
    placeholderMessage: { text: quoted(MAX_PLACEHOLDER_LENGTH) },
    placeholderErrorClass: { errorClass: quoted(MAX_PLACEHOLDER_LENGTH) },
    placeholderHelperCall: { helper: quoted(MAX_PLACEHOLDER_LENGTH) },
  },
  'no-work-before-runtime': {
    notReady: { api, outcome: longest(apis.map((entry) => entry.outcome)), timing, remedy },
    notReadyVia: { api, line: LINE, timing, remedy },
    tooLate: { api, outcome: longest(apis.map((entry) => entry.outcome)), timing, remedy },
  },
  'no-zero-exit-on-fatal': {
    exitsZero: {},
    exitsZeroAfterError: {},
    exitNonZero: {},
    setExitCode: {},
    wrapHandler: { handler: quoted(MAX_HANDLER_LENGTH) },
  },
};

/** As ESLint fills a message in. */
function render(message: string, data: Record<string, string>): string {
  return message.replace(/\{\{\s*([^{}]+?)\s*\}\}/g, (whole, key: string) => data[key] ?? whole);
}

describe('rule messages', () => {
  for (const [name, rule] of Object.entries(rules)) {
    describe(name, () => {
      for (const [messageId, message] of Object.entries(rule.meta.messages)) {
        it(`${messageId} is one sentence of at most ${MAX_MESSAGE_LENGTH} characters`, () => {
          const data = DATA[name]?.[messageId];
          expect(data, `no data for ${name}/${messageId} in this test`).toBeDefined();
          const rendered = render(message, data ?? {});
          expect(rendered).not.toMatch(/\{\{/);
          expect(rendered.length, rendered).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
          // Code spans aside, no full stop ends a sentence before the last one.
          expect(rendered.replace(/`[^`]*`/g, '`…`').slice(0, -1)).not.toMatch(/[.!?]\s/);
        });
      }
    });
  }

  it('renders with the longest wording of every runtime', () => {
    expect(timing.length).toBeGreaterThan(0);
    expect(remedy.length).toBeGreaterThan(0);
  });
});
