import { AST_NODE_TYPES, AST_TOKEN_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { isFunctionNode, walk } from '../../util/ast.js';
import { isNodeProcess } from '../../util/node-process.js';
import { indentOf, indentUnitOf, lineBreakOf, quote } from '../../util/text.js';
import type { FatalFile, Handler, MessageIds } from './context.js';
import { isListenCall } from './handlers.js';

const SET_EXIT_CODE = 'process.exitCode = 1;';
/** A longer handler is not quoted in the suggestion's message. */
export const MAX_QUOTED_LENGTH = 40;
/** Names the wrapping handler may give its parameter, in order of preference. */
const PARAMETER_NAMES = ['error', 'err', 'reason', 'fatalError'];
/** Names the wrapping listener may give its rest parameter, in order of preference. */
const REST_NAMES = ['args', 'details', 'fatalArgs'];

/** Nodes looked at when searching a handler for an early `return`. */
const RETURN_SEARCH_BUDGET = 2000;

/**
 * Whether a `return` other than the block's last statement leaves the block
 * (nested functions aside); `undefined` when the block is too big to tell.
 */
function hasEarlyReturn(
  block: TSESTree.BlockStatement,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
): boolean | undefined {
  const last = block.body.at(-1);
  return walk(block.body, visitorKeys, RETURN_SEARCH_BUDGET, (node) => {
    if (node.type === AST_NODE_TYPES.ReturnStatement) return node !== last || 'skip';
    return isFunctionNode(node) || node.type === AST_NODE_TYPES.ClassBody ? 'skip' : false;
  });
}

/** A directive prologue's statement: `'use strict';`. */
function isDirective(statement: TSESTree.Statement): boolean {
  return statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive !== undefined;
}

/**
 * Adds `process.exitCode = 1;` as the block's last statement (before a
 * final `return`), or as its first after the directives (`'use strict'`)
 * when an earlier `return` would skip the end. The new statement goes on a
 * line of its own at the statements' indentation, in the file's line breaks,
 * unless the block is written on one line.
 */
function setExitCodeIn(
  sourceCode: Readonly<TSESLint.SourceCode>,
  fixer: TSESLint.RuleFixer,
  block: TSESTree.BlockStatement,
): TSESLint.RuleFix {
  const lineBreak = lineBreakOf(sourceCode.text);
  const closing = sourceCode.getLastToken(block);
  const separatorAt = (statement: TSESTree.Statement): string =>
    statement.loc.start.line === block.loc.start.line
      ? ' '
      : `${lineBreak}${indentOf(sourceCode.lines, statement.loc.start.line)}`;
  const first = block.body.find((statement) => !isDirective(statement));
  if (first && hasEarlyReturn(block, sourceCode.visitorKeys) !== false) {
    return fixer.insertTextBefore(first, `${SET_EXIT_CODE}${separatorAt(first)}`);
  }
  const last = block.body.at(-1);
  if (last?.type === AST_NODE_TYPES.ReturnStatement) {
    return fixer.insertTextBefore(last, `${SET_EXIT_CODE}${separatorAt(last)}`);
  }
  if (last) {
    const sameLine = closing?.loc.start.line === last.loc.end.line;
    // A statement that relies on ASI needs its semicolon when the new one follows on its line.
    const lastToken = sourceCode.getLastToken(last);
    const terminator = sameLine && lastToken && !ASTUtils.isSemicolonToken(lastToken) ? ';' : '';
    const separator = sameLine ? ' ' : `${lineBreak}${indentOf(sourceCode.lines, last.loc.start.line)}`;
    return fixer.insertTextAfter(last, `${terminator}${separator}${SET_EXIT_CODE}`);
  }
  if (closing && closing.loc.start.line !== block.loc.start.line) {
    const indent = indentOf(sourceCode.lines, closing.loc.start.line);
    const lineStart = closing.range[0] - closing.loc.start.column;
    if (indent.length === closing.loc.start.column) {
      const step = indentUnitOf(sourceCode.lines);
      return fixer.insertTextBeforeRange([lineStart, lineStart], `${indent}${step}${SET_EXIT_CODE}${lineBreak}`);
    }
  }
  return fixer.replaceText(block, `{ ${SET_EXIT_CODE} }`);
}

/** How a report's handler can set the exit code, when the suggestion can be written safely. */
export function suggestionsFor(file: FatalFile, handler: Handler): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
  const { sourceCode, analysis } = file;
  const { node } = handler;
  // After `process.exit()` or `process.exit(0)` a new exit code comes too late; the call itself must change.
  if (!isNodeProcess(sourceCode, node) || analysis.hasZeroExit(node)) return [];
  if (handler.kind === 'catch') {
    const { body } = handler.node;
    return [{ messageId: 'setExitCode', fix: (fixer) => setExitCodeIn(sourceCode, fixer, body) }];
  }
  if (handler.kind === 'function') {
    const fn = handler.node;
    if (fn.body.type === AST_NODE_TYPES.BlockStatement) {
      const body = fn.body;
      return [{ messageId: 'setExitCode', fix: (fixer) => setExitCodeIn(sourceCode, fixer, body) }];
    }
    const arrow = sourceCode.getTokenBefore(fn.body, ASTUtils.isArrowToken) ?? undefined;
    const first = arrow && sourceCode.getTokenAfter(arrow);
    if (!first) return [];
    const text = sourceCode.text.slice(first.range[0], fn.range[1]);
    return [
      {
        messageId: 'setExitCode',
        fix: (fixer) => fixer.replaceTextRange([first.range[0], fn.range[1]], `{ ${text}; ${SET_EXIT_CODE} }`),
      },
    ];
  }
  const text = sourceCode.getText(node);
  // Names the reference reads (not the property names after a dot) must stay visible in the wrapper.
  const used = new Set(
    sourceCode
      .getTokens(node)
      .filter((token) => token.type === AST_TOKEN_TYPES.Identifier)
      .filter((token) => {
        const before = sourceCode.getTokenBefore(token);
        return !before || (before.value !== '.' && before.value !== '?.');
      })
      .map((token) => token.value),
  );
  // A promise handler gets one argument; a `process` listener more (`reason, promise`), all passed on.
  const listener = node.parent.type === AST_NODE_TYPES.CallExpression && isListenCall(file, node.parent);
  const name = (listener ? REST_NAMES : PARAMETER_NAMES).find((candidate) => !used.has(candidate));
  if (!name) return [];
  const [parameter, argument] = listener ? [`...${name}`, `...${name}`] : [name, name];
  const callee =
    node.type === AST_NODE_TYPES.Identifier ||
    node.type === AST_NODE_TYPES.MemberExpression ||
    node.type === AST_NODE_TYPES.CallExpression
      ? text
      : `(${text})`;
  return [
    {
      messageId: 'wrapHandler',
      data: { handler: quote(text, MAX_QUOTED_LENGTH, 'the handler') },
      fix: (fixer) => fixer.replaceText(node, `(${parameter}) => { ${callee}(${argument}); ${SET_EXIT_CODE} }`),
    },
  ];
}

/** Where a report goes: the handler, or the head of a `catch` clause (`catch (error)`). */
export function locationOf(sourceCode: Readonly<TSESLint.SourceCode>, handler: Handler): TSESTree.SourceLocation {
  if (handler.kind !== 'catch') return handler.node.loc;
  const head = sourceCode.getTokenBefore(handler.node.body);
  return { start: handler.node.loc.start, end: head ? head.loc.end : handler.node.body.loc.start };
}
