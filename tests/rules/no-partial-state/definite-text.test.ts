// no-partial-state's text check for definite fields (`x!: T`): a file without one gathers nothing about its classes,
// so the check must find every text the regular expression it stands for finds, and no other.
import { describe, expect, it } from 'vitest';

import { mayDeclareDefinite } from '../../../src/rules/no-partial-state/definite-fields.js';

const DEFINITION = /!\s*(?::|\/[/*])/;

describe('mayDeclareDefinite', () => {
  it('finds a definite field however it is spaced or commented', () => {
    for (const text of [
      'class A { x!: number }',
      'class A { x! : number }',
      'class A { x!\n\t: number }',
      'class A { x!\u00a0\u2028\ufeff: number }',
      'class A { x!/* set in init */: number }',
      'class A { x! // set in init\n: number }',
    ]) {
      expect(mayDeclareDefinite(text), text).toBe(true);
    }
  });
  it('skips texts whose `!`s are negations and comparisons', () => {
    for (const text of ['if (!a && b !== c) {}', 'x!.y', '!', 'a! /b', 'a!\u200b: b', '', 'a!/', 'a! \u0085:']) {
      expect(mayDeclareDefinite(text), text).toBe(false);
    }
  });
  it('answers as the regular expression does on any mix of the characters that matter', () => {
    const alphabet = ['!', ':', '/', '*', ' ', '\t', '\n', '\u00a0', '\u3000', '\u0085', '\u200b', 'a', '='];
    // A fixed linear congruential sequence: the same texts on every run.
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648);
    for (let round = 0; round < 5000; round++) {
      let text = '';
      const length = next() % 12;
      for (let index = 0; index < length; index++) text += alphabet[next() % alphabet.length] ?? '';
      expect(mayDeclareDefinite(text), JSON.stringify(text)).toBe(DEFINITION.test(text));
    }
  });
});
