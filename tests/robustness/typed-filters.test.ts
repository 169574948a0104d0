// The syntactic filters that spare the type checker a question (issue 15) must
// never change a report: each case below sits on the edge of one filter, where
// a filter that said too much would drop the report or add one.
import partialState from '../../src/rules/no-partial-state/index.js';
import placeholder from '../../src/rules/no-placeholder-throw/index.js';
import { createTypedRuleTester } from '../rule-tester.js';
import { at } from '../util/probe-rule.js';

const lines = (...text: string[]) => text.join('\n');

/** Report a partial literal on its shape alone, so that the missing properties decide. */
const STRICT_PARTIAL = [{ reportPartialWithoutEvidence: true }] as const;

const missing = (type: string, properties: string, line: number, column: number, endColumn: number) => ({
  messageId: 'missingProperties' as const,
  data: { type, properties },
  ...at(line, column, endColumn),
  suggestions: [],
});

// The literal is typed only when its written keys leave a required property out.
createTypedRuleTester().run('no-partial-state: written keys before the literal is typed', partialState, {
  valid: [
    {
      // Every required key written, one of them numeric and one escaped by the checker (`__id`).
      code: "export const r = { 1: 'one', __id: 'r1', 'content-type': 'json' } as Record1;\ninterface Record1 { 1: string; __id: string; 'content-type': string }",
      options: STRICT_PARTIAL,
    },
    {
      // The keys leave `host` out, and the spread supplies it: only the types can say so.
      code: lines(
        'interface Server { host: string; port: number; tls: boolean }',
        'declare const defaults: { host: string };',
        'export const s = { ...defaults, port: 80, tls: false } as Server;',
      ),
      options: STRICT_PARTIAL,
    },
    {
      // A member without a discriminant is covered by the written keys: nothing can rule it out.
      code: lines(
        'type Target = { url: string } | { kind: "file"; path: string; mode: number };',
        'export const t = { url: "https://example.com" } as Target;',
      ),
      options: STRICT_PARTIAL,
    },
  ],
  invalid: [
    {
      // The keys cover the circle, but `kind: 'square'` rules the circle out: the square lacks `side`.
      code: lines(
        "type Shape = { kind: 'circle'; radius: number } | { kind: 'square'; side: number };",
        "export default { kind: 'square', radius: 2 } as Shape;",
      ),
      options: STRICT_PARTIAL,
      errors: [missing('Shape', '`side`', 2, 16, 54)],
    },
    {
      // A spread that supplies part of the type: the rest is still missing.
      code: lines(
        'interface Server { host: string; port: number; tls: boolean }',
        'declare const partial: { host: string };',
        'export default { ...partial, port: 80 } as Server;',
      ),
      options: STRICT_PARTIAL,
      errors: [missing('Server', '`tls`', 3, 16, 50)],
    },
    {
      // A computed key is left to the checker, which knows it supplies `port`; `tls` is missing.
      code: lines(
        'interface Server { host: string; port: number; tls: boolean }',
        "const key = 'port';",
        "export default { host: 'h', [key]: 80 } as Server;",
      ),
      options: STRICT_PARTIAL,
      errors: [missing('Server', '`tls`', 3, 16, 50)],
    },
  ],
});

// A thrown message is typed for a string literal type only when it can have one.
createTypedRuleTester().run('no-placeholder-throw: messages that are typed', placeholder, {
  valid: [
    // An object is never a string literal, whatever it is asserted to.
    "export function load(): never {\n  throw new Error({ toString: () => 'Not implemented' } as unknown as string);\n}",
    "declare const parts: ['Not implemented'];\nthrow new Error([...parts] as unknown as string);",
  ],
  invalid: [
    {
      // Behind an assertion, a constant whose type is a string literal type still gives the text.
      code: "declare const reason: 'Not implemented';\nthrow new Error(reason as string);",
      errors: [
        {
          messageId: 'placeholderMessage',
          data: { text: 'Not implemented' },
          ...at(2, 1, 35),
        },
      ],
    },
  ],
});
