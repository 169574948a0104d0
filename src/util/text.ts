/**
 * Source text as a message quotes it: on one line, and at most `max`
 * characters. Longer text is replaced by `fallback` when there is one (a
 * name the reader recognises, such as the API's path), else cut with an
 * ellipsis. Every value a message quotes goes through here, so that no
 * message outgrows an editor's hover.
 */
export function quote(text: string, max: number, fallback?: string): string {
  // A long text (a write call with a long argument) is first quoted from its start alone: once that
  // start alone is too long on one line, so is the whole text, and both begin with the same characters.
  if (text.length > QUOTE_WINDOW * max) {
    const start = oneLine(text.slice(0, QUOTE_WINDOW * max));
    if (start.length > max) return fallback ?? `${start.slice(0, max - 1)}…`;
  }
  const whole = oneLine(text);
  if (whole.length <= max) return whole;
  return fallback ?? `${whole.slice(0, max - 1)}…`;
}

/**
 * How much of a text `quote` reads first, per character it may show. Each
 * run of white space becomes one space and the ends are trimmed, so a start
 * of this length fails to fill `max` characters only if it is mostly white space.
 */
const QUOTE_WINDOW = 4;

/** `text` with each run of white space as one space, trimmed; of a prefix of a text, a prefix of the text's. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
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
 * with (two when there is none). Found once per file (per `lines` array).
 */
export function indentUnitOf(lines: readonly string[]): string {
  let unit = indentUnits.get(lines);
  if (unit === undefined) indentUnits.set(lines, (unit = findIndentUnit(lines)));
  return unit;
}

/** Each file's indentation step, by its lines: gone with them. */
const indentUnits = new WeakMap<readonly string[], string>();

const SPACE = 0x20;
const TAB = 0x09;
const STAR = 0x2a;

function findIndentUnit(lines: readonly string[]): string {
  // The smallest indentation so far (one not starting with a tab) is `smallest.slice(0, smallestLength)`.
  let smallest = '';
  let smallestLength = 0;
  let tab = false;
  for (let index = 0, end = Math.min(lines.length, INDENT_SAMPLE_LINES); index < end && !tab; index++) {
    const line = lines[index] ?? '';
    let length = 0;
    for (let code = line.charCodeAt(0); code === SPACE || code === TAB; code = line.charCodeAt(++length));
    // Blank lines and the ` * ` lines of block comments say nothing about the step.
    if (length === 0 || length === line.length || line.charCodeAt(length) === STAR) continue;
    tab = line.charCodeAt(0) === TAB;
    if (!tab && (smallestLength === 0 || length < smallestLength)) {
      smallest = line;
      smallestLength = length;
    }
  }
  if (smallestLength > 0) return smallest.slice(0, smallestLength);
  return tab ? '\t' : '  ';
}
