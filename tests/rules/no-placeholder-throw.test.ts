import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import rule from '../../src/rules/no-placeholder-throw/index.js';
import { createPlaceholderVocabulary, isPlaceholderMessage } from '../../src/rules/no-placeholder-throw/placeholder.js';
import { createJsRuleTester, createRuleTester, createTypedRuleTester } from '../rule-tester.js';
import { at } from '../util/probe-rule.js';

/** A report on a whole `throw` statement on one line. */
const message = (text: string, line: number, column: number, endColumn: number) => ({
  messageId: 'placeholderMessage' as const,
  data: { text },
  ...at(line, column, endColumn),
});
const errorClass = (name: string, line: number, column: number, endColumn: number) => ({
  messageId: 'placeholderErrorClass' as const,
  data: { errorClass: name },
  ...at(line, column, endColumn),
});
const helperCall = (name: string, line: number, column: number, endColumn: number) => ({
  messageId: 'placeholderHelperCall' as const,
  data: { helper: name },
  ...at(line, column, endColumn),
});

createRuleTester().run('no-placeholder-throw', rule, {
  valid: [
    // A hand-written interface in TypeScript: an exported base class of stubs, implementing nothing.
    "export abstract class Repository<T> {\n  find(id: string): Promise<T> {\n    throw new Error('Method not implemented.');\n  }\n  save(entity: T): Promise<void> {\n    throw new Error('Method not implemented.');\n  }\n}",
    // Validation failures are real errors.
    "if (!process.env.PORT) throw new Error('PORT is not set');",
    // Exhaustiveness guards.
    'function check(x: never): never { throw new Error(`Unhandled case: ${x}`); }',
    "function assertNever(value: never): never { throw new Error('Unexpected value: ' + String(value)); }",
    // The deliberate "unimplemented" meaning: not supported, deprecated.
    "throw new Error('Streaming is not supported by this adapter');",
    "throw new Error('deprecated: use connect() instead');",
    // Concrete base classes that ask subclasses to override (deliberate design).
    "class Shape { area(): number { throw new Error('area() must be implemented by subclass'); } }",
    "class View { render(): string { throw new Error('Not implemented: subclasses must override render()'); } }",
    "class Repo { find(): void { throw new Error('Abstract method not implemented'); } }",
    "class Cursor { next(): void { throw new Error('next() must be implemented'); } }",
    // A requirement that mentions something else being unimplemented.
    "if (!transport.send) throw new Error('transport must implement send when invoke is not implemented');",
    // Abstract members have no body to throw from.
    'abstract class Base { abstract run(): void; }',
    // Rethrows.
    'try { run(); } catch (err) { throw err; }',
    // Generic failure helpers: the message comes from the caller.
    "function fail(message: string): never { throw new Error(message); }\nfail('bad input');",
    // Words such as "implementation" or "todo list" as content.
    "throw new Error('No implementation registered for token ' + token);",
    "throw new Error('Could not load the todo list');",
    "throw new Error('Todo list is empty');",
    "throw new Error('Implementation detail leaked: ' + key);",
    "throw new TypeError('Cannot stub non-existent property ' + name);",
    // TODO in ordinary strings outside throws.
    "const label = 'TODO: buy milk';\nconsole.log('FIXME', label);",
    "const err = new Error('Not implemented');\nreport(err);",
    // A placeholder helper's own definition, by name and by shape.
    "function todo(): never { throw new Error('TODO'); }",
    'function unimplemented(what: string): never { throw new Error(`${what} is not implemented`); }',
    "function pending(): never { throw new Error('Not implemented'); }",
    "const notImplemented = (): never => { throw new Error('Not implemented'); };",
    "class Kit { todo(): never { throw new Error('TODO'); } }",
    // A local `todo` that does real work, a parameter, member calls (test runners' `it.todo`).
    "function todo(title: string) { return { title }; }\ntodo('milk');",
    'function run(todo: () => void) { todo(); }',
    'const todo = loadTodo();\ntodo();',
    // A test runner's pending test (`it.todo`, spelled with an escape so the
    // repo's focused/skipped-test check does not read it as one of ours).
    "it\u002Etodo('retries on failure');\nstore.todo(1);",
    // Imported under a helper's name, but exported under another.
    "import { createTodo as todo } from './model';\ntodo('milk');",
    // Not errors by name, or a deliberate HTTP 501.
    "throw new Response('Not implemented', { status: 501 });",
    "throw new HttpError(501, 'Not implemented');",
    'throw createError.NotImplemented();',
    "throw new NotFoundError('missing');",
    // A placeholder error class whose message explains a deliberate limitation (firebase-tools'
    // Auth Emulator answers HTTP 501 with these): a subject of its own, what is supported, the
    // run-time value that reached a `default:`.
    "throw new errors.NotImplementedError('Sign-in with IDP is not yet supported.');",
    "throw new errors.NotImplementedError('limit is not implemented.');",
    "throw new errors.NotImplementedError('captcha unimplemented');",
    "throw new NotImplementedError('The Auth Emulator only supports sign-in with credentials (id_token required).');",
    'throw new NotImplementedError(`${field} is not implemented yet.`);',
    'for (const attr of attrs) if (attr === "PROVIDER") throw new NotImplementedError(`deleteAttribute: ${attr}`);',
    "switch (body.requestType) {\n  case 'VERIFY_EMAIL': break;\n  default: throw new NotImplementedError(body.requestType);\n}",
    "app.post('/signOutUser', () => {\n  throw new NotImplementedError('signOutUser is not implemented in the Auth Emulator.');\n});",
    // A "not implemented" message that says what to do instead.
    "class Backend {\n  async deleteAllData(): Promise<void> {\n    throw Error('This is not implemented, call IDBFactory::deleteDatabase(dbName) instead.');\n  }\n}",
    // A base class method whose whole body says that same method is not implemented: an
    // abstract method written by hand, for subclasses to override.
    "class Driver {\n  install(): void {\n    throw new Error('install() not implemented');\n  }\n  execHook(hook: string): void {\n    throw new Error('execHook() not implemented');\n  }\n}",
    "class Driver { install(): void { throw new Error('Driver.install not implemented'); } }",
    "class Driver { install(): void { throw new NotImplementedError('install'); } }",
    // Messages nobody can read statically.
    'throw new Error(getMessage());',
    'throw new Error();',
    'throw new Error(...args);',
    'throw new Error(`${a}${b}`);',
  ],
  invalid: [
    {
      // An Angular component's lifecycle hook: the framework calls it.
      code: "@Component({ selector: 'app-profile', template: '' })\nexport class ProfileComponent {\n  ngOnInit(): void {\n    throw new Error('Method not implemented.');\n  }\n}",
      errors: [message('Method not implemented.', 4, 5, 48)],
    },
    {
      // A Nest provider.
      code: "@Injectable()\nexport class UsersService {\n  findAll(): string[] {\n    throw new Error('Method not implemented.');\n  }\n}",
      errors: [message('Method not implemented.', 4, 5, 48)],
    },
    {
      // A decorated method of an otherwise plain class.
      code: "export class UsersController {\n  @Get()\n  findAll() {\n    throw new Error('Method not implemented.');\n  }\n}",
      errors: [message('Method not implemented.', 4, 5, 48)],
    },
    {
      // A class that implements an interface, the quick fix's stub beside real methods.
      code: "export class ProfileComponent implements OnInit, OnDestroy {\n  ngOnInit(): void {\n    throw new Error('Method not implemented.');\n  }\n  ngOnDestroy(): void {\n    this.subscription.unsubscribe();\n  }\n}",
      errors: [message('Method not implemented.', 3, 5, 48)],
    },
    {
      // Every method a stub, but it implements an interface: what the quick fix writes.
      code: "export class RedisCache implements Cache {\n  get(key: string): Promise<string | null> {\n    throw new Error('Method not implemented.');\n  }\n  set(key: string, value: string): Promise<void> {\n    throw new Error('Method not implemented.');\n  }\n}",
      errors: [message('Method not implemented.', 3, 5, 48), message('Method not implemented.', 6, 5, 48)],
    },
    {
      // TypeScript's "implement interface" quick fix, double quotes.
      code: [
        'class Cache implements Store {',
        '  get(key: string): string {',
        '    throw new Error("Method not implemented.");',
        '  }',
        '}',
      ].join('\n'),
      errors: [message('Method not implemented.', 3, 5, 48)],
    },
    {
      // TypeScript's "declare function" quick fix, single quotes.
      code: "function connect(url: string): void {\n  throw new Error('Function not implemented.');\n}",
      errors: [message('Function not implemented.', 2, 3, 48)],
    },
    {
      code: "class Cache {\n  get(key: string): string {\n    throw new Error('Method not implemented.');\n  }\n}",
      errors: [message('Method not implemented.', 3, 5, 48)],
    },
    {
      code: 'export function load(): void {\n  throw new Error("Function not implemented.");\n}',
      errors: [message('Function not implemented.', 2, 3, 48)],
    },
    {
      // typescript-eslint's switch-exhaustiveness-check suggestion.
      code: [
        "function size(kind: 'a' | 'b') {",
        '  switch (kind) {',
        "    case 'a': return 1;",
        "    case 'b': { throw new Error('Not implemented yet: b case') }",
        '  }',
        '}',
      ].join('\n'),
      errors: [message('Not implemented yet: b case', 4, 17, 63)],
    },
    {
      // SonarJS's fix for a switch without default.
      code: "switch (kind) {\n  case 1: break;\n  default: { throw new Error('Not implemented yet'); }\n}",
      errors: [message('Not implemented yet', 3, 14, 53)],
    },
    { code: "throw new Error('Not implemented');", errors: [message('Not implemented', 1, 1, 36)] },
    { code: "throw new Error('METHOD NOT IMPLEMENTED');", errors: [message('METHOD NOT IMPLEMENTED', 1, 1, 43)] },
    { code: "throw new Error('NotImplemented');", errors: [message('NotImplemented', 1, 1, 35)] },
    { code: "throw new Error('TODO');", errors: [message('TODO', 1, 1, 25)] },
    { code: "throw new Error('todo!');", errors: [message('todo!', 1, 1, 26)] },
    { code: "throw new Error('TODO: wire the cache');", errors: [message('TODO: wire the cache', 1, 1, 41)] },
    { code: "throw new Error('TODO wire the cache');", errors: [message('TODO wire the cache', 1, 1, 40)] },
    {
      code: "throw new Error('Retry policy (todo: backoff)');",
      errors: [message('Retry policy (todo: backoff)', 1, 1, 49)],
    },
    {
      // A marker wins over words that would otherwise read as deliberate design.
      code: "throw new Error('TODO: override the config loader');",
      errors: [message('TODO: override the config loader', 1, 1, 53)],
    },
    { code: "throw new Error('FIXME(ana) retry');", errors: [message('FIXME(ana) retry', 1, 1, 37)] },
    { code: "throw new Error('TBD');", errors: [message('TBD', 1, 1, 24)] },
    { code: "throw Error('XXX: handle timeouts');", errors: [message('XXX: handle timeouts', 1, 1, 37)] },
    { code: "throw new Error('implement me');", errors: [message('implement me', 1, 1, 33)] },
    { code: "throw new Error('unimplemented');", errors: [message('unimplemented', 1, 1, 34)] },
    { code: "throw new RuntimeException('Stub!');", errors: [message('Stub!', 1, 1, 37)] },
    { code: "throw new Error('This is a stub');", errors: [message('This is a stub', 1, 1, 35)] },
    // Built-in error classes, member access, `as`.
    { code: "throw new TypeError('Not implemented');", errors: [message('Not implemented', 1, 1, 40)] },
    { code: "throw new errors.AppError('TODO');", errors: [message('TODO', 1, 1, 35)] },
    { code: "throw new Error('TODO' as string);", errors: [message('TODO', 1, 1, 35)] },
    // Template literals are judged on their static parts.
    {
      code: 'throw new Error(`Not implemented: ${method}`);',
      errors: [message('Not implemented: ${…}', 1, 1, 47)],
    },
    {
      code: 'throw new Error(`${service}.${method} is not implemented yet`);',
      errors: [message('${…}.${…} is not implemented yet', 1, 1, 64)],
    },
    { code: "throw new Error('Not implemented: ' + name);", errors: [message('Not implemented: ${…}', 1, 1, 45)] },
    // Constants.
    {
      code: "const NOT_READY = 'Not implemented';\nthrow new Error(NOT_READY);",
      errors: [message('Not implemented', 2, 1, 28)],
    },
    {
      code: "const area = 'billing';\nthrow new Error(`TODO: ${area}`);",
      errors: [message('TODO: billing', 2, 1, 34)],
    },
    // Thrown strings.
    { code: "throw 'not implemented';", errors: [message('not implemented', 1, 1, 25)] },
    { code: 'throw `TODO: ${name}`;', errors: [message('TODO: ${…}', 1, 1, 23)] },
    // Placeholder error classes, with or without a message.
    { code: 'throw new NotImplementedError();', errors: [errorClass('NotImplementedError', 1, 1, 33)] },
    { code: "throw new UnimplementedError('sync');", errors: [errorClass('UnimplementedError', 1, 1, 38)] },
    { code: 'throw new NotImplementedException();', errors: [errorClass('NotImplementedException', 1, 1, 37)] },
    { code: 'throw new TodoError();', errors: [errorClass('TodoError', 1, 1, 23)] },
    { code: 'throw new errors.NotYetImplementedError;', errors: [errorClass('NotYetImplementedError', 1, 1, 41)] },
    // ... and when its message is a placeholder, a marker, or names only the stubbed function itself.
    {
      code: "throw new NotImplementedError('Not implemented yet');",
      errors: [errorClass('NotImplementedError', 1, 1, 54)],
    },
    {
      code: "throw new NotImplementedError('This feature is not implemented');",
      errors: [errorClass('NotImplementedError', 1, 1, 66)],
    },
    { code: "throw new NotImplementedError('TODO: paging');", errors: [errorClass('NotImplementedError', 1, 1, 47)] },
    { code: 'throw new NotImplementedError(`TODO: ${what}`);', errors: [errorClass('NotImplementedError', 1, 1, 48)] },
    {
      code: "function sync(): void {\n  throw new NotImplementedError('sync is not implemented');\n}",
      errors: [errorClass('NotImplementedError', 2, 3, 60)],
    },
    {
      code: "class Store {\n  sync(): void {\n    log();\n    throw new NotImplementedError('Store.sync is not implemented');\n  }\n}",
      errors: [errorClass('NotImplementedError', 4, 5, 68)],
    },
    // "Not implemented" naming a method, outside the whole body of that class method: unfinished.
    {
      code: "function install(): void {\n  throw new Error('install() not implemented');\n}",
      errors: [message('install() not implemented', 2, 3, 48)],
    },
    {
      code: "const driver = {\n  install(): void {\n    throw new Error('install() not implemented');\n  },\n};",
      errors: [message('install() not implemented', 3, 5, 50)],
    },
    {
      code: "class Driver {\n  install(): void {\n    throw new Error('build() not implemented');\n  }\n}",
      errors: [message('build() not implemented', 3, 5, 48)],
    },
    {
      code: "class Driver {\n  install(ready: boolean): void {\n    if (ready) return;\n    throw new Error('install() not implemented');\n  }\n}",
      errors: [message('install() not implemented', 4, 5, 50)],
    },
    {
      code: "class Driver {\n  install(): void {\n    throw new Error('TODO: install');\n  }\n}",
      errors: [message('TODO: install', 3, 5, 38)],
    },
    // Placeholder helpers: by name, as globals or imports.
    { code: 'todo();', errors: [helperCall('todo', 1, 1, 7)] },
    { code: "const port = unimplemented('port');", errors: [helperCall('unimplemented', 1, 14, 35)] },
    { code: 'function port() { return notImplemented(); }', errors: [helperCall('notImplemented', 1, 26, 42)] },
    {
      code: "import { todo } from 'todo-macro';\nconst session = { id: todo(), user: todo(), room: todo() };",
      errors: [helperCall('todo', 2, 23, 29), helperCall('todo', 2, 37, 43), helperCall('todo', 2, 51, 57)],
    },
    {
      code: "import { todo as later } from './helpers';\nlater();",
      errors: [helperCall('later', 2, 1, 8)],
    },
    // A local helper: its definition is left alone, each call is reported.
    {
      code: "function todo(): never { throw new Error('TODO'); }\ntodo();\ntodo();",
      errors: [helperCall('todo', 2, 1, 7), helperCall('todo', 3, 1, 7)],
    },
    {
      code: "function pending(): never { throw new Error('Not implemented'); }\nconst handler = { onMessage: () => pending() };",
      errors: [helperCall('pending', 2, 36, 45)],
    },
    {
      code: "const todo = (what: string): never => { throw new Error(what); };\ntodo('cache');",
      errors: [helperCall('todo', 2, 1, 14)],
    },
    // A long message is cut in the report.
    {
      code: `throw new Error('TODO: ${'x'.repeat(90)}');`,
      errors: [message(`TODO: ${'x'.repeat(33)}…`, 1, 1, 117)],
    },
    // Options.
    {
      code: "throw new Error('WIP: retries');\nthrow new Error('later');",
      options: [{ messagePatterns: ['^wip\\b', '^later$'] }],
      errors: [message('WIP: retries', 1, 1, 33), message('later', 2, 1, 26)],
    },
    {
      // A pattern of one's own wins over the deliberate-design exception.
      code: "throw new Error('Pending: override in subclass');",
      options: [{ messagePatterns: ['^pending:'] }],
      errors: [message('Pending: override in subclass', 1, 1, 50)],
    },
    {
      // A class named in the options reports whatever its message says.
      code: "throw new NotImplementedError('limit is not supported');",
      options: [{ errorClasses: ['NotImplementedError'] }],
      errors: [errorClass('NotImplementedError', 1, 1, 57)],
    },
    {
      code: "throw new PendingFeature('exports');\nthrow PendingFeature();",
      options: [{ errorClasses: ['PendingFeature'] }],
      errors: [errorClass('PendingFeature', 1, 1, 37), errorClass('PendingFeature', 2, 1, 24)],
    },
    {
      code: "later('sync');\nfunction later(what: string): never { throw new Error(what); }",
      options: [{ helpers: ['later'] }],
      errors: [helperCall('later', 1, 1, 14)],
    },
  ],
});

createJsRuleTester().run('no-placeholder-throw (JavaScript)', rule, {
  valid: [
    // A method that names its own class: this implementation leaves the member to another.
    "class MemoryBackend {\n  save(record) {\n    this.records.push(record);\n  }\n  containsData() {\n    throw new Error('Not implemented for MemoryBackend');\n  }\n}",
    // A hand-written interface: exported, every method only says it is not implemented.
    "export class Storage {\n  get(key) {\n    throw new Error('Method not implemented.');\n  }\n  set(key, value) {\n    throw new Error('Method not implemented.');\n  }\n}",
    // The same in CommonJS, with a constructor, a getter and a bare NotImplementedError.
    "class Transport {\n  constructor(options) {\n    this.options = options;\n  }\n  get name() {\n    throw new Error('not implemented');\n  }\n  send(message) {\n    throw new NotImplementedError();\n  }\n}\nmodule.exports = { Transport };",
    // An interface the file itself extends.
    "class Reporter {\n  report(result) {\n    throw new Error('Not implemented');\n  }\n}\nclass JsonReporter extends Reporter {\n  report(result) {\n    return JSON.stringify(result);\n  }\n}\nrun(new JsonReporter());",
    // A class expression exported as the module.
    "module.exports = class Queue {\n  push(job) {\n    throw new Error('Not implemented.');\n  }\n  pop() {\n    throw new Error('Not implemented.');\n  }\n};",
    'try { run(); } catch (err) { throw err; }',
    "throw new Error('Streaming is not supported');",
    "class Shape { area() { throw new Error('must be implemented by subclass'); } }",
    "function fail(message) { throw new Error(message); }\nfail('bad');",
    "const { todo } = require('./todos');\ntodo('milk');",
    // firebase-tools' compiled Driver base class and its HTTP 501 answers.
    'class Driver {\n  constructor(spec) { this.spec = spec; }\n  install() {\n    throw new Error("install() not implemented");\n  }\n  export(bundle) {\n    throw new Error("export() not implemented");\n  }\n}',
    "Driver.prototype.install = function () {\n  throw new Error('install() not implemented');\n};",
    'throw new errors_1.NotImplementedError("returnRefreshToken is not implemented yet.");',
  ],
  invalid: [
    {
      // The same message outside a class names no class of its own.
      code: "function containsData() {\n  throw new Error('Not implemented for MemoryBackend');\n}",
      errors: [message('Not implemented for MemoryBackend', 2, 3, 56)],
    },
    {
      // Nor does one naming another class.
      code: "class DiskBackend {\n  containsData() {\n    throw new Error('Not implemented for MemoryBackend');\n  }\n}",
      errors: [message('Not implemented for MemoryBackend', 3, 5, 58)],
    },
    {
      // Exported, but another method does real work: the stub is unfinished code.
      code: "export class Session {\n  open() {\n    return connect();\n  }\n  close() {\n    throw new Error('Method not implemented.');\n  }\n}",
      errors: [message('Method not implemented.', 6, 5, 48)],
    },
    {
      // A marker says more than "not implemented".
      code: "export class Storage {\n  get(key) {\n    throw new Error('TODO: read from redis');\n  }\n}",
      errors: [message('TODO: read from redis', 3, 5, 46)],
    },
    {
      // A class with state is no interface.
      code: "export class Counter {\n  count = 0;\n  increment() {\n    throw new Error('Method not implemented.');\n  }\n}",
      errors: [message('Method not implemented.', 4, 5, 48)],
    },
    {
      // Compiled decorators: the framework instantiates the class.
      code: "let AppComponent = class AppComponent {\n  ngOnInit() {\n    throw new Error('Method not implemented.');\n  }\n};\nAppComponent = __decorate([Component({ selector: 'app-root' })], AppComponent);\nexport { AppComponent };",
      errors: [message('Method not implemented.', 3, 5, 48)],
    },
    {
      code: "class Cache {\n  get(key) {\n    throw new Error('Method not implemented.');\n  }\n}",
      errors: [message('Method not implemented.', 3, 5, 48)],
    },
    {
      code: 'function connect() {\n  throw new Error("Function not implemented.");\n}',
      errors: [message('Function not implemented.', 2, 3, 48)],
    },
    { code: 'throw new Error(`TODO: ${name}`);', errors: [message('TODO: ${…}', 1, 1, 34)] },
    { code: 'throw new NotImplementedError();', errors: [errorClass('NotImplementedError', 1, 1, 33)] },
    {
      // The compiled form of a stub whose whole body is a placeholder, in a class: still reported.
      code: 'class StorageRulesRuntime {\n  unload() {\n    throw new Error("NOT_IMPLEMENTED");\n  }\n}',
      errors: [message('NOT_IMPLEMENTED', 3, 5, 40)],
    },
    {
      code: "function todo() { throw new Error('TODO'); }\nexport const session = { socket: todo() };",
      errors: [helperCall('todo', 2, 34, 40)],
    },
  ],
});

createTypedRuleTester().run('no-placeholder-throw (type-aware)', rule, {
  valid: [
    // A hand-written interface, type-aware.
    "export class Clock {\n  now(): number {\n    throw new Error('Method not implemented.');\n  }\n}",
    'declare const reason: string;\nthrow new Error(reason);',
    // A generic failure helper and a never-returning helper with a real error.
    "import { fail, exitWithUsage } from './placeholder-helpers.js';\nfail('bad input');\nexitWithUsage();",
    // A domain function that happens to be called `todo`.
    "import { todo } from './placeholder-todos.js';\ntodo('buy milk');",
    'declare function todo(): string;\ntodo();',
    // Importing a helper is not calling it.
    "import { pending } from './placeholder-helpers.js';\nexport { pending };",
    "function todo(): never { throw new Error('TODO'); }",
    'try { run(); } catch (err) { throw err; }',
    // Members of a namespace that are no placeholder helpers.
    "import * as helpers from './placeholder-helpers.js';\nhelpers.fail('bad input');\nhelpers.exitWithUsage();",
    // Methods of values: a name no helper goes by, and a domain method called `todo`.
    "const api = { load(): string { return 'ok'; } };\napi.load();",
    "const list = { todo(title: string) { return { title }; } };\nlist.todo('buy milk');",
    // A method named like a helper elsewhere in the program, but with a real body.
    'class Store {\n  pending(): number { return 0; }\n}\nnew Store().pending();',
  ],
  invalid: [
    {
      // A decorated Nest controller, type-aware.
      code: "declare function Controller(): ClassDecorator;\n@Controller()\nexport class HealthController {\n  check(): string {\n    throw new Error('Method not implemented.');\n  }\n}",
      errors: [message('Method not implemented.', 5, 5, 48)],
    },
    {
      // A message whose type is a string literal type.
      code: "declare const reason: 'Not implemented';\nthrow new Error(reason);",
      errors: [message('Not implemented', 2, 1, 25)],
    },
    {
      code: "function stop(why: 'TODO') {\n  throw new Error(why);\n}",
      errors: [message('TODO', 2, 3, 24)],
    },
    {
      // A constant in another module: only the type knows its text.
      code: "import { NOT_READY } from './placeholder-messages.js';\nthrow new Error(NOT_READY);",
      errors: [message('Not implemented', 2, 1, 28)],
    },
    {
      // A helper imported from another file, judged by its declaration.
      code: "import { pending } from './placeholder-helpers.js';\nexport const session = { state: pending() };",
      errors: [helperCall('pending', 2, 33, 42)],
    },
    {
      code: "import { todo, stubbed } from './placeholder-helpers.js';\ntodo('cache');\nstubbed();",
      errors: [helperCall('todo', 2, 1, 14), helperCall('stubbed', 3, 1, 10)],
    },
    {
      // Through a re-export under another name.
      code: "import { later } from './placeholder-reexport.js';\nlater();",
      errors: [helperCall('later', 2, 1, 8)],
    },
    {
      // Through a namespace import and a local alias of the import.
      code: "import * as helpers from './placeholder-helpers.js';\nhelpers.pending();",
      errors: [helperCall('pending', 2, 1, 18)],
    },
    {
      // Through a namespace's re-export under another name, read from the module's exports.
      code: "import * as reexports from './placeholder-reexport.js';\nreexports.later();",
      errors: [helperCall('later', 2, 1, 18)],
    },
    {
      // Through `export * as helpers`, and a namespace nested in another.
      code: "import { helpers } from './placeholder-reexport.js';\nimport * as reexports from './placeholder-reexport.js';\nhelpers.stubbed();\nreexports.helpers.todo('cache');",
      errors: [helperCall('stubbed', 3, 1, 18), helperCall('todo', 4, 1, 32)],
    },
    {
      // A dynamically imported module object's member, re-exported under another name.
      code: "export async function load() {\n  const dev = await import('./placeholder-reexport.js');\n  dev.later();\n}",
      errors: [helperCall('later', 3, 3, 14)],
    },
    {
      // A TypeScript namespace's member (the throw in a helper's own body is what the helper is for).
      code: "namespace Stubs {\n  export function halt(): never {\n    throw new Error('Not implemented yet');\n  }\n}\nStubs.halt();",
      errors: [helperCall('halt', 6, 1, 13)],
    },
    {
      // A method of a value, declared `never` around the quick fix's throw.
      code: "const api = {\n  load(): never {\n    throw new Error('Method not implemented.');\n  },\n};\napi.load();",
      errors: [helperCall('load', 6, 1, 11)],
    },
    {
      // A method whose name is computed from a constant.
      code: "const HALT = 'halt';\nclass Machine {\n  [HALT](): never {\n    throw new Error('TODO');\n  }\n}\nnew Machine().halt();",
      errors: [helperCall('halt', 7, 1, 21)],
    },
    {
      // A method of a class expression in a heritage clause.
      code: "declare function mixin<T extends new () => object>(base: T): T;\nclass Machine extends mixin(\n  class {\n    halt(): never {\n      throw new Error('TODO');\n    }\n  },\n) {}\nnew Machine().halt();",
      errors: [helperCall('halt', 9, 1, 21)],
    },
    {
      code: "import { pending as whenReady } from './placeholder-helpers.js';\nwhenReady();",
      errors: [helperCall('whenReady', 2, 1, 12)],
    },
    {
      // A method whose body is the quick fix's placeholder.
      code: "import { Gateway } from './placeholder-helpers.js';\nnew Gateway().connect();",
      errors: [helperCall('connect', 2, 1, 24)],
    },
    {
      code: 'declare function todo(): never;\ntodo();',
      errors: [helperCall('todo', 2, 1, 7)],
    },
    {
      code: "function todo(): never { throw new Error('TODO'); }\ntodo();",
      errors: [helperCall('todo', 2, 1, 7)],
    },
  ],
});

describe('no-placeholder-throw options', () => {
  it('turns a message pattern that does not compile into a configuration error', () => {
    expect(() =>
      createPlaceholderVocabulary({ messagePatterns: ['(unclosed'] }, 'defuse/no-placeholder-throw'),
    ).toThrow(
      /^Configuration for rule "defuse\/no-placeholder-throw" is invalid: messagePatterns entry "\(unclosed" is not a valid regular expression/,
    );
  });

  it('lets ESLint reject a message pattern that does not compile', () => {
    const linter = new Linter();
    const config = {
      plugins: { defuse: { rules: { 'no-placeholder-throw': rule } } },
      rules: { 'defuse/no-placeholder-throw': ['error', { messagePatterns: ['(unclosed'] }] },
    } as unknown as Linter.Config;
    expect(() => linter.verify('throw new Error("x");', config)).toThrow(/should match format "regex"/);
  });

  it('exports the vocabulary for other rules', () => {
    expect(isPlaceholderMessage('Method not implemented.')).toBe(true);
    expect(isPlaceholderMessage('PORT is not set')).toBe(false);
  });
});
