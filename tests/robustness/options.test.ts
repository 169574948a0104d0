// Each rule's option schema rejects wrong shapes with ESLint's own validation
// error (naming the rule and what is wrong), before the rule runs. The wrong
// shapes are derived from the schema, so a new option is covered as it lands.
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';

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
