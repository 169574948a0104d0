import path from 'node:path';

import { isTestFile } from '../util/test-files.js';
import { askChecker } from '../util/type-checker.js';
import { ts } from '../util/typescript.js';
import { eagerGlobImports } from './eager-glob.js';

/*
 * When does a module's top level run, next to Pinia's install? ES modules run
 * their static imports first: everything a module imports statically (and
 * transitively) has run before the module's own body. So a module that the
 * module creating or installing Pinia imports statically runs before Pinia is
 * installed, and a store hook called at its top level throws. A module reached
 * only through `import()` (a lazily loaded route or view) runs later, usually
 * after the install; so does one reached only through a bundler's lazy
 * `import.meta.glob`, while an eager glob is a static import (eager-glob.ts).
 * One reached through a file that is not in the program (`.vue`) cannot be
 * placed. Only the first case is known, so only it is reported.
 */

/** Files of a program and what their static imports reach, per program (the program owns the source files). */
interface ProgramGraph {
  /** The program's own modules (not declarations, not libraries): what an eager glob can match. */
  readonly modules: readonly ts.SourceFile[];
  /** The app's (non-test) modules that create Pinia or install it. */
  readonly anchors: readonly ts.SourceFile[];
  /** The program's own modules each module imports statically, for a value (type-only imports are erased). */
  readonly edges: Map<ts.SourceFile, readonly ts.SourceFile[]>;
  /** Everything a module reaches through static imports, itself included. */
  readonly reach: Map<ts.SourceFile, ReadonlySet<ts.SourceFile>>;
}

const graphs = new WeakMap<ts.Program, ProgramGraph>();

/** Files visited by one reachability walk, at most: beyond it, "cannot tell". */
const MAX_REACH = 20_000;

function isOwnModule(program: ts.Program, file: ts.SourceFile | undefined): file is ts.SourceFile {
  return file !== undefined && !file.isDeclarationFile && !program.isSourceFileFromExternalLibrary(file);
}

/** The program file a module specifier resolves to, when it is one of the app's own modules. */
function moduleFile(program: ts.Program, checker: ts.TypeChecker, specifier: ts.Expression): ts.SourceFile | undefined {
  const declaration = askChecker(() => checker.getSymbolAtLocation(specifier)?.declarations?.[0]);
  return declaration && ts.isSourceFile(declaration) && isOwnModule(program, declaration) ? declaration : undefined;
}

/** Whether an imported name is a value (a type's import is erased from the output). */
function isValueImport(checker: ts.TypeChecker, name: ts.Identifier): boolean {
  return (
    askChecker(() => {
      const symbol = checker.getSymbolAtLocation(name);
      if (!symbol) return false;
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      return (target.flags & ts.SymbolFlags.Value) !== 0;
    }) === true
  );
}

/**
 * `import type …`: TypeScript 5.9 spells it `phaseModifier`, older versions
 * (still supported) `isTypeOnly`, which 5.9 keeps as a deprecated alias.
 */
function isTypeOnlyClause(clause: ts.ImportClause): boolean {
  const { phaseModifier } = clause as { phaseModifier?: ts.SyntaxKind };
  if (phaseModifier !== undefined) return phaseModifier === ts.SyntaxKind.TypeKeyword;
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- TypeScript before 5.9 has no phaseModifier
  return clause.isTypeOnly;
}

/** Whether an import declaration stays in the output: a side-effect import, or one that imports a value. */
function isRuntimeImport(checker: ts.TypeChecker, statement: ts.ImportDeclaration): boolean {
  const clause = statement.importClause;
  if (!clause) return true;
  if (isTypeOnlyClause(clause)) return false;
  if (clause.name && isValueImport(checker, clause.name)) return true;
  const bindings = clause.namedBindings;
  if (!bindings) return false;
  if (ts.isNamespaceImport(bindings)) return true;
  return bindings.elements.some((element) => !element.isTypeOnly && isValueImport(checker, element.name));
}

/** The app's modules a file imports, re-exports or `import x = require()`s for a value, statically. */
function staticImports(program: ts.Program, checker: ts.TypeChecker, file: ts.SourceFile): ts.SourceFile[] {
  const targets: ts.SourceFile[] = [];
  for (const statement of file.statements) {
    let specifier: ts.Expression | undefined;
    if (ts.isImportDeclaration(statement) && isRuntimeImport(checker, statement)) {
      specifier = statement.moduleSpecifier;
    } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
      specifier = statement.moduleSpecifier;
    } else if (
      ts.isImportEqualsDeclaration(statement) &&
      !statement.isTypeOnly &&
      ts.isExternalModuleReference(statement.moduleReference)
    ) {
      specifier = statement.moduleReference.expression;
    }
    const target = specifier && moduleFile(program, checker, specifier);
    if (target && target !== file) targets.push(target);
  }
  return targets;
}

/** The local names a file imports (for a value) from `module` (`'pinia'`), with their imported names. */
function importsFrom(file: ts.SourceFile, accept: (specifier: ts.StringLiteral) => boolean): Map<string, string> {
  const names = new Map<string, string>();
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const clause = statement.importClause;
    if (!clause || isTypeOnlyClause(clause) || !accept(statement.moduleSpecifier)) continue;
    if (clause.name) names.set(clause.name.text, 'default');
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) {
        if (!element.isTypeOnly) names.set(element.name.text, (element.propertyName ?? element.name).text);
      }
    }
  }
  return names;
}

/** Whether some call in `file` matches `test` (the whole file is searched, functions included). */
function someCall(file: ts.SourceFile, test: (call: ts.CallExpression) => boolean): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node) && test(node)) {
      found = true;
      return;
    }
    node.forEachChild(visit);
  };
  visit(file);
  return found;
}

/** `createPinia()` or `setActivePinia()`, called under the name the file imported it as. */
function createsPinia(file: ts.SourceFile): boolean {
  const names = importsFrom(file, (specifier) => specifier.text === 'pinia');
  const creators = [...names].filter(([, imported]) => imported === 'createPinia' || imported === 'setActivePinia');
  if (creators.length === 0) return false;
  const locals = new Set(creators.map(([local]) => local));
  return someCall(file, (call) => ts.isIdentifier(call.expression) && locals.has(call.expression.text));
}

/**
 * `app.use(pinia)` with `pinia` imported from a module that creates it, or a
 * call of a function imported from such a module that installs it there
 * (`setupStore(app)`, whose body calls `.use()`).
 */
function installsPinia(
  program: ts.Program,
  checker: ts.TypeChecker,
  file: ts.SourceFile,
  creators: Set<ts.SourceFile>,
) {
  const fromCreator = importsFrom(file, (specifier) => {
    const target = moduleFile(program, checker, specifier);
    return target !== undefined && creators.has(target);
  });
  if (fromCreator.size === 0) return false;
  return someCall(file, (call) => {
    const callee = call.expression;
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'use') {
      const [argument] = call.arguments;
      return argument !== undefined && ts.isIdentifier(argument) && fromCreator.has(argument.text);
    }
    if (!ts.isIdentifier(callee) || !fromCreator.has(callee.text)) return false;
    return (
      askChecker(() => {
        const symbol = checker.getSymbolAtLocation(callee);
        const target = symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
        const declaration = target?.valueDeclaration;
        const body = declaration && ts.isFunctionLike(declaration) ? declaration : undefined;
        return body?.getText().includes('.use(') === true;
      }) === true
    );
  });
}

function buildGraph(program: ts.Program): ProgramGraph {
  const checker = program.getTypeChecker();
  const files = program.getSourceFiles().filter((file) => isOwnModule(program, file));
  // Test files by name only (`store.test.ts`): the program's folders say nothing about where the project starts.
  const app = files.filter((file) => !isTestFile(file.fileName, path.dirname(file.fileName)));
  const creators = new Set(app.filter(createsPinia));
  if (creators.size === 0) return { modules: files, anchors: [], edges: new Map(), reach: new Map() };
  const installers = app.filter((file) => !creators.has(file) && installsPinia(program, checker, file, creators));
  return { modules: files, anchors: [...creators, ...installers], edges: new Map(), reach: new Map() };
}

/** Everything `from` reaches through static imports (itself included); `undefined` past the walk's bound. */
function reachOf(
  program: ts.Program,
  graph: ProgramGraph,
  from: ts.SourceFile,
): ReadonlySet<ts.SourceFile> | undefined {
  const cached = graph.reach.get(from);
  if (cached) return cached;
  const checker = program.getTypeChecker();
  const seen = new Set<ts.SourceFile>([from]);
  const queue = [from];
  for (let file = queue.pop(); file; file = queue.pop()) {
    let targets = graph.edges.get(file);
    if (!targets) {
      targets = [...staticImports(program, checker, file), ...eagerGlobImports(file, graph.modules)];
      graph.edges.set(file, targets);
    }
    for (const target of targets) {
      if (seen.has(target)) continue;
      if (seen.size >= MAX_REACH) return undefined;
      seen.add(target);
      queue.push(target);
    }
  }
  graph.reach.set(from, seen);
  return seen;
}

/**
 * Whether the program shows that `file`'s top level runs before Pinia is
 * installed: a module of the app (not a test) that creates or installs Pinia
 * imports `file` statically, directly or through other modules, and `file`
 * does not import that module back (in a cycle, the order depends on which
 * module is loaded first). `false` also when the program cannot tell.
 */
export function runsBeforePiniaInstall(program: ts.Program, file: ts.SourceFile): boolean {
  let graph = graphs.get(program);
  if (!graph) graphs.set(program, (graph = buildGraph(program)));
  const anchors = graph.anchors.filter((anchor) => anchor !== file);
  if (anchors.length === 0) return false;
  const own = reachOf(program, graph, file);
  if (!own) return false;
  return anchors.some((anchor) => !own.has(anchor) && reachOf(program, graph, anchor)?.has(file) === true);
}

/** Whether `file` itself creates or installs Pinia (its own order is then the code path's business). */
export function isPiniaAnchor(program: ts.Program, file: ts.SourceFile): boolean {
  let graph = graphs.get(program);
  if (!graph) graphs.set(program, (graph = buildGraph(program)));
  return graph.anchors.includes(file);
}
