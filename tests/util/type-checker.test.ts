import { describe, expect, it } from 'vitest';

import { askChecker } from '../../src/util/type-checker.js';

describe('askChecker', () => {
  it('gives the answer', () => {
    expect(askChecker(() => 42)).toBe(42);
  });
  it('reads a checker that throws as "cannot tell"', () => {
    expect(
      askChecker(() => {
        throw new Error('Debug Failure. False expression.');
      }),
    ).toBeUndefined();
  });
});
