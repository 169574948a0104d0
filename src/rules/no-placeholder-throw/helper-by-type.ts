import { askChecker, skipTsWrappers } from '../../util/type-checker.js';
import { ts } from '../../util/typescript.js';
import {
  DYNAMIC_PART,
  EMPTY_VOCABULARY,
  type FunctionShape,
  isErrorClassName,
  isPlaceholderErrorClass,
  isPlaceholderHelper,
  isPlaceholderHelperName,
  type PlaceholderVocabulary,
  type ThrownValue,
} from './placeholder.js';
import { MAX_CONCAT_DEPTH } from './thrown-value.js';

/*
 * Placeholder helpers declared in other files: the declarations the type
 * checker resolves a callee to, read on the checker's own syntax tree.
 */

type TsFunction = ts.FunctionDeclaration | ts.MethodDeclaration | ts.FunctionExpression | ts.ArrowFunction;

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

/** The function a declaration defines, if it defines one with a body. */
function tsFunctionOf(declaration: ts.Declaration): TsFunction | undefined {
  if ((ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration)) && declaration.body) {
    return declaration;
  }
  if (
    (ts.isVariableDeclaration(declaration) ||
      ts.isPropertyDeclaration(declaration) ||
      ts.isPropertyAssignment(declaration)) &&
    declaration.initializer
  ) {
    const initializer = skipTsWrappers(declaration.initializer);
    if (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)) return initializer;
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

/**
 * Names of the functions of a source file that could be helpers by their
 * shape, and the names its exports give declarations; `null` for a name that
 * cannot be read.
 */
const shapeHelperNamesCache = new WeakMap<ts.SourceFile, HelperNames<readonly (string | null)[]>>();
/** The same names over a whole program; `null` when some name cannot be read, so every member must be asked about. */
const programShapeHelperNames = new WeakMap<ts.Program, HelperNames<ReadonlySet<string> | null>>();

/**
 * The names of the functions that could be helpers by their shape, as
 * declared, apart from the names exports give declarations: only a named
 * import or a member of a module object can go by the second kind.
 */
interface HelperNames<T> {
  readonly declared: T;
  readonly exported: readonly string[] | ReadonlySet<string>;
}

function declarationNameText(declaration: ts.Declaration): string | null {
  const name = ts.getNameOfDeclaration(declaration);
  if (!name) return null;
  if (ts.isComputedPropertyName(name)) {
    const { expression } = name;
    return ts.isStringLiteralLike(expression) || ts.isNumericLiteral(expression) ? expression.text : null;
  }
  if (
    ts.isIdentifier(name) ||
    ts.isPrivateIdentifier(name) ||
    ts.isStringLiteralLike(name) ||
    ts.isNumericLiteral(name)
  ) {
    return name.text;
  }
  return null;
}

/** Could this declaration define a helper by its shape, as {@link tsFunctionShape} reads it? */
function couldBeShapeHelper(declaration: ts.Node): boolean {
  if (!isTsDeclaration(declaration)) return false;
  const fn = tsFunctionOf(declaration);
  if (fn?.type?.kind !== ts.SyntaxKind.NeverKeyword) return false;
  const { body } = fn;
  if (body === undefined || !ts.isBlock(body) || body.statements.length !== 1) return false;
  const [statement] = body.statements;
  return statement !== undefined && ts.isThrowStatement(statement);
}

function isTsDeclaration(node: ts.Node): node is ts.Declaration {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isVariableDeclaration(node) ||
    ts.isPropertyDeclaration(node) ||
    ts.isPropertyAssignment(node)
  );
}

/** `: never`, with any whitespace and comments between the two. */
const NEVER_ANNOTATION = /:(?:\s|\/\*[\s\S]*?\*\/|\/\/[^\n]*\n)*never\b/;

/**
 * The names a top-level statement exports under another name than the
 * declaration's own: `export { pending as later }`, `export import later =
 * …`, and `default`. A member of a module object (`(await import('./dev.js')).later`)
 * goes by these.
 */
function exportedAliasNames(statement: ts.Statement): string[] {
  if (ts.isExportDeclaration(statement)) {
    const clause = statement.exportClause;
    if (!clause || !ts.isNamedExports(clause)) return [];
    return clause.elements.filter((specifier) => specifier.propertyName).map((specifier) => specifier.name.text);
  }
  if (ts.isExportAssignment(statement)) return ['default'];
  const modifiers = ts.canHaveModifiers(statement) ? (ts.getModifiers(statement) ?? []) : [];
  if (modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword)) return ['default'];
  const exported = modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
  return exported && ts.isImportEqualsDeclaration(statement) ? [statement.name.text] : [];
}

function shapeHelperNamesOf(sourceFile: ts.SourceFile): HelperNames<readonly (string | null)[]> {
  const cached = shapeHelperNamesCache.get(sourceFile);
  if (cached) return cached;
  const declared: (string | null)[] = [];
  // A module object's member can be an export under another name than the declaration it stands for.
  const exported = sourceFile.statements.flatMap(exportedAliasNames);
  // Only a `never` return type annotation can make one, and the text says whether there is any.
  // Declaration files hold no bodies.
  if (!sourceFile.isDeclarationFile && NEVER_ANNOTATION.test(sourceFile.text)) {
    const stack: ts.Node[] = [sourceFile];
    for (let node = stack.pop(); node; node = stack.pop()) {
      if (couldBeShapeHelper(node)) declared.push(declarationNameText(node as ts.Declaration));
      // Types hold no function bodies; a heritage clause's expression can (`extends mixin(class { … })`).
      if (ts.isTypeNode(node) && !ts.isExpressionWithTypeArguments(node)) continue;
      ts.forEachChild(node, (child) => {
        stack.push(child);
      });
    }
  }
  const names = { declared, exported };
  shapeHelperNamesCache.set(sourceFile, names);
  return names;
}

/** Every name under which a function of the program could be a helper by its shape; `declared: null`: unknown, ask always. */
function shapeHelperNames(program: ts.Program): HelperNames<ReadonlySet<string> | null> {
  const cached = programShapeHelperNames.get(program);
  if (cached) return cached;
  let declared: Set<string> | null = new Set();
  const exported = new Set<string>();
  for (const sourceFile of program.getSourceFiles()) {
    const names = shapeHelperNamesOf(sourceFile);
    for (const name of names.exported) exported.add(name);
    for (const name of names.declared) {
      if (name === null) declared = null;
      else declared?.add(name);
    }
  }
  const names = { declared, exported };
  programShapeHelperNames.set(program, names);
  return names;
}

/** How many `a.b.c` segments a module path is followed through. */
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

/** The text of a member callee's name: `name` in `x.name`, `x['name']`, `x.#name`. */
function memberNameText(callee: ts.Node): string | undefined {
  return ts.isIdentifier(callee) ||
    ts.isPrivateIdentifier(callee) ||
    ts.isStringLiteralLike(callee) ||
    ts.isNumericLiteral(callee)
    ? callee.text
    : undefined;
}

/**
 * Could a function that goes by this name (its declaration's, or one an export
 * gives it) be a helper: a helper name, or the name of a function of the
 * program that could be one by its shape? A callee whose declaration goes by
 * another name is no helper, and the checker need not be asked about it.
 */
export function couldNameHelper(
  program: ts.Program,
  name: string,
  vocabulary: PlaceholderVocabulary,
  { byExport }: { byExport: boolean },
): boolean {
  if (isPlaceholderHelperName(name, vocabulary)) return true;
  const { declared, exported } = shapeHelperNames(program);
  if (declared === null || declared.has(name)) return true;
  return byExport && (exported as ReadonlySet<string>).has(name);
}

/** The access a member callee's name is the property of (`x.name`, `x['name']`), if it is one. */
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
