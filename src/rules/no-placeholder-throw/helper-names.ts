import { skipTsWrappers } from '../../util/type-checker.js';
import { ts } from '../../util/typescript.js';
import { isPlaceholderHelperName, type PlaceholderVocabulary } from './placeholder.js';

/*
 * The names under which a function of the program could be a placeholder
 * helper by its shape, read from the syntax trees alone, so that calls of
 * any other name are never asked about (see `helper-by-type.ts`).
 */

export type TsFunction = ts.FunctionDeclaration | ts.MethodDeclaration | ts.FunctionExpression | ts.ArrowFunction;

/** The function a declaration defines, if it defines one with a body. */
export function tsFunctionOf(declaration: ts.Declaration): TsFunction | undefined {
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
  // `export default function (): never { … }` goes by `default`.
  if (!name) return ts.isFunctionDeclaration(declaration) ? 'default' : null;
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
