import { askChecker, skipTsWrappers } from '../../util/type-checker.js';
import { ts } from '../../util/typescript.js';
import { couldNameHelper, type TsFunction, tsFunctionOf } from './helper-names.js';
import {
  DYNAMIC_PART,
  EMPTY_VOCABULARY,
  type FunctionShape,
  isErrorClassName,
  isPlaceholderErrorClass,
  isPlaceholderHelper,
  isPlaceholderHelperName,
  type ThrownValue,
} from './placeholder.js';
import { MAX_CONCAT_DEPTH } from './thrown-value.js';

/*
 * Placeholder helpers declared in other files: the declarations the type
 * checker resolves a callee to, read on the checker's own syntax tree.
 */

/** Shapes are read once per declaration and program; the vocabulary is applied on each use. */
const shapeCache = new WeakMap<ts.Program, WeakMap<ts.Node, FunctionShape>>();

function tsLiteralType(checker: ts.TypeChecker, node: ts.Expression): string | undefined {
  const type = askChecker(() => checker.getTypeAtLocation(node));
  return type?.isStringLiteral() ? type.value : undefined;
}

function tsMessageText(checker: ts.TypeChecker, node: ts.Expression, depth: number): string | undefined {
  const expression = skipTsWrappers(node);
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return expression.text;
  if (depth > MAX_CONCAT_DEPTH) return undefined;
  const part = (child: ts.Expression): string => tsMessageText(checker, child, depth + 1) ?? DYNAMIC_PART;
  if (ts.isTemplateExpression(expression)) {
    return (
      expression.head.text + expression.templateSpans.map((span) => part(span.expression) + span.literal.text).join('')
    );
  }
  if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = part(expression.left);
    const right = part(expression.right);
    return left === DYNAMIC_PART && right === DYNAMIC_PART ? undefined : left + right;
  }
  return tsLiteralType(checker, expression);
}

function tsCalleeName(node: ts.Expression): string | undefined {
  const callee = skipTsWrappers(node);
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

function tsThrownValue(checker: ts.TypeChecker, argument: ts.Expression): ThrownValue | undefined {
  const node = skipTsWrappers(argument);
  if (ts.isNewExpression(node) || ts.isCallExpression(node)) {
    const errorClass = tsCalleeName(node.expression);
    if (errorClass === undefined) return undefined;
    if (!isErrorClassName(errorClass) && !isPlaceholderErrorClass(errorClass)) return { errorClass };
    const first = node.arguments?.[0];
    if (!first) return { errorClass };
    const message = ts.isSpreadElement(first) ? undefined : tsMessageText(checker, first, 0);
    return { errorClass, message: message ?? DYNAMIC_PART };
  }
  if (
    ts.isStringLiteral(node) ||
    ts.isNoSubstitutionTemplateLiteral(node) ||
    ts.isTemplateExpression(node) ||
    ts.isBinaryExpression(node)
  ) {
    const message = tsMessageText(checker, node, 0);
    return message === undefined ? undefined : { message };
  }
  return undefined;
}

function tsFunctionShape(checker: ts.TypeChecker, fn: TsFunction, name: string): FunctionShape {
  const declaresNever = fn.type?.kind === ts.SyntaxKind.NeverKeyword;
  let soleThrow: ThrownValue | null | undefined;
  const { body } = fn;
  if (body && ts.isBlock(body) && body.statements.length === 1) {
    const [statement] = body.statements;
    if (statement && ts.isThrowStatement(statement)) {
      soleThrow = tsThrownValue(checker, statement.expression) ?? null;
    }
  }
  return { name, declaresNever, soleThrow };
}

/** The symbol an import or export alias stands for (through every re-export), or the symbol itself. */
function resolveAlias(checker: ts.TypeChecker, symbol: ts.Symbol): ts.Symbol {
  if (!(symbol.flags & ts.SymbolFlags.Alias)) return symbol;
  return askChecker(() => checker.getAliasedSymbol(symbol)) ?? symbol;
}

/**
 * The shape of the function a symbol resolves to (through import and export
 * aliases, into other files), or `undefined` when it resolves to no function
 * with a body (an ambient declaration, a value of some other kind). Cached per
 * program and declaration.
 */
function resolvedFunctionShape(program: ts.Program, symbol: ts.Symbol): FunctionShape | undefined {
  const checker = program.getTypeChecker();
  const target = resolveAlias(checker, symbol);
  const declarations = target.getDeclarations() ?? [];
  let fn: TsFunction | undefined;
  let declaration: ts.Declaration | undefined;
  for (const candidate of declarations) {
    fn = tsFunctionOf(candidate);
    if (fn) {
      declaration = candidate;
      break;
    }
  }
  if (!fn || !declaration) return undefined;

  let byDeclaration = shapeCache.get(program);
  if (!byDeclaration) {
    byDeclaration = new WeakMap();
    shapeCache.set(program, byDeclaration);
  }
  const cached = byDeclaration.get(declaration);
  if (cached) return cached;
  const shape = tsFunctionShape(checker, fn, target.getName());
  byDeclaration.set(declaration, shape);
  return shape;
}

function callSignaturesReturnNever(checker: ts.TypeChecker, callee: ts.Node): boolean {
  return (
    askChecker(() => {
      const signatures = checker.getTypeAtLocation(callee).getCallSignatures();
      return (
        signatures.length > 0 &&
        signatures.every((signature) => (checker.getReturnTypeOfSignature(signature).flags & ts.TypeFlags.Never) !== 0)
      );
    }) ?? false
  );
}

/*
 * Member callees (`ns.helper()`, `value.method()`) are most of the calls of a
 * file, and asking the checker for the symbol of `value.method` makes it type
 * `value` with all its generics: nearly all the rule's type-aware cost. Two
 * cheap answers come first. A member of a module or namespace object
 * (`import * as ns`, `export * as ns`, `namespace N`) is read from the module's
 * exports, which needs no typing. And a member goes by the name of its
 * declaration, or by a name an export gives it (`export { pending as later }`),
 * so it can only be a helper when it is called by a helper name of the
 * vocabulary, the name of a function somewhere in the program that could be
 * a helper by its shape (declared `never`, its body one `throw`), or such an
 * export name: only those are asked about.
 */

const MAX_MODULE_PATH = 8;

/** The module or namespace an expression names (`ns`, `Outer.Inner`), through import and export aliases. */
function moduleNamedBy(checker: ts.TypeChecker, node: ts.Expression, depth = 0): ts.Symbol | undefined {
  const expression = skipTsWrappers(node);
  let symbol: ts.Symbol | undefined;
  if (ts.isIdentifier(expression)) {
    symbol = askChecker(() => checker.getSymbolAtLocation(expression));
  } else if (ts.isPropertyAccessExpression(expression) && depth < MAX_MODULE_PATH) {
    const outer = moduleNamedBy(checker, expression.expression, depth + 1);
    symbol = outer && askChecker(() => checker.tryGetMemberInModuleExports(expression.name.text, outer));
  }
  if (!symbol) return undefined;
  const target = resolveAlias(checker, symbol);
  return target.flags & ts.SymbolFlags.Module ? target : undefined;
}

/** Is this `import(…)`, `require(…)`, or an `await` of one? */
function isModuleLoad(node: ts.Expression): boolean {
  let expression = skipTsWrappers(node);
  if (ts.isAwaitExpression(expression)) expression = skipTsWrappers(expression.expression);
  if (!ts.isCallExpression(expression)) return false;
  const callee = expression.expression;
  return callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require');
}

/**
 * Could this expression hold a module object other than one it names
 * ({@link moduleNamedBy})? A load (`(await import('./dev.js'))`), a variable
 * initialized with one (`const dev = await import('./dev.js')`), or a value
 * declared with an import type (`dev: typeof import('./dev.js')`). Answered from
 * the declarations, so that no expression's type is computed.
 */
function couldHoldModuleObject(checker: ts.TypeChecker, node: ts.Expression): boolean {
  const expression = skipTsWrappers(node);
  if (isModuleLoad(expression)) return true;
  if (!ts.isIdentifier(expression)) return false;
  const symbol = askChecker(() => checker.getSymbolAtLocation(expression));
  return (symbol?.getDeclarations() ?? []).some(
    (declaration) =>
      ((ts.isVariableDeclaration(declaration) ||
        ts.isParameter(declaration) ||
        ts.isPropertyDeclaration(declaration)) &&
        declaration.type !== undefined &&
        ts.isImportTypeNode(declaration.type)) ||
      (ts.isVariableDeclaration(declaration) &&
        declaration.initializer !== undefined &&
        isModuleLoad(declaration.initializer)),
  );
}

/** The text of a member callee's name: `name` in `x.name`, `x['name']`, `x.#name`. */
function memberNameText(callee: ts.Node): string | undefined {
  return ts.isIdentifier(callee) ||
    ts.isPrivateIdentifier(callee) ||
    ts.isStringLiteralLike(callee) ||
    ts.isNumericLiteral(callee)
    ? callee.text
    : undefined;
}

function memberAccessOf(callee: ts.Node): ts.PropertyAccessExpression | ts.ElementAccessExpression | undefined {
  const { parent } = callee;
  if (ts.isPropertyAccessExpression(parent) && parent.name === callee) return parent;
  if (ts.isElementAccessExpression(parent) && parent.argumentExpression === callee) return parent;
  return undefined;
}

/**
 * Type-aware: is the function a callee resolves to (also in another module,
 * through import aliases) a placeholder helper? `undefined` when the checker
 * knows no symbol for it, so the caller falls back to what the file says.
 * The same goes for an import the checker cannot resolve.
 * A function with a body is judged by {@link isPlaceholderHelper}; one without
 * (an ambient `declare function todo(): never`) by its helper name and a
 * `never` return type.
 */
export function isPlaceholderHelperByType(
  program: ts.Program,
  callee: ts.Node,
  vocabulary = EMPTY_VOCABULARY,
): boolean | undefined {
  const checker = program.getTypeChecker();
  const access = memberAccessOf(callee);
  let symbol: ts.Symbol | undefined;
  if (access) {
    const name = memberNameText(callee);
    if (name !== undefined) {
      // A member goes by its declaration's name or by a name an export gives it: one no helper goes by is no helper.
      if (!couldNameHelper(program, name, vocabulary, { byExport: true })) return false;
      const module = moduleNamedBy(checker, access.expression);
      symbol = module && askChecker(() => checker.tryGetMemberInModuleExports(name, module));
      // A name only an export gives is a member of a module object, and no other object's.
      if (
        !symbol &&
        !couldNameHelper(program, name, vocabulary, { byExport: false }) &&
        !couldHoldModuleObject(checker, access.expression)
      ) {
        return false;
      }
    }
  }
  symbol ??= askChecker(() => checker.getSymbolAtLocation(callee));
  if (!symbol) return undefined;
  const target = resolveAlias(checker, symbol);
  // An import the checker cannot resolve ends at its "unknown" symbol, declared nowhere.
  if ((target.getDeclarations()?.length ?? 0) === 0) return undefined;
  const shape = resolvedFunctionShape(program, symbol);
  if (shape) return isPlaceholderHelper(shape, vocabulary);
  return isPlaceholderHelperName(target.getName(), vocabulary) && callSignaturesReturnNever(checker, callee);
}
