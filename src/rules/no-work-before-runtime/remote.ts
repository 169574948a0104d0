import type { TSESTree } from '@typescript-eslint/utils';

import type { RuntimeApi, RuntimeDefinition } from '../../runtimes/definition.js';
import { askChecker, type TypeInformation } from '../../util/type-checker.js';
import { ts } from '../../util/typescript.js';

/**
 * Runtime work in another module, found through the type checker: a function
 * imported from the app's own code whose body, when called, constructs or calls
 * one of the runtime's APIs (`getOrCreateMainWindow()` → `createMainWindow()`
 * → `new BrowserWindow()`). Only what runs synchronously in the function's own
 * body counts (no callbacks, nothing inside an `await`), following calls of
 * functions declared in the same module, a few levels deep. Work behind a
 * condition (`if`, `?:`, `&&`, `switch`, `catch`) is left alone, since the
 * condition may be the runtime's readiness; the fallback of `||` and `??`
 * (`existing ?? create()`) counts, since it runs whenever nothing exists yet.
 */

/** Calls followed from the imported function, at most (the function itself is the first level). */
const MAX_DEPTH = 3;

/** Nodes of one function body looked at, at most. */
const MAX_NODES = 5_000;

/** What a function does with a runtime, by declaration and runtime: per program, as the declarations are. */
const effects = new WeakMap<ts.Node, Map<RuntimeDefinition, RuntimeApi | null>>();

type FunctionLike = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction;

/** The function a declaration holds: `function f() {}`, or `const f = () => …` / `function () {}`. */
function functionOf(declaration: ts.Node | undefined): FunctionLike | undefined {
  if (!declaration) return undefined;
  if (ts.isFunctionDeclaration(declaration) && declaration.body) return declaration;
  if (
    ts.isVariableDeclaration(declaration) &&
    ts.isVariableDeclarationList(declaration.parent) &&
    (declaration.parent.flags & ts.NodeFlags.Const) !== 0 &&
    declaration.initializer &&
    (ts.isArrowFunction(declaration.initializer) || ts.isFunctionExpression(declaration.initializer))
  ) {
    return declaration.initializer;
  }
  return undefined;
}

/** The declaration a name resolves to, through imports and re-exports. */
function declarationOf(checker: ts.TypeChecker, name: ts.Node): ts.Declaration | undefined {
  let symbol = checker.getSymbolAtLocation(name);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return symbol?.valueDeclaration ?? symbol?.declarations?.[0];
}

/** The runtime API a constructed or called name is, when it is imported by name from one of the runtime's modules. */
function runtimeApiOf(
  checker: ts.TypeChecker,
  callee: ts.Expression,
  use: 'new' | 'call',
  def: RuntimeDefinition,
): RuntimeApi | undefined {
  if (!ts.isIdentifier(callee)) return undefined;
  const imported = checker.getSymbolAtLocation(callee)?.declarations?.[0];
  if (!imported || !ts.isImportSpecifier(imported)) return undefined;
  const module = imported.parent.parent.parent.moduleSpecifier;
  if (!ts.isStringLiteral(module) || !def.modules.includes(module.text)) return undefined;
  const name = (imported.propertyName ?? imported.name).text;
  return def.requires.find(
    (api) => (api.from ?? 'module') === 'module' && api.use === use && api.path.length === 1 && api.path[0] === name,
  );
}

/** Whether `node` is inside a conditional branch or short-circuit of `fn`'s body (it may not run). */
function isConditional(node: ts.Node, fn: FunctionLike): boolean {
  for (let child = node, parent = node.parent; parent !== fn; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent) && child !== parent.expression) return true;
    if (ts.isConditionalExpression(parent) && child !== parent.condition) return true;
    if (ts.isSwitchStatement(parent) && child !== parent.expression) return true;
    if (ts.isCatchClause(parent)) return true;
    if (
      ts.isBinaryExpression(parent) &&
      child === parent.right &&
      [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(
        parent.operatorToken.kind,
      )
    ) {
      // `existing || create()`, `existing ?? create()`: runs whenever nothing exists yet, as at startup; still a use.
      if (parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return true;
    }
  }
  return false;
}

/** The first runtime API `fn` uses when called, following same-module function calls `depth` more levels. */
function effectOfFunction(
  checker: ts.TypeChecker,
  fn: FunctionLike,
  def: RuntimeDefinition,
  depth: number,
): RuntimeApi | undefined {
  let byRuntime = effects.get(fn);
  if (!byRuntime) effects.set(fn, (byRuntime = new Map<RuntimeDefinition, RuntimeApi | null>()));
  const cached = byRuntime.get(def);
  if (cached !== undefined) return cached ?? undefined;
  byRuntime.set(def, null); // recursion: a function that calls itself adds nothing
  let found: RuntimeApi | undefined;
  let left = MAX_NODES;
  const stack: ts.Node[] = fn.body ? [fn.body] : [];
  for (let node = stack.pop(); node && !found && left-- > 0; node = stack.pop()) {
    if (ts.isFunctionLike(node) || ts.isClassLike(node) || ts.isAwaitExpression(node)) continue;
    if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && !isConditional(node, fn)) {
      const callee = node.expression;
      found = runtimeApiOf(checker, callee, ts.isNewExpression(node) ? 'new' : 'call', def);
      if (!found && ts.isCallExpression(node) && ts.isIdentifier(callee) && depth > 0) {
        const target = functionOf(declarationOf(checker, callee));
        if (target?.getSourceFile() === fn.getSourceFile()) {
          found = effectOfFunction(checker, target, def, depth - 1);
        }
      }
      if (found) break;
    }
    // Children in reverse, so that the first use in source order is found first.
    const children: ts.Node[] = [];
    node.forEachChild((child) => {
      children.push(child);
    });
    stack.push(...children.reverse());
  }
  byRuntime.set(def, found ?? null);
  return found;
}

/**
 * The runtime API that calling `name` (an identifier in the linted file that
 * refers to a function of another module of the program) uses synchronously,
 * or `undefined` when there is none or the checker cannot tell.
 */
export function remoteEffect(
  types: TypeInformation,
  name: TSESTree.Identifier,
  def: RuntimeDefinition,
): RuntimeApi | undefined {
  const { checker } = types;
  return askChecker(() => {
    const tsName = types.tsNodeOf(name);
    if (!tsName) return undefined;
    const fn = functionOf(declarationOf(checker, tsName));
    if (!fn || fn.getSourceFile() === tsName.getSourceFile() || fn.getSourceFile().isDeclarationFile) return undefined;
    return effectOfFunction(checker, fn, def, MAX_DEPTH - 1);
  });
}
