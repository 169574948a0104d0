import { describe, expect, it } from 'vitest';

import { quote } from '../../src/util/text.js';

describe('quote', () => {
  it('puts text on one line', () => {
    expect(quote('process.exit(\n  1,\n)', 40)).toBe('process.exit( 1, )');
  });
  it('keeps text that fits, up to the limit itself', () => {
    expect(quote('abcde', 5)).toBe('abcde');
  });
  it('cuts longer text with an ellipsis, within the limit', () => {
    expect(quote('abcdef', 5)).toBe('abcd…');
    expect(quote('abcdef', 5)).toHaveLength(5);
  });
  it('gives the fallback instead of longer text', () => {
    expect(quote('abcdef', 5, 'the call')).toBe('the call');
    expect(quote('abcde', 5, 'the call')).toBe('abcde');
  });
});
