import { describe, expect, it } from 'vitest';

import { indentOf, indentUnitOf, lineBreakOf, quote } from '../../src/util/text.js';

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
  it('quotes a long text as it quotes the whole of it, however much white space it starts with', () => {
    const call = `write(\n${'  '.repeat(40)}'${'x'.repeat(2000)}',\n)`;
    expect(quote(call, 12)).toBe("write( 'xxx…");
    expect(quote(call, 12, 'the call')).toBe('the call');
    expect(quote(`${' \n'.repeat(300)}exit(1)${'\t'.repeat(300)}`, 7)).toBe('exit(1)');
    expect(quote(`${' '.repeat(300)}a${' '.repeat(300)}b`, 3)).toBe('a b');
    expect(quote(`${' '.repeat(300)}a${' '.repeat(300)}bc`, 3)).toBe('a …');
  });
});

describe('layout', () => {
  it("gives the file's line break", () => {
    expect(lineBreakOf('a;\r\nb;\r\n')).toBe('\r\n');
    expect(lineBreakOf('a;\nb;\r\n')).toBe('\n');
    expect(lineBreakOf('a;')).toBe('\n');
  });
  it("gives a line's indentation", () => {
    expect(indentOf(['a', '\t  b'], 2)).toBe('\t  ');
    expect(indentOf(['a'], 3)).toBe('');
  });
  it("gives the file's indentation step, ignoring blank lines and block comment lines", () => {
    expect(indentUnitOf(['/**', ' * doc', ' */', 'f() {', '    a;', '        b;', '}'])).toBe('    ');
    expect(indentUnitOf(['f() {', '\ta;', '}'])).toBe('\t');
    expect(indentUnitOf(['a;', '   ', 'b;'])).toBe('  ');
    expect(indentUnitOf(['f() {', '    a;', '  \tb;', '\tc;', ' \td;'])).toBe('  \t');
  });
});
