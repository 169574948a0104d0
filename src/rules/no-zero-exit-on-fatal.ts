import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isTypeFlagSet, unionConstituents } from 'ts-api-utils';
import ts from 'typescript';

import { type FunctionNode, isFunctionNode, isWrapper, skipWrappers, staticMemberName, walk } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { createExitCodeAnalysis } from '../util/exit-code.js';
import { getLogStreams } from '../util/log-streams.js';
import { findProcessReferences, isNodeProcess } from '../util/node-process.js';
import { quote } from '../util/text.js';
import { askChecker, getTypeInformation } from '../util/type-checker.js';

const RULE_NAME = 'no-zero-exit-on-fatal';

type MessageIds = 'exitsZero' | 'setExitCode' | 'wrapHandler';

const FATAL_EVENTS = new Set(['uncaughtException', 'unhandledRejection']);
const LISTEN_MEMBERS = ['addListener', 'on', 'once', 'prependListener'] as const;
const SET_EXIT_CODE = 'process.exitCode = 1;';
/**
 * Where a promise chain that starts in a browser comes from: no process exit
 * code exists there (Angular's generated `main.ts` ends with
 * `bootstrapApplication(App).catch((err) => console.error(err))`).
 */
const BROWSER_MODULES = new Set(['@angular/platform-browser', '@angular/platform-browser-dynamic']);
const BROWSER_GLOBALS = new Set(['$', 'document', 'jQuery', 'navigator', 'window']);
const MAX_ROOT_DEPTH = 32;
/** A longer handler is not quoted in the suggestion's message. */
const MAX_QUOTED_LENGTH = 40;
/** Names the wrapping handler may give its parameter, in order of preference. */
const PARAMETER_NAMES = ['error', 'err', 'reason', 'fatalError'];

/** Where a fatal error reaches a handler. */
type Handler =
  | { kind: 'function'; node: FunctionNode; receiver?: TSESTree.Expression }
  | { kind: 'reference'; node: TSESTree.Expression; receiver?: TSESTree.Expression }
  | { kind: 'catch'; node: TSESTree.CatchClause };

/** Whether `type` may be a thenable: `any`, `unknown`, type parameters and anything with a `then`. */
const thenableCache = new WeakMap<ts.Type, boolean>();
function mayBeThenable(checker: ts.TypeChecker, type: ts.Type): boolean {
  const cached = thenableCache.get(type);
  if (cached !== undefined) return cached;
  // A checker that throws cannot rule the thenable out.
  const result =
    askChecker(() =>
      unionConstituents(type).some(
        (part) =>
          isTypeFlagSet(part, ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Instantiable) ||
          checker.getPropertyOfType(checker.getApparentType(part), 'then') !== undefined,
      ),
    ) ?? true;
  thenableCache.set(type, result);
  return result;
}

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

/** The promise chain a value is, through `?.` and type-only wrappers. */
function unwrapChain(expression: TSESTree.Expression): TSESTree.Expression {
  return skipWrappers(expression, { chain: true });
}

/** Strips what does not change which promise an expression statement starts: `void`, `await`, `?.`, `!`. */
function unwrapStatement(expression: TSESTree.Expression): TSESTree.Expression {
  let current = unwrapChain(expression);
  while (
    (current.type === AST_NODE_TYPES.UnaryExpression && current.operator === 'void') ||
    current.type === AST_NODE_TYPES.AwaitExpression
  ) {
    current = unwrapChain(current.argument);
  }
  return current;
}

/** Statements looked at by the structural filter before it gives up and lets the rule run. */
const CANDIDATE_SEARCH_BUDGET = 10_000;

/**
 * Whether the module's own code (not inside a function) holds a statement the
 * rule judges: a call through a member (`main().catch(h)`, `process.on(…)`),
 * behind `void`/`await`, or a `try` with a `catch`. Files whose top level is
 * only declarations and wrapper calls (a bundle's IIFE) skip the analysis.
 */
function hasTopLevelCandidate(program: TSESTree.Program): boolean {
  const pending: TSESTree.Node[] = [...program.body];
  let budget = CANDIDATE_SEARCH_BUDGET;
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (budget-- <= 0) return true;
    switch (node.type) {
      case AST_NODE_TYPES.ExpressionStatement: {
        const expression = unwrapStatement(node.expression);
        if (
          expression.type === AST_NODE_TYPES.CallExpression &&
          unwrapChain(expression.callee).type === AST_NODE_TYPES.MemberExpression
        ) {
          return true;
        }
        break;
      }
      case AST_NODE_TYPES.TryStatement:
        if (node.handler) return true;
        pending.push(node.block);
        if (node.finalizer) pending.push(node.finalizer);
        break;
      case AST_NODE_TYPES.BlockStatement:
        pending.push(...node.body);
        break;
      case AST_NODE_TYPES.IfStatement:
        pending.push(node.consequent);
        if (node.alternate) pending.push(node.alternate);
        break;
      case AST_NODE_TYPES.LabeledStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
        pending.push(node.body);
        break;
      case AST_NODE_TYPES.SwitchStatement:
        for (const clause of node.cases) pending.push(...clause.consequent);
        break;
      default:
        break;
    }
  }
  return false;
}

interface PromiseChain {
  /** The call the chain starts at: `main()` in `main().then(ok).catch(h)`. */
  start: TSESTree.CallExpression;
  handlers: { handler: TSESTree.Expression; receiver: TSESTree.Expression }[];
}

/**
 * The rejection handlers of a promise chain whose first link is a call:
 * `main().catch(h)`, `main().then(ok, h)`, `main().then(ok).catch(h).finally(f)`.
 * Returns nothing when the chain does not start at a call (`promise.catch(h)`).
 */
function promiseChain(expression: TSESTree.Expression): PromiseChain | undefined {
  const found: PromiseChain['handlers'] = [];
  let current = unwrapStatement(expression);
  while (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = staticMemberName(current.callee);
    if (method !== 'catch' && method !== 'then' && method !== 'finally') break;
    const handler = method === 'catch' ? current.arguments[0] : method === 'then' ? current.arguments[1] : undefined;
    const receiver = unwrapChain(current.callee.object);
    if (handler && handler.type !== AST_NODE_TYPES.SpreadElement) found.push({ handler, receiver });
    current = receiver;
  }
  return current.type === AST_NODE_TYPES.CallExpression ? { start: current, handlers: found } : undefined;
}

/** The identifier a call chain starts from: `platformBrowserDynamic` in `platformBrowserDynamic().bootstrapModule(M)`. */
function rootIdentifier(call: TSESTree.CallExpression): TSESTree.Identifier | undefined {
  let current: TSESTree.Node = call;
  for (let depth = 0; depth < MAX_ROOT_DEPTH; depth++) {
    if (current.type === AST_NODE_TYPES.Identifier) return current;
    if (current.type === AST_NODE_TYPES.CallExpression) current = current.callee;
    else if (current.type === AST_NODE_TYPES.MemberExpression) current = current.object;
    else if (isWrapper(current, { chain: true })) current = current.expression;
    else return undefined;
  }
  return undefined;
}

function isInert(statement: TSESTree.Node): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.EmptyStatement:
    case AST_NODE_TYPES.FunctionDeclaration:
    case AST_NODE_TYPES.TSDeclareFunction:
    case AST_NODE_TYPES.TSInterfaceDeclaration:
    case AST_NODE_TYPES.TSTypeAliasDeclaration:
      return true;
    case AST_NODE_TYPES.ExportNamedDeclaration:
      return statement.declaration ? isInert(statement.declaration) : statement.source === null;
    case AST_NODE_TYPES.ExportDefaultDeclaration:
      return statement.declaration.type === AST_NODE_TYPES.FunctionDeclaration;
    default:
      return false;
  }
}

/**
 * Whether the module ends once this statement completes normally: nothing
 * but declarations follows it, up through the blocks and `if`s holding it.
 * A `try/catch` followed by more code recovers from the error and goes on.
 */
function endsModule(statement: TSESTree.Node): boolean {
  let node = statement;
  for (;;) {
    const parent = node.parent;
    if (!parent) return false;
    if (parent.type === AST_NODE_TYPES.Program || parent.type === AST_NODE_TYPES.BlockStatement) {
      const body: readonly TSESTree.Node[] = parent.body;
      if (!body.slice(body.indexOf(node) + 1).every(isInert)) return false;
      if (parent.type === AST_NODE_TYPES.Program) return true;
    } else if (parent.type !== AST_NODE_TYPES.IfStatement && parent.type !== AST_NODE_TYPES.LabeledStatement) {
      return false;
    }
    node = parent;
    // A block is a statement of its parent only as a plain block or a branch of an `if`.
    if (
      node.type === AST_NODE_TYPES.BlockStatement &&
      node.parent.type !== AST_NODE_TYPES.BlockStatement &&
      node.parent.type !== AST_NODE_TYPES.Program &&
      node.parent.type !== AST_NODE_TYPES.IfStatement &&
      node.parent.type !== AST_NODE_TYPES.LabeledStatement
    ) {
      return false;
    }
  }
}

export default createRule<[], MessageIds>({
  name: RULE_NAME,
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow entry-point error handlers that log a fatal error and let the process exit with code 0',
      recommended: 'recommended',
      usesTypeInformation: true,
    },
    hasSuggestions: true,
    messages: {
      exitsZero:
        'This entry-point handler logs the fatal error and the process then exits with code 0, so restart policies and CI see success; set `process.exitCode = 1` or rethrow.',
      setExitCode: 'Set `process.exitCode = 1` in the handler.',
      wrapHandler: 'Wrap `{{handler}}` in a handler that also sets `process.exitCode = 1`.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const { sourceCode } = context;
    // Cheap filter: a file with none of the handled shapes is left alone.
    if (!/\.\s*(?:catch|then)\b|\bcatch\s*[({]|Exception|Rejection/.test(sourceCode.text)) return {};
    // Structural filter: only statements of the module's own code are judged.
    if (!hasTopLevelCandidate(sourceCode.ast)) return {};

    const handlers: Handler[] = [];
    const awaitedTries = new Set<TSESTree.TryStatement>();
    let listenCalls: Set<TSESTree.Node> | undefined;
    const analysis = createExitCodeAnalysis(sourceCode, reportAll);

    function addHandler(node: TSESTree.Expression, receiver?: TSESTree.Expression): void {
      if (isFunctionNode(node)) handlers.push({ kind: 'function', node, ...(receiver && { receiver }) });
      else handlers.push({ kind: 'reference', node, ...(receiver && { receiver }) });
    }

    function isListenCall(call: TSESTree.CallExpression): boolean {
      listenCalls ??= new Set(
        [...findProcessReferences(sourceCode, LISTEN_MEMBERS)]
          .filter(([, reference]) => reference.kind === 'call')
          .map(([node]) => node),
      );
      return listenCalls.has(call);
    }

    /** Whether the chain starts at a browser API: an import from a browser framework, or a browser global. */
    function startsInBrowser(start: TSESTree.CallExpression): boolean {
      const root = rootIdentifier(start);
      if (!root) return false;
      const variable = ASTUtils.findVariable(sourceCode.getScope(root), root);
      const def = variable?.defs[0];
      if (!variable || !def) return BROWSER_GLOBALS.has(root.name);
      return (
        def.type === 'ImportBinding' &&
        def.parent.type === AST_NODE_TYPES.ImportDeclaration &&
        BROWSER_MODULES.has(def.parent.source.value)
      );
    }

    /** Whether the handler ends the process non-zero on every path; `undefined` when it cannot tell. */
    function endsFatally(handler: Handler): boolean | undefined {
      if (handler.kind === 'catch') return analysis.catchEndsFatally(handler.node);
      if (handler.kind === 'function') return analysis.endsFatally(handler.node);
      const reference = unwrapChain(handler.node);
      if (reference.type === AST_NODE_TYPES.Identifier) {
        const local = analysis.localFunction(reference);
        if (local) return analysis.endsFatally(local);
      }
      // Only a known log function is known not to end the process; other references may.
      return getLogStreams(context).isLogFunction(reference) ? false : undefined;
    }

    function receiverMayBeThenable(receiver: TSESTree.Expression | undefined): boolean {
      // Without type information (or from a parser that gives none) the syntax decides.
      const types = receiver && getTypeInformation(sourceCode);
      const type = types && types.typeAt(receiver);
      return !types || !type || mayBeThenable(types.checker, type);
    }

    function indentOf(line: number): string {
      return /^\s*/.exec(sourceCode.lines[line - 1] ?? '')?.[0] ?? '';
    }

    /**
     * Adds `process.exitCode = 1;` as the block's last statement (before a
     * final `return`), or as its first when an earlier `return` would skip the end.
     */
    function setExitCodeIn(fixer: TSESLint.RuleFixer, block: TSESTree.BlockStatement): TSESLint.RuleFix {
      const closing = sourceCode.getLastToken(block);
      const first = block.body[0];
      if (first && hasEarlyReturn(block, sourceCode.visitorKeys) !== false) {
        const separator = first.loc.start.line === block.loc.start.line ? ' ' : `\n${indentOf(first.loc.start.line)}`;
        return fixer.insertTextBefore(first, `${SET_EXIT_CODE}${separator}`);
      }
      const last = block.body.at(-1);
      if (last?.type === AST_NODE_TYPES.ReturnStatement) {
        const separator = last.loc.start.line === block.loc.start.line ? ' ' : `\n${indentOf(last.loc.start.line)}`;
        return fixer.insertTextBefore(last, `${SET_EXIT_CODE}${separator}`);
      }
      if (last) {
        const sameLine = closing?.loc.start.line === last.loc.end.line;
        // A statement that relies on ASI needs its semicolon when the new one follows on its line.
        const lastToken = sourceCode.getLastToken(last);
        const terminator = sameLine && lastToken && !ASTUtils.isSemicolonToken(lastToken) ? ';' : '';
        const separator = sameLine ? ' ' : `\n${indentOf(last.loc.start.line)}`;
        return fixer.insertTextAfter(last, `${terminator}${separator}${SET_EXIT_CODE}`);
      }
      if (closing && closing.loc.start.line !== block.loc.start.line) {
        const indent = indentOf(closing.loc.start.line);
        const lineStart = closing.range[0] - closing.loc.start.column;
        if (indent.length === closing.loc.start.column) {
          return fixer.insertTextBeforeRange([lineStart, lineStart], `${indent}  ${SET_EXIT_CODE}\n`);
        }
      }
      return fixer.replaceText(block, `{ ${SET_EXIT_CODE} }`);
    }

    function suggestionsFor(handler: Handler): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const { node } = handler;
      // After `process.exit()` or `process.exit(0)` a new exit code comes too late; the call itself must change.
      if (!isNodeProcess(sourceCode, node) || analysis.hasZeroExit(node)) return [];
      if (handler.kind === 'catch') {
        const { body } = handler.node;
        return [{ messageId: 'setExitCode', fix: (fixer) => setExitCodeIn(fixer, body) }];
      }
      if (handler.kind === 'function') {
        const fn = handler.node;
        if (fn.body.type === AST_NODE_TYPES.BlockStatement) {
          const body = fn.body;
          return [{ messageId: 'setExitCode', fix: (fixer) => setExitCodeIn(fixer, body) }];
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
          .filter((token) => token.type === 'Identifier')
          .filter((token) => {
            const before = sourceCode.getTokenBefore(token);
            return !before || (before.value !== '.' && before.value !== '?.');
          })
          .map((token) => token.value),
      );
      const parameter = PARAMETER_NAMES.find((name) => !used.has(name));
      if (!parameter) return [];
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
          fix: (fixer) => fixer.replaceText(node, `(${parameter}) => { ${callee}(${parameter}); ${SET_EXIT_CODE} }`),
        },
      ];
    }

    function locationOf(handler: Handler): TSESTree.SourceLocation {
      if (handler.kind !== 'catch') return handler.node.loc;
      const head = sourceCode.getTokenBefore(handler.node.body);
      return { start: handler.node.loc.start, end: head ? head.loc.end : handler.node.body.loc.start };
    }

    function reportAll(): void {
      for (const handler of handlers) {
        if (endsFatally(handler) !== false) continue;
        if (handler.kind !== 'catch' && !receiverMayBeThenable(handler.receiver)) continue;
        context.report({
          loc: locationOf(handler),
          messageId: 'exitsZero',
          suggest: suggestionsFor(handler),
        });
      }
    }

    return {
      ...analysis.listeners,
      ExpressionStatement(statement) {
        if (!analysis.atTopLevel()) return;
        const chain = promiseChain(statement.expression);
        if (!chain || startsInBrowser(chain.start)) return;
        for (const { handler, receiver } of chain.handlers) addHandler(handler, receiver);
      },
      'CallExpression:exit'(call: TSESTree.CallExpression) {
        if (call.arguments.length < 2 || !analysis.atTopLevel() || !isListenCall(call)) return;
        const [event, handler] = call.arguments;
        if (!event || !handler || handler.type === AST_NODE_TYPES.SpreadElement) return;
        const name = ASTUtils.getStringIfConstant(event, sourceCode.getScope(event));
        if (name !== null && FATAL_EVENTS.has(name)) addHandler(handler);
      },
      AwaitExpression(node) {
        if (!analysis.atTopLevel() || unwrapChain(node.argument).type !== AST_NODE_TYPES.CallExpression) return;
        let child: TSESTree.Node = node;
        for (let parent: TSESTree.Node | undefined = node.parent; parent; parent = parent.parent) {
          if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === child) awaitedTries.add(parent);
          child = parent;
        }
      },
      'TryStatement:exit'(statement: TSESTree.TryStatement) {
        if (statement.handler && awaitedTries.has(statement) && analysis.atTopLevel() && endsModule(statement)) {
          handlers.push({ kind: 'catch', node: statement.handler });
        }
      },
    };
  },
});
