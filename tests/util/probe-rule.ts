// The test helpers every test file shares: where a piece of the test code is,
// as ESLint reports it, and rules that exist only to show what a helper answers.
import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';

/** A report position: 1-based line and column, end exclusive. */
export interface Position {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A position written out, the end line defaulting to the start line. */
export function at(line: number, column: number, endColumn: number, endLine = line): Position {
  return { line, column, endLine, endColumn };
}

/** Where the `occurrence`-th `text` sits in `code`, as ESLint reports it (1-based, end exclusive). */
export function locate(code: string, text: string, occurrence = 0): Position {
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

/**
 * A rule that exists only to show what a helper answers: `create` reports
 * what the helper says, with one of `messages`, so that RuleTester cases pin
 * the answers to exact positions.
 */
export function probeRule<MessageIds extends string>(
  messages: Record<MessageIds, string>,
  create: (context: Readonly<TSESLint.RuleContext<MessageIds, []>>) => TSESLint.RuleListener,
): TSESLint.RuleModule<MessageIds> {
  return ESLintUtils.RuleCreator.withoutDocs<[], MessageIds>({
    meta: { type: 'problem', messages, schema: [] },
    create: (context) => create(context),
  });
}
