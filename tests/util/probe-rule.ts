// Shared by the helper tests whose rules exist only to show what a helper answers.

/** Where the `occurrence`-th `text` sits in `code`, as ESLint reports it (1-based, end exclusive). */
export function locate(code: string, text: string, occurrence = 0) {
  let index = -1;
  for (let seen = 0; seen <= occurrence; seen++) {
    index = code.indexOf(text, index + 1);
    if (index < 0) throw new Error(`occurrence ${occurrence} of "${text}" not found in the test code`);
  }
  const start = code.slice(0, index).split('\n');
  const end = code.slice(0, index + text.length).split('\n');
  return {
    line: start.length,
    column: (start.at(-1)?.length ?? 0) + 1,
    endLine: end.length,
    endColumn: (end.at(-1)?.length ?? 0) + 1,
  };
}
