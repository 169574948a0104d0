// Each rule's option schema rejects wrong shapes with ESLint's own validation
// error (naming the rule and what is wrong), before the rule runs. The wrong
// shapes are derived from the schema, so a new option is covered as it lands.
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';
import rule from '../../src/rules/no-work-before-runtime/index.js';

/** The parts of a JSON schema the wrong shapes are derived from. */
interface Schema {
  type?: string | string[];
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  additionalProperties?: unknown;
  items?: Schema | Schema[];
  format?: string;
}

interface WrongShape {
  label: string;
  options: unknown[];
  /** What ESLint's message must say about it. */
  says: RegExp;
}

const typesOf = (schema: Schema): string[] => {
  if (schema.anyOf) return schema.anyOf.flatMap(typesOf);
  if (schema.oneOf) return schema.oneOf.flatMap(typesOf);
  return [schema.type ?? []].flat();
};

/** A value that no branch of the schema accepts: a type it does not list. */
function wrongValue(schema: Schema): { value: unknown; says: RegExp } | undefined {
  const types = typesOf(schema);
  if (schema.enum)
    return {
      value: '__not_a_listed_value__',
      says: /should be equal to one of the allowed values|should be|should match/,
    };
  if (types.length === 0) return undefined;
  if (!types.includes('number') && !types.includes('integer')) return { value: 42, says: /should be/ };
  if (!types.includes('string')) return { value: 'text', says: /should be/ };
  return undefined;
}

/** Wrong shapes for each option position: wrong type, unknown keys, wrong property values, bad regexes, one option too many. */
function wrongShapes(schema: Schema | readonly Schema[]): WrongShape[] {
  const items = Array.isArray(schema) ? (schema as Schema[]) : [];
  const shapes: WrongShape[] = [
    {
      label: `${items.length + 1} options`,
      options: Array.from({ length: items.length + 1 }, () => ({})),
      says: /should NOT have more than/,
    },
  ];
  const [first] = items;
  if (!first) return shapes;
  const wrong = wrongValue(first);
  if (wrong)
    shapes.push({ label: `first option ${JSON.stringify(wrong.value)}`, options: [wrong.value], says: wrong.says });
  if (first.type !== 'object' || !first.properties) return shapes;
  if (first.additionalProperties === false) {
    shapes.push({
      label: 'an unknown property',
      options: [{ __notAnOption: true }],
      says: /should NOT have additional properties/,
    });
  }
  for (const [key, property] of Object.entries(first.properties)) {
    const wrongProperty = wrongValue(property);
    if (wrongProperty) {
      shapes.push({
        label: `${key}: ${JSON.stringify(wrongProperty.value)}`,
        options: [{ [key]: wrongProperty.value }],
        says: wrongProperty.says,
      });
    }
    const itemSchema = property.items;
    if (itemSchema && !Array.isArray(itemSchema)) {
      const wrongItem = wrongValue(itemSchema);
      if (wrongItem) {
        shapes.push({
          label: `${key}: [${JSON.stringify(wrongItem.value)}]`,
          options: [{ [key]: [wrongItem.value] }],
          says: wrongItem.says,
        });
      }
      // A regular expression option that cannot compile is a configuration error, not a crash.
      if (itemSchema.format === 'regex') {
        shapes.push({ label: `${key}: ["("]`, options: [{ [key]: ['('] }], says: /should match format "regex"/ });
      }
    }
    if (property.format === 'regex') {
      shapes.push({ label: `${key}: "("`, options: [{ [key]: '(' }], says: /should match format "regex"/ });
    }
  }
  return shapes;
}

const cases = Object.entries(plugin.rules).flatMap(([name, rule]) =>
  wrongShapes(rule.meta.schema as unknown as Schema | Schema[]).map((shape) => ({ name, ...shape })),
);

describe('option schemas', () => {
  it('cover every rule', () => {
    expect(new Set(cases.map((c) => c.name))).toEqual(new Set(Object.keys(plugin.rules)));
  });

  it.each(cases)('defuse/$name rejects $label', ({ name, options, says }) => {
    const linter = new Linter({ cwd: '/virtual-defuse' });
    const config: Linter.Config[] = [
      { plugins: { defuse: plugin }, rules: { [`defuse/${name}`]: ['error', ...options] } },
    ];
    let thrown: unknown;
    try {
      linter.verify('export const value = 1;\n', config, { filename: '/virtual-defuse/file.js' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    const message = (thrown as Error).message;
    // ESLint's validation error: it names the rule's key, and no rule code ran.
    expect(message).toMatch(new RegExp(`^Key "rules": Key "defuse/${name}":`));
    expect(message).toMatch(says);
    expect((thrown as { ruleId?: string }).ruleId).toBeUndefined();
  });

  it("accept each rule's own defaults and the strict config's options", () => {
    const linter = new Linter({ cwd: '/virtual-defuse' });
    for (const [name, rule] of Object.entries(plugin.rules)) {
      const strict: unknown = plugin.configs.strict.rules?.[`defuse/${name}`];
      for (const options of [rule.meta.defaultOptions ?? [], Array.isArray(strict) ? strict.slice(1) : []]) {
        const config: Linter.Config[] = [
          { plugins: { defuse: plugin }, rules: { [`defuse/${name}`]: ['error', ...options] } },
        ];
        expect(
          () => linter.verify('export {};\n', config, { filename: '/virtual-defuse/file.ts' }),
          name,
        ).not.toThrow();
      }
    }
  });
});

// Issue 13 §2: a user runtime is data from the config, and the rule turns its
// names and paths into keys of its own lookup maps. No value the schema lets
// through may change what the process sees afterwards.
describe('no-work-before-runtime options cannot poison a run', () => {
  const RULE = 'defuse/no-work-before-runtime';
  const ELECTRON = `import { app, BrowserWindow } from 'electron';
new BrowserWindow();
app.whenReady().then(() => new BrowserWindow());
`;
  const lint = (code: string, ruleOptions: unknown[], rulePlugin: unknown = plugin) =>
    new Linter({ cwd: '/virtual-defuse' })
      .verify(code, [{ plugins: { defuse: rulePlugin as never }, rules: { [RULE]: ['error', ...ruleOptions] } }], {
        filename: '/virtual-defuse/main.js',
      })
      .map(({ ruleId, line, column, message }) => ({ ruleId, line, column, message }));
  const hostile = (key: string) => ({
    name: 'Hostile',
    modules: [key, 'hostile'],
    instance: { path: [key, 'make'], create: 'call' },
    requires: [{ path: [key, 'polluted'] }, { path: ['toString'] }],
    mustPrecede: [{ path: ['prototype', key] }],
    ready: [{ path: [key], signal: 'call' }],
  });
  /** The same rule with its schema off: what the maps do if a hostile value ever got past validation. */
  const unvalidated = {
    ...plugin,
    rules: { 'no-work-before-runtime': { ...rule, meta: { ...rule.meta, schema: false } } },
  };

  it.each(['__proto__', 'constructor', 'prototype'])('rejects %s in a user runtime', (key) => {
    const valid = { name: 'Actors', modules: ['actors'], requires: [{ path: ['spawn'] }] };
    expect(() => lint('export {};\n', [{ runtimes: [valid] }])).not.toThrow();
    const shapes = [
      { ...valid, name: key },
      { ...valid, modules: ['actors', key] },
      { ...valid, requires: [{ path: ['a', key] }] },
      { ...valid, mustPrecede: [{ path: [key] }] },
      { ...valid, instance: { path: [key], create: 'new' } },
      { ...valid, ready: [{ path: [key], signal: 'promise' }] },
    ];
    for (const runtime of shapes) {
      expect(() => lint('export {};\n', [{ runtimes: [runtime] }]), JSON.stringify(runtime)).toThrow(
        /^Key "rules": Key "defuse\/no-work-before-runtime":.*should NOT be valid/s,
      );
    }
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('leaves a later lint in the same process as a fresh one would see it, even past the schema', () => {
    const fresh = lint(ELECTRON, []);
    expect(fresh).toEqual([{ ruleId: RULE, line: 2, column: 1, message: expect.stringContaining('BrowserWindow') }]);
    const code = `import { __proto__, constructor } from '__proto__';
import hostile from 'hostile';
__proto__.polluted();
constructor.polluted();
hostile.toString();
__proto__.make().constructor();
`;
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      expect(() => lint(code, [{ runtimes: [hostile(key)] }], unvalidated)).not.toThrow();
    }
    const probe: Record<string, unknown> = {};
    expect(probe.polluted).toBeUndefined();
    expect(Object.getPrototypeOf(probe)).toBe(Object.prototype);
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(lint(ELECTRON, [])).toEqual(fresh);
    // Code that names `constructor` and `__proto__` on a runtime module finds nothing inherited.
    expect(
      lint(`import electron from 'electron';\nelectron.constructor();\nelectron.__proto__.toString();\n`, []),
    ).toEqual([]);
  });

  it('extends a built-in runtime named by a user runtime, for that lint only', () => {
    const powerSave = {
      name: 'electron',
      modules: ['electron'],
      requires: [{ path: ['powerSaveBlocker', 'start'], error: 'powerSaveBlocker before ready' }],
    };
    const code = `import { app, BrowserWindow, powerSaveBlocker } from 'electron';
powerSaveBlocker.start('prevent-app-suspension');
new BrowserWindow();
app.whenReady().then(() => powerSaveBlocker.start('prevent-app-suspension'));
`;
    const before = lint(code, []);
    expect(before.map(({ line }) => line)).toEqual([3]);
    // The built-in APIs and ready signal stay; the user's API is added.
    expect(lint(code, [{ runtimes: [powerSave] }]).map(({ line }) => line)).toEqual([2, 3]);
    expect(lint(code, [{ runtimes: ['electron', powerSave] }]).map(({ line }) => line)).toEqual([2, 3]);
    // The next lint without it sees the built-in runtime unchanged.
    expect(lint(code, [])).toEqual(before);
  });
});
