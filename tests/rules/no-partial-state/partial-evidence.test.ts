// no-partial-state around evidence for a partial literal (`{ db, redis } as AppState`): reported by default only
// when a missing property is seen read as an object, called or updated before anything sets it, in the variable's
// code, in the function it is passed to (this file or, through the checker, another) or in the callers of the
// function that returns it. `reportPartialWithoutEvidence` (on in `strict`) reports it on its shape alone.
import rule from '../../../src/rules/no-partial-state/index.js';
import { createTypedRuleTester } from '../../rule-tester.js';
import { locate } from '../../util/probe-rule.js';

const lines = (...text: string[]) => text.join('\n');

const STATE = lines(
  "import type { AppState, Config, Totals } from './partial-state.js';",
  "import type { Db, Registry, Redis } from './partial-base.js';",
  'declare const db: Db, registry: Registry, redis: Redis;',
);
const CONSUMERS = "import { authenticate, bump, describeState, portOf, serve } from './partial-consumers.js';";
const PARTIAL = '{ db, registry, redis } as AppState';
const NO_CONFIG = "{ db, registry, redis, encryption: { key: 'k' }, authClient: { verify: () => true } } as AppState";
const MISSING = '`config`, `encryption`, `authClient`';

/** The report at `text` (the assertion), with the "annotate instead" suggestion when `annotated` is given. */
function missing(code: string, text: string, type: string, properties: string, annotated?: [string, string]) {
  return {
    messageId: 'missingProperties' as const,
    data: { type, properties },
    ...locate(code, text),
    suggestions:
      annotated === undefined
        ? []
        : [{ messageId: 'annotateInstead' as const, data: { type }, output: code.replace(...annotated) }],
  };
}

// Must report: a missing property read before it is set.
const readAtOnce = lines(
  STATE,
  'export function start(token: string) {',
  `  const state = ${PARTIAL};`,
  '  return state.authClient.verify(token);',
  '}',
);
const updated = lines(STATE, 'export const totals = { count: 0 } as Totals;', 'totals.sum += 1;');
const readInHandler = lines(
  STATE,
  `const state = ${PARTIAL};`,
  'export function onMessage(token: string) {',
  '  return state.authClient.verify(token);',
  '}',
);
const passedHere = lines(
  STATE,
  'function connect(state: AppState) {',
  '  return `${state.config.host}:${state.config.port}`;',
  '}',
  `export const url = connect(${NO_CONFIG});`,
);
const destructuredHere = lines(
  STATE,
  'const start = ({ authClient }: AppState) => authClient.verify("boot");',
  `start(${PARTIAL});`,
);
const returned = lines(
  STATE,
  'function createState(): AppState {',
  `  return ${PARTIAL};`,
  '}',
  'export function handle(token: string) {',
  '  const state = createState();',
  '  return state.authClient.verify(token);',
  '}',
);
const passedElsewhere = lines(STATE, CONSUMERS, `export const ok = authenticate(${PARTIAL}, 't');`);
const destructuredElsewhere = lines(STATE, CONSUMERS, `export const rows = serve(${PARTIAL});`);
const updatedElsewhere = lines(STATE, CONSUMERS, "bump({ host: 'example.test' } as Config);");
const builtThenPassed = lines(
  STATE,
  'function connect(state: AppState) {',
  '  return state.encryption.key;',
  '}',
  'export function open() {',
  `  const state = ${PARTIAL};`,
  "  state.config = { port: 1, host: 'h' };",
  '  return connect(state);',
  '}',
);

const conditionalBuilder = (read: string) =>
  lines(
    "import type { RpcRequest } from './partial-state.js';",
    `function post(request: RpcRequest) { return ${read}; }`,
    'export function call(urgent: boolean) {',
    '  const request = {} as RpcRequest;',
    '  request.id = 1;',
    "  if (urgent) request.method = 'ping';",
    '  request.trace = undefined;',
    '  return post(request);',
    '}',
  );
const builderRead = conditionalBuilder('request.method.trim()');

const reduceSeed = lines(
  STATE,
  'export const totals = [1, 2].reduce((acc, x) => {',
  '  acc.sum += x;',
  '  return acc;',
  '}, { count: 2 } as Totals);',
);

// Must not report: no missing property is seen read before it is set.
const defaultsHere = lines(
  STATE,
  'function describe(state: AppState) {',
  "  const { config = { port: 80, host: 'h' }, encryption = { key: '' }, authClient = { verify: () => false } } = state;",
  '  return `${config.host} ${encryption.key} ${authClient.verify("x")}`;',
  '}',
  `export const text = describe(${PARTIAL});`,
);
const dataTable = lines(
  STATE,
  'export const pastDefaults = {',
  '  0: { port: 80 } as Config,',
  "  1: { port: 8080, host: 'localhost' } as Config,",
  '};',
);

createTypedRuleTester().run('no-partial-state (partial literals, evidence)', rule, {
  valid: [
    // The elk class: the consumer destructures the missing fields with defaults.
    defaultsHere,
    lines(STATE, CONSUMERS, `export const text = describeState(${PARTIAL});`),
    // The mattermost class: a literal only stored in a data table nothing reads the missing field of.
    dataTable,
    // Exported, and nothing in the file reads it: its readers are out of sight.
    lines(STATE, `export const state = ${PARTIAL};`),
    // A plain read checks it first: `if (state.config)` handles the absence.
    lines(STATE, CONSUMERS, `export const port = portOf(${PARTIAL});`),
    lines(STATE, `const state = ${PARTIAL};`, 'export const port = () => (state.config ? state.config.port : 0);'),
    // Optional chaining expects the absence.
    lines(STATE, `const state = ${PARTIAL};`, "export const ok = () => state.authClient?.verify('t');"),
    // Set before it is read, in order.
    lines(
      STATE,
      'export function start(auth: AppState["authClient"]) {',
      `  const state = ${PARTIAL};`,
      '  state.authClient = auth;',
      "  return state.authClient.verify('t');",
      '}',
    ),
    // Set somewhere in the file (an init function) and read in another: which runs first is not visible.
    lines(
      STATE,
      `const state = ${PARTIAL};`,
      'export function init(auth: AppState["authClient"]) { state.authClient = auth; }',
      "export function onMessage() { return state.authClient.verify('t'); }",
    ),
    // Handed to a function nothing here resolves (a store's constructor, a library): it may fill it in.
    lines(
      STATE,
      'declare class Store<T> { constructor(initial: T); }',
      'function createInitialState(): AppState {',
      `  return ${PARTIAL};`,
      '}',
      'export class AppStore extends Store<AppState> {',
      '  constructor() {',
      '    super(createInitialState());',
      '  }',
      '}',
    ),
    lines(
      STATE,
      'declare function register(state: AppState): void;',
      `const state = ${PARTIAL};`,
      'register(state);',
      "export const ok = () => state.authClient.verify('t');",
    ),
    // A builder whose callee reads only what is set on every path.
    conditionalBuilder('request.id + 1'),
    // Functions that hand the object to each other: the search is bounded, and finds no read.
    lines(
      STATE,
      'function ping(state: AppState, n: number): number { return n > 0 ? pong(state, n - 1) : 0; }',
      'function pong(state: AppState, n: number): number { return ping(state, n); }',
      `export const zero = ping(${PARTIAL}, 3);`,
    ),
    // Returned from a function nothing in the file calls.
    lines(STATE, 'export function createState(): AppState {', `  return ${PARTIAL};`, '}'),
    // A read in a callback the callee stores runs later, when anything may have set it.
    lines(
      STATE,
      'function later(state: AppState) {',
      "  setTimeout(() => state.authClient.verify('t'));",
      '}',
      `later(${PARTIAL});`,
    ),
  ],
  invalid: [
    {
      code: readAtOnce,
      errors: [
        missing(readAtOnce, PARTIAL, 'AppState', MISSING, [
          `const state = ${PARTIAL};`,
          'const state: AppState = { db, registry, redis };',
        ]),
      ],
    },
    {
      code: updated,
      errors: [
        missing(updated, '{ count: 0 } as Totals', 'Totals', '`sum`', [
          'export const totals = { count: 0 } as Totals;',
          'export const totals: Totals = { count: 0 };',
        ]),
      ],
    },
    {
      // The incident: a handler reads the field nothing in the file ever sets.
      code: readInHandler,
      errors: [
        missing(readInHandler, PARTIAL, 'AppState', MISSING, [
          `const state = ${PARTIAL};`,
          'const state: AppState = { db, registry, redis };',
        ]),
      ],
    },
    { code: passedHere, errors: [missing(passedHere, NO_CONFIG, 'AppState', '`config`')] },
    { code: destructuredHere, errors: [missing(destructuredHere, PARTIAL, 'AppState', MISSING)] },
    { code: returned, errors: [missing(returned, PARTIAL, 'AppState', MISSING)] },
    { code: passedElsewhere, errors: [missing(passedElsewhere, PARTIAL, 'AppState', MISSING)] },
    { code: destructuredElsewhere, errors: [missing(destructuredElsewhere, PARTIAL, 'AppState', MISSING)] },
    {
      code: updatedElsewhere,
      errors: [missing(updatedElsewhere, "{ host: 'example.test' } as Config", 'Config', '`port`')],
    },
    {
      // A builder: what is set before the object is passed no longer counts; what the callee reads does.
      code: builtThenPassed,
      errors: [
        {
          messageId: 'incompleteBuilder' as const,
          data: { name: 'state', properties: '`encryption`, `authClient`' },
          ...locate(builtThenPassed, `state = ${PARTIAL}`),
        },
      ],
    },
    {
      // A partial `reduce` seed updated in the callback.
      code: reduceSeed,
      errors: [missing(reduceSeed, '{ count: 2 } as Totals', 'Totals', '`sum`')],
    },
    {
      // An empty builder set `method` in one branch only; the callee reads it as an object.
      code: builderRead,
      errors: [
        {
          messageId: 'incompleteBuilder' as const,
          data: { name: 'request', properties: '`method`' },
          ...locate(builderRead, 'request = {} as RpcRequest'),
        },
      ],
    },
    {
      // Without evidence, on its shape alone, when asked for (`strict` asks).
      code: dataTable,
      options: [{ reportPartialWithoutEvidence: true }],
      errors: [missing(dataTable, '{ port: 80 } as Config', 'Config', '`host`')],
    },
  ],
});
