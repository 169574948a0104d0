import { AST_NODE_TYPES, type TSESLint } from '@typescript-eslint/utils';

import { askChecker, skipTsWrappers, type TypeInformation } from '../util/type-checker.js';
import { ts } from '../util/typescript.js';
import type { ImportedInstance, RuntimeDefinition } from './definition.js';
import { isPiniaAnchor, runsBeforePiniaInstall } from './pinia-graph.js';

/** `defineStore` results, by declaration: is this imported binding a Pinia store hook? */
const storeDeclarations = new WeakMap<ts.Node, boolean>();

/** `defineStore(…)`, with `defineStore` imported from `pinia`. */
function isDefineStoreCall(expression: ts.Expression, checker: ts.TypeChecker): boolean {
  const init = skipTsWrappers(expression);
  if (!ts.isCallExpression(init) || !ts.isIdentifier(init.expression)) return false;
  const symbol = checker.getSymbolAtLocation(init.expression);
  const imported = symbol?.declarations?.[0];
  if (!imported || !ts.isImportSpecifier(imported)) return false;
  const name = (imported.propertyName ?? imported.name).text;
  const module = imported.parent.parent.parent.moduleSpecifier;
  return name === 'defineStore' && ts.isStringLiteral(module) && module.text === 'pinia';
}

/** Default exports of a name followed to the name's declaration, at most this many times. */
const MAX_EXPORT_HOPS = 4;

/**
 * Whether a declaration holds a `defineStore` result: `const useX = defineStore(…)`,
 * `export default defineStore(…)`, or `export default useX` of such a `const`.
 */
function isPiniaStoreDeclaration(declaration: ts.Node, checker: ts.TypeChecker, hops = 0): boolean {
  const cached = storeDeclarations.get(declaration);
  if (cached !== undefined) return cached;
  let result = false;
  if (ts.isVariableDeclaration(declaration) && declaration.initializer) {
    result = isDefineStoreCall(declaration.initializer, checker);
  } else if (ts.isExportAssignment(declaration) && !declaration.isExportEquals) {
    const expression = skipTsWrappers(declaration.expression);
    if (ts.isIdentifier(expression) && hops < MAX_EXPORT_HOPS) {
      const symbol = checker.getSymbolAtLocation(expression);
      const target = symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      const inner = target?.valueDeclaration ?? target?.declarations?.[0];
      result = inner !== undefined && inner !== declaration && isPiniaStoreDeclaration(inner, checker, hops + 1);
    } else {
      result = isDefineStoreCall(expression, checker);
    }
  }
  storeDeclarations.set(declaration, result);
  return result;
}

/** Per program: does any of its files import from `pinia`? */
const programsImportingPinia = new WeakMap<ts.Program, boolean>();

/**
 * An `import … from 'pinia'` among the file's statements, or in a module or
 * namespace block among them; any JSDoc `@import` tag counts too (it declares
 * import specifiers outside the statements).
 */
function importsPinia(file: ts.SourceFile): boolean {
  if (file.text.includes('@import')) return true;
  const blocks: (readonly ts.Statement[])[] = [file.statements];
  for (let statements = blocks.pop(); statements; statements = blocks.pop()) {
    for (const statement of statements) {
      if (ts.isImportDeclaration(statement)) {
        const { moduleSpecifier } = statement;
        if (ts.isStringLiteral(moduleSpecifier) && moduleSpecifier.text === 'pinia') return true;
        continue;
      }
      let body = ts.isModuleDeclaration(statement) ? statement.body : undefined;
      while (body && ts.isModuleDeclaration(body)) body = body.body;
      if (body && ts.isModuleBlock(body)) blocks.push(body.statements);
    }
  }
  return false;
}

/**
 * A store is declared with `defineStore` imported from `pinia` (see
 * {@link isDefineStoreCall}) in one of the program's files, so a program none
 * of whose files imports from `pinia` has none, and no import of it needs
 * resolving. Read from the syntax trees once per program.
 */
function programImportsPinia(program: ts.Program): boolean {
  let imports = programsImportingPinia.get(program);
  if (imports === undefined) {
    imports = program.getSourceFiles().some(importsPinia);
    programsImportingPinia.set(program, imports);
  }
  return imports;
}

/** Imported bindings that resolve (through the type checker) to a `defineStore` result: store hooks. */
function importedStores(
  sourceCode: Readonly<TSESLint.SourceCode>,
  types: TypeInformation,
  runtimeModules: ReadonlySet<string>,
): ImportedInstance[] {
  const { checker } = types;
  const stores: ImportedInstance[] = [];
  if (!programImportsPinia(types.program)) return stores;
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || statement.importKind === 'type') continue;
    if (runtimeModules.has(statement.source.value) || statement.source.value.startsWith('node:')) continue;
    for (const specifier of statement.specifiers) {
      if (
        specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier ||
        (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind === 'type')
      ) {
        continue;
      }
      const [variable] = sourceCode.scopeManager?.getDeclaredVariables(specifier) ?? [];
      if (
        !variable?.references.some((reference) => reference.identifier.parent.type === AST_NODE_TYPES.CallExpression)
      ) {
        continue;
      }
      const local = types.tsNodeOf(specifier.local);
      // A checker failure on an unusual declaration means "not a store".
      const isStore = askChecker(() => {
        let symbol = local && checker.getSymbolAtLocation(local);
        if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
        const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
        return declaration !== undefined && isPiniaStoreDeclaration(declaration, checker);
      });
      if (isStore === true) stores.push({ instance: 'store', variable });
    }
  }
  if (stores.length === 0) return stores;
  // An imported store at load time is reported only where the program shows the order (see pinia-graph.ts).
  const known = askChecker(() => {
    const file = types.tsNodeOf(sourceCode.ast)?.getSourceFile();
    if (!file) return false;
    return isPiniaAnchor(types.program, file) || runsBeforePiniaInstall(types.program, file);
  });
  return known === true ? stores : [];
}

/**
 * Pinia: a store hook (the value `defineStore` returns) needs an active Pinia,
 * which `app.use(pinia)` or `setActivePinia()` installs (a phase). Components,
 * composables and callbacks run later and are never reported; passing the
 * instance (`useStore(pinia)`) needs no active Pinia.
 */
export const pinia: RuntimeDefinition = {
  name: 'pinia',
  kind: 'phase',
  modules: ['pinia'],
  instances: {
    store: { path: ['defineStore'], create: 'call' },
    pinia: { path: ['createPinia'], create: 'call' },
  },
  requires: [
    // Pinia's "getActivePinia()" was called but there was no active Pinia.
    { path: [], from: { instance: 'store' }, use: 'call', outcome: 'throws', escapeArgument: 0 },
  ],
  ready: [
    { signal: 'install', path: [], from: { instance: 'pinia' } },
    { signal: 'call', path: ['setActivePinia'] },
  ],
  importedInstances: importedStores,
  wording: {
    before: 'before Pinia is installed',
    fix: 'call it after `app.use(pinia)`',
  },
};
