import path from 'node:path';

import { isTestFile } from '../util/test-files.js';
import { askChecker } from '../util/type-checker.js';
import { ts } from '../util/typescript.js';
import { eagerGlobImports, type GlobPlacement } from './eager-glob.js';

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
  /** The app's (non-test) modules that create Pinia or install it, with where their first creation or install starts. */
  readonly anchors: ReadonlyMap<ts.SourceFile, number>;
  /**
   * The program's own modules each module runs as it loads: its static imports for a value (`statics`; type-only
   * imports are erased), with the eager globs called whenever it loads (`sure`), or anywhere in it (`wide`, for cycles).
   */
  readonly edges: {
    readonly statics: Map<ts.SourceFile, ts.SourceFile[]>;
    readonly sure: Map<ts.SourceFile, ts.SourceFile[]>;
    readonly wide: Map<ts.SourceFile, ts.SourceFile[]>;
  };
  /** Everything a module reaches along those edges, itself included: from an anchor (`sure`), or from any module. */
  readonly reach: {
    readonly sure: Map<ts.SourceFile, ReadonlySet<ts.SourceFile>>;
    readonly wide: Map<ts.SourceFile, ReadonlySet<ts.SourceFile>>;
  };
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

/** Where the first call in `file` that matches `test` starts, in source order (functions included), or -1. */
function firstCall(file: ts.SourceFile, test: (call: ts.CallExpression) => boolean): number {
  let found = -1;
  const visit = (node: ts.Node): void => {
    if (found >= 0) return;
    if (ts.isCallExpression(node) && test(node)) {
      found = node.getStart(file);
      return;
    }
    node.forEachChild(visit);
  };
  visit(file);
  return found;
}

/** Where the first `createPinia()` or `setActivePinia()` starts, under the name the file imported it as, or -1. */
function createsPinia(file: ts.SourceFile): number {
  const names = importsFrom(file, (specifier) => specifier.text === 'pinia');
  const creators = [...names].filter(([, imported]) => imported === 'createPinia' || imported === 'setActivePinia');
  if (creators.length === 0) return -1;
  const locals = new Set(creators.map(([local]) => local));
  return firstCall(file, (call) => ts.isIdentifier(call.expression) && locals.has(call.expression.text));
}

/**
 * `app.use(pinia)` with `pinia` imported from a module that creates it, or a
 * call of a function imported from such a module that installs it there
 * (`setupStore(app)`, whose body calls `.use()`): where the first one starts, or -1.
 */
function installsPinia(
  program: ts.Program,
  checker: ts.TypeChecker,
  file: ts.SourceFile,
  creators: ReadonlySet<ts.SourceFile>,
): number {
  const fromCreator = importsFrom(file, (specifier) => {
    const target = moduleFile(program, checker, specifier);
    return target !== undefined && creators.has(target);
  });
  if (fromCreator.size === 0) return -1;
  return firstCall(file, (call) => {
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
  const anchors = new Map<ts.SourceFile, number>();
  for (const file of app) {
    const start = createsPinia(file);
    if (start >= 0) anchors.set(file, start);
  }
  const creators = new Set(anchors.keys());
  for (const file of creators.size === 0 ? [] : app) {
    const start = creators.has(file) ? -1 : installsPinia(program, checker, file, creators);
    if (start >= 0) anchors.set(file, start);
  }
  const edges = { statics: new Map(), sure: new Map(), wide: new Map() };
  return { modules: files, anchors, edges, reach: { sure: new Map(), wide: new Map() } };
}

/**
 * The modules `file` runs as it loads. `wide`: its static imports and every
 * eager glob in it. Otherwise only the globs every bundler runs before the
 * module's body ends, and, for the walk's own anchor, before its first
 * creation or install of Pinia (`before`).
 */
function edgesOf(
  program: ts.Program,
  graph: ProgramGraph,
  file: ts.SourceFile,
  wide: boolean,
  before: number | undefined,
): ts.SourceFile[] {
  const cache = wide ? graph.edges.wide : graph.edges.sure;
  const cached = before === undefined ? cache.get(file) : undefined;
  if (cached) return cached;
  let imports = graph.edges.statics.get(file);
  if (!imports) graph.edges.statics.set(file, (imports = staticImports(program, program.getTypeChecker(), file)));
  const placement: GlobPlacement = wide ? { kind: 'anywhere' } : { kind: 'load', before };
  const globbed = eagerGlobImports(file, graph.modules, placement);
  const targets = globbed.length === 0 ? imports : [...imports, ...globbed];
  if (before === undefined) cache.set(file, targets);
  return targets;
}

/**
 * Everything `from` reaches as it loads (itself included): from an anchor
 * (`wide` false), what surely runs before its install; from any module
 * (`wide`), what may run. `undefined` past the walk's bound.
 */
function reachOf(
  program: ts.Program,
  graph: ProgramGraph,
  from: ts.SourceFile,
  wide: boolean,
): ReadonlySet<ts.SourceFile> | undefined {
  const reach = wide ? graph.reach.wide : graph.reach.sure;
  const cached = reach.get(from);
  if (cached) return cached;
  const seen = new Set<ts.SourceFile>([from]);
  const queue = [from];
  for (let file = queue.pop(); file; file = queue.pop()) {
    const before = !wide && file === from ? graph.anchors.get(from) : undefined;
    for (const target of edgesOf(program, graph, file, wide, before)) {
      if (seen.has(target)) continue;
      if (seen.size >= MAX_REACH) return undefined;
      seen.add(target);
      queue.push(target);
    }
  }
  reach.set(from, seen);
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
  const anchors = [...graph.anchors.keys()].filter((anchor) => anchor !== file);
  if (anchors.length === 0) return false;
  const own = reachOf(program, graph, file, true);
  if (!own) return false;
  return anchors.some((anchor) => !own.has(anchor) && reachOf(program, graph, anchor, false)?.has(file) === true);
}

/** Whether `file` itself creates or installs Pinia (its own order is then the code path's business). */
export function isPiniaAnchor(program: ts.Program, file: ts.SourceFile): boolean {
  let graph = graphs.get(program);
  if (!graph) graphs.set(program, (graph = buildGraph(program)));
  return graph.anchors.has(file);
}
