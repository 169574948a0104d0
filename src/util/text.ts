/**
 * Source text as a message quotes it: on one line, and at most `max`
 * characters. Longer text is replaced by `fallback` when there is one (a
 * name the reader recognises, such as the API's path), else cut with an
 * ellipsis. Every value a message quotes goes through here, so that no
 * message outgrows an editor's hover.
 */
export function quote(text: string, max: number, fallback?: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  if (oneLine.length <= max) return oneLine;
  return fallback ?? `${oneLine.slice(0, max - 1)}…`;
}

/** The line break a file uses (its first one): `\r\n` in a CRLF file, else `\n`. */
export function lineBreakOf(text: string): string {
  const index = text.indexOf('\n');
  return index > 0 && text[index - 1] === '\r' ? '\r\n' : '\n';
}

/** The whitespace a (1-based) line starts with. */
export function indentOf(lines: readonly string[], line: number): string {
  return /^[ \t]*/.exec(lines[line - 1] ?? '')?.[0] ?? '';
}

/** Lines looked at to find a file's indentation step. */
const INDENT_SAMPLE_LINES = 500;

/**
 * One level of the file's indentation: a tab when its first indented line
 * starts with one, else the smallest run of spaces an indented line starts
 * with (two when there is none).
 */
export function indentUnitOf(lines: readonly string[]): string {
  let smallest: string | undefined;
  for (const line of lines.slice(0, INDENT_SAMPLE_LINES)) {
    const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
    // Blank lines and the ` * ` lines of block comments say nothing about the step.
    if (indent.length === 0 || indent.length === line.length || line[indent.length] === '*') continue;
    if (indent.startsWith('\t')) return smallest ?? '\t';
    if (!smallest || indent.length < smallest.length) smallest = indent;
  }
  return smallest ?? '  ';
}
