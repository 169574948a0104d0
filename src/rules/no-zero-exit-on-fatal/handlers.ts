import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { electron } from '../../runtimes/electron.js';
import { type FunctionNode, isFunctionNode, isWrapper, skipWrappers, staticMemberName, walk } from '../../util/ast.js';
import { findProcessReferences } from '../../util/node-process.js';
import type { FatalFile } from './context.js';
import { localFunction } from './fatal-paths.js';

const { DefinitionType } = TSESLint.Scope;

/*
 * Where a fatal error reaches a handler at the module's top level: a
 * rejection handler of a promise chain that starts at a call
 * (`main().catch(h)`), a listener for `uncaughtException` or
 * `unhandledRejection`, the `catch` of a `try` that awaits a call and ends the
 * module.
 */

export const FATAL_EVENTS = new Set(['uncaughtException', 'unhandledRejection']);
const LISTEN_MEMBERS = ['addListener', 'on', 'once', 'prependListener'] as const;
/**
 * Where a promise chain that starts in a browser comes from: no process exit
 * code exists there (Angular's generated `main.ts` ends with
 * `bootstrapApplication(App).catch((err) => console.error(err))`).
 */
const BROWSER_MODULES = new Set(['@angular/platform-browser', '@angular/platform-browser-dynamic']);
const BROWSER_GLOBALS = new Set(['$', 'document', 'jQuery', 'navigator', 'window']);
/** Whether a file is a Vue single-file component: its top level is the component's setup, in a browser. */
export function isVueComponent(filename: string): boolean {
  return filename.endsWith('.vue');
}

/**
 * Whether a file is part of an Electron app's process: it imports Electron
 * (`import` or a top-level `require`). Its `uncaughtException` listener that
 * logs and goes on keeps the desktop app running on purpose.
 */
export function importsElectron(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  return sourceCode.ast.body.some((statement) => {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) return isElectronModule(statement.source.value);
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) return false;
    return statement.declarations.some((declarator) => {
      let init = declarator.init && skipWrappers(declarator.init, { chain: true });
      while (init?.type === AST_NODE_TYPES.MemberExpression) init = init.object;
      const [source] = init?.type === AST_NODE_TYPES.CallExpression ? init.arguments : [];
      return (
        init?.type === AST_NODE_TYPES.CallExpression &&
        init.callee.type === AST_NODE_TYPES.Identifier &&
        init.callee.name === 'require' &&
        source?.type === AST_NODE_TYPES.Literal &&
        typeof source.value === 'string' &&
        isElectronModule(source.value)
      );
    });
  });
}

/** Electron's own modules: `electron`, `electron/main`, `electron/common`, `electron/renderer`. */
function isElectronModule(source: string): boolean {
  return electron.modules.includes(source) || source.startsWith('electron/');
}

/** How many calls and members a call chain is followed back to its first identifier. */
const MAX_ROOT_DEPTH = 32;

/** The promise chain a value is, through `?.` and type-only wrappers. */
export function unwrapChain(expression: TSESTree.Expression): TSESTree.Expression {
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
export function hasTopLevelCandidate(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const found = walk(sourceCode.ast.body, sourceCode.visitorKeys, CANDIDATE_SEARCH_BUDGET, (node) => {
    switch (node.type) {
      case AST_NODE_TYPES.ExpressionStatement: {
        const expression = unwrapStatement(node.expression);
        if (expression.type !== AST_NODE_TYPES.CallExpression) return 'skip';
        const callee = unwrapChain(expression.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression) return true;
        // `main();`, where `main` ends with a promise chain.
        const fn = callee.type === AST_NODE_TYPES.Identifier ? localFunction(sourceCode, callee) : undefined;
        return (fn !== undefined && endingChains(fn).length > 0) || 'skip';
      }
      case AST_NODE_TYPES.TryStatement:
        return node.handler !== null;
      // Statements that hold statements: their tests and heads are skipped below.
      case AST_NODE_TYPES.BlockStatement:
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.LabeledStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.SwitchStatement:
      case AST_NODE_TYPES.SwitchCase:
        return false;
      default:
        return 'skip';
    }
  });
  // A file too big to search is analysed.
  return found !== false;
}

export interface PromiseChain {
  /** The call the chain starts at: `main()` in `main().then(ok).catch(h)`. */
  start: TSESTree.CallExpression;
  handlers: { handler: TSESTree.Expression; receiver: TSESTree.Expression }[];
}

/**
 * The rejection handlers of a promise chain whose first link is a call:
 * `main().catch(h)`, `main().then(ok, h)`, `main().then(ok).catch(h).finally(f)`.
 * Returns nothing when the chain does not start at a call (`promise.catch(h)`).
 */
export function promiseChain(expression: TSESTree.Expression): PromiseChain | undefined {
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
export function endsModule(statement: TSESTree.Node): boolean {
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

/** Whether the chain starts at a browser API: an import from a browser framework, or a browser global. */
export function startsInBrowser(sourceCode: Readonly<TSESLint.SourceCode>, start: TSESTree.CallExpression): boolean {
  const root = rootIdentifier(start);
  if (!root) return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(root), root);
  const def = variable?.defs[0];
  if (!variable || !def) return BROWSER_GLOBALS.has(root.name);
  return (
    def.type === DefinitionType.ImportBinding &&
    def.parent.type === AST_NODE_TYPES.ImportDeclaration &&
    BROWSER_MODULES.has(def.parent.source.value)
  );
}

/** `await x`, through type-only wrappers. */
function isAwait(expression: TSESTree.Expression): boolean {
  return unwrapChain(expression).type === AST_NODE_TYPES.AwaitExpression;
}

/**
 * The promise chains a function of this file ends with, when a bare
 * top-level statement calls it (`cliMain();`): the chain it returns
 * (`return run().then(ok, onError)`, or an arrow's expression body), or the
 * chain it awaits as its last statement (only declarations follow). The
 * function's own promise settles with that chain, and nothing awaits what the
 * call returns, so a rejection handler there is the entry point's last word
 * on the error. A chain the function starts without waiting for it (an init
 * routine that kicks off work beside its servers) is not its result. One
 * step only: the calls inside are not followed.
 */
export function endingChains(fn: FunctionNode): PromiseChain[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    const chain = promiseChain(fn.body);
    return chain ? [chain] : [];
  }
  const chains: PromiseChain[] = [];
  const statements = fn.body.body;
  for (const [index, statement] of statements.entries()) {
    const last = statements.slice(index + 1).every(isInert);
    let expression: TSESTree.Expression | undefined;
    if (statement.type === AST_NODE_TYPES.ReturnStatement) expression = statement.argument ?? undefined;
    else if (statement.type === AST_NODE_TYPES.ExpressionStatement && last && isAwait(statement.expression)) {
      expression = statement.expression;
    }
    const chain = expression && promiseChain(expression);
    if (chain && chain.handlers.length > 0) chains.push(chain);
  }
  return chains;
}

/** The call a top-level statement makes and nothing else: `main();`, `void main();`, `await main();`. */
export function bareCall(statement: TSESTree.ExpressionStatement): TSESTree.CallExpression | undefined {
  const expression = unwrapStatement(statement.expression);
  return expression.type === AST_NODE_TYPES.CallExpression && expression.callee.type === AST_NODE_TYPES.Identifier
    ? expression
    : undefined;
}

export function addHandler(
  file: Pick<FatalFile, 'handlers'>,
  node: TSESTree.Expression,
  receiver?: TSESTree.Expression,
): void {
  if (isFunctionNode(node)) file.handlers.push({ kind: 'function', node, ...(receiver && { receiver }) });
  else file.handlers.push({ kind: 'reference', node, ...(receiver && { receiver }) });
}

/** Whether a call listens to an event of Node's `process`: `process.on(…)` and its aliases. */
export function isListenCall(
  file: Pick<FatalFile, 'sourceCode' | 'listenCalls'>,
  call: TSESTree.CallExpression,
): boolean {
  file.listenCalls ??= new Set(
    [...findProcessReferences(file.sourceCode, LISTEN_MEMBERS)]
      .filter(([, reference]) => reference.kind === 'call')
      .map(([node]) => node),
  );
  return file.listenCalls.has(call);
}
