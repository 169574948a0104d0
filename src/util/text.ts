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
