import rule, { type Options, type UserRuntime } from '../../../src/rules/no-work-before-runtime/index.js';
import { createRuleTester } from '../../rule-tester.js';

// The incident: a service spawned its websocket actor in `main` before the
// HTTP server had started the actor runtime, and panicked at every startup.
const actorSystem: UserRuntime = {
  name: 'ActorSystem',
  modules: ['actors'],
  instance: { path: ['ActorSystem'], create: 'new' },
  requires: [{ path: ['spawn'], error: 'no actor runtime: call start() first' }],
  mustPrecede: [{ path: ['configure'], error: 'configure() after start()' }],
  ready: [{ path: ['start'], signal: 'promise' }],
  before: 'before the actor system has started',
  after: 'after the actor system has started',
  fix: 'spawn actors after `await system.start()`',
};
const options: Options = [{ runtimes: [actorSystem] }];

const TIMING = 'before the actor system has started';
const OUTCOME = "throws 'no actor runtime: call start() first'";
const REMEDY = 'spawn actors after `await system.start()`';

const HEADER = `import { ActorSystem } from '../runtime/actors';
declare const WebsocketActor: unknown;
const system = new ActorSystem();
`;

createRuleTester().run('no-work-before-runtime (user-defined ActorSystem)', rule, {
  valid: [
    { code: `${HEADER}await system.start();\nsystem.spawn(WebsocketActor);`, options },
    { code: `${HEADER}system.start().then(() => system.spawn(WebsocketActor));`, options },
    {
      code: `${HEADER}async function main() {
  await system.start();
  startWebsocket();
}
function startWebsocket() { system.spawn(WebsocketActor); }
main();`,
      options,
    },
    // No caller in the file: another module decides when it runs.
    { code: `${HEADER}export function startWebsocket() { system.spawn(WebsocketActor); }`, options },
    // configure() before start() is the right order.
    { code: `${HEADER}system.configure({});\nawait system.start();`, options },
    // Another module's ActorSystem, a local class of the same name, and the rule without the definition.
    {
      code: `import { ActorSystem } from './other-runtime';\nnew ActorSystem().spawn(1);`,
      options,
    },
    { code: `class ActorSystem { spawn(x: unknown) {} }\nnew ActorSystem().spawn(1);`, options },
    `${HEADER}system.spawn(WebsocketActor);`,
  ],
  invalid: [
    {
      code: `${HEADER}system.spawn(WebsocketActor);
await system.start();`,
      options,
      errors: [
        {
          messageId: 'notReady',
          data: { api: 'system.spawn()', outcome: OUTCOME, timing: TIMING, remedy: REMEDY },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 29,
        },
      ],
    },
    {
      // The incident's shape: main() spawns through a helper before it awaits start().
      code: `${HEADER}function startWebsocket() {
  system.spawn(WebsocketActor);
}
async function main() {
  startWebsocket();
  await system.start();
}
main();`,
      options,
      errors: [
        {
          messageId: 'notReadyVia',
          data: { api: 'system.spawn()', line: 5, timing: TIMING, remedy: REMEDY },
          line: 11,
          column: 1,
          endLine: 11,
          endColumn: 7,
        },
      ],
    },
    {
      // Reversed: configure() must precede start().
      code: `${HEADER}await system.start();
system.configure({});`,
      options,
      errors: [
        {
          messageId: 'tooLate',
          data: {
            api: 'system.configure()',
            outcome: "throws 'configure() after start()'",
            timing: 'after the actor system has started',
            remedy: 'call it before ActorSystem is ready',
          },
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 21,
        },
      ],
    },
  ],
});
