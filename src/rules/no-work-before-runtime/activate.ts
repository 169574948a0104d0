import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { ImportedInstance, RuntimeDefinition } from '../../runtimes/definition.js';
import { builtinRuntimes } from '../../runtimes/index.js';
import { getTypeInformation } from '../../util/type-checker.js';
import { type RuleOptions, selectedRuntimes } from './options.js';

/** The runtimes a file is checked for: the selected ones, and those it shows evidence of. */
export interface ActiveRuntimes {
  /** Selected first, then detected, in the built-in order: reports follow it. */
  readonly active: readonly RuntimeDefinition[];
  readonly selected: ReadonlyMap<string, RuntimeDefinition>;
  /** The module specifiers the file imports or requires. */
  readonly specifiers: ReadonlySet<string>;
  /** Instances the type checker found behind the file's imports, per runtime. */
  readonly importedInstances: ReadonlyMap<RuntimeDefinition, readonly ImportedInstance[]>;
}

/** The built-in runtimes in their order, and every module they name: fixed (the table is frozen), so found once. */
const BUILTINS: readonly RuntimeDefinition[] = Object.values(builtinRuntimes);
const BUILTIN_MODULES: ReadonlySet<string> = new Set(BUILTINS.flatMap((def) => def.modules));

/** Whether a call is `require('<constant string>')`: the module it names. */
function requiredSpecifier(identifier: TSESTree.Identifier): string | undefined {
  const { parent } = identifier;
  return identifier.name === 'require' &&
    parent.type === AST_NODE_TYPES.CallExpression &&
    parent.callee === identifier &&
    parent.arguments[0]?.type === AST_NODE_TYPES.Literal &&
    typeof parent.arguments[0].value === 'string'
    ? parent.arguments[0].value
    : undefined;
}

/**
 * Whether `test` holds for one of the module specifiers this file imports or requires (with a constant string),
 * asked of each in turn: the imports in order, then the `require` calls.
 */
function someSpecifier(sourceCode: Readonly<TSESLint.SourceCode>, test: (specifier: string) => boolean): boolean {
  for (const statement of sourceCode.ast.body) {
    if (
      (statement.type === AST_NODE_TYPES.ImportDeclaration ||
        statement.type === AST_NODE_TYPES.ExportAllDeclaration ||
        statement.type === AST_NODE_TYPES.ExportNamedDeclaration) &&
      statement.source &&
      test(statement.source.value)
    ) {
      return true;
    }
  }
  // `require` is unresolved in a script, and a declared global under `sourceType: 'commonjs'` (and Node's globals).
  const globalScope = sourceCode.scopeManager?.globalScope;
  const declared = globalScope?.set.get('require');
  // In this order, without copying either list (`through` holds every unresolved reference of the file).
  for (const references of [globalScope?.through ?? [], declared?.defs.length === 0 ? declared.references : []]) {
    for (const { identifier } of references) {
      const specifier = identifier.type === AST_NODE_TYPES.Identifier ? requiredSpecifier(identifier) : undefined;
      if (specifier !== undefined && test(specifier)) return true;
    }
  }
  return false;
}

/** The module specifiers this file imports or requires (with a constant string). */
function importedSpecifiers(sourceCode: Readonly<TSESLint.SourceCode>): Set<string> {
  const specifiers = new Set<string>();
  someSpecifier(sourceCode, (specifier) => {
    specifiers.add(specifier);
    return false;
  });
  return specifiers;
}

const isBuiltinModule = (specifier: string): boolean => BUILTIN_MODULES.has(specifier);

/** Whether every built-in runtime names its modules exactly (none matches a relative import): true of the table. */
const BUILTINS_NAME_MODULES_EXACTLY = BUILTINS.every((def) => def.relativeModules !== true);

/** The built-in runtimes with evidence besides imports (`detectIn`), in their order. */
const DETECTED_IN_FILE: readonly RuntimeDefinition[] = BUILTINS.filter((def) => def.detectIn !== undefined);

/**
 * Whether no runtime can be active in the file, found without building the lists {@link activeRuntimes} returns
 * (most files of most projects): none selected, no type information (its imported instances can activate one), and
 * no detection, or no import of a built-in runtime's module (every built-in names its modules exactly, so that is
 * what `specifiersFor` finds) and no `detectIn` evidence. Each `detectIn` is asked as `activeRuntimes` asks it:
 * there, too, for a file that imports none of the runtime's modules.
 */
function hasNoRuntime(sourceCode: Readonly<TSESLint.SourceCode>, filename: string, options: RuleOptions): boolean {
  if ((options.runtimes?.length ?? 0) > 0 || getTypeInformation(sourceCode) !== undefined) return false;
  if (!options.detect) return true;
  if (!BUILTINS_NAME_MODULES_EXACTLY || someSpecifier(sourceCode, isBuiltinModule)) return false;
  return !DETECTED_IN_FILE.some((def) => def.detectIn?.(sourceCode, filename) === true);
}

/** What {@link activeRuntimes} gives a file with no runtime: nothing (never changed, as every list is read-only). */
const NO_RUNTIMES: ActiveRuntimes = Object.freeze({
  active: Object.freeze([]),
  selected: new Map<string, RuntimeDefinition>(),
  specifiers: new Set<string>(),
  importedInstances: new Map<RuntimeDefinition, readonly ImportedInstance[]>(),
});

function specifierMatches(entry: string, specifier: string, relative: boolean): boolean {
  if (specifier === entry) return true;
  if (!relative) return false;
  const strip = (value: string) => value.replace(/^\.\//, '').replace(/\.[cm]?[jt]sx?$/, '');
  const wanted = strip(entry);
  const actual = strip(specifier);
  return actual === wanted || (specifier.startsWith('.') && actual.endsWith(`/${wanted}`));
}

/** The file's specifiers that name one of the runtime's modules. */
export function specifiersFor(runtimes: ActiveRuntimes, def: RuntimeDefinition): string[] {
  // Modules named exactly (every built-in runtime's): whether the file names one, without a list.
  if (def.relativeModules !== true && !def.modules.some((entry) => runtimes.specifiers.has(entry))) return [];
  return [...runtimes.specifiers].filter((specifier) =>
    def.modules.some((entry) => specifierMatches(entry, specifier, def.relativeModules === true)),
  );
}

/** The cheap path: which runtimes does this file show evidence of? */
export function activeRuntimes(
  sourceCode: Readonly<TSESLint.SourceCode>,
  filename: string,
  options: RuleOptions,
): ActiveRuntimes {
  if (hasNoRuntime(sourceCode, filename, options)) return NO_RUNTIMES;
  // `meta.defaultOptions` makes it `true` unless the user says otherwise.
  const { detect } = options;
  const selected = selectedRuntimes(options);
  const active: RuntimeDefinition[] = [...selected.values()];
  const importedInstances = new Map<RuntimeDefinition, readonly ImportedInstance[]>();
  const runtimes: ActiveRuntimes = { active, selected, specifiers: importedSpecifiers(sourceCode), importedInstances };
  if (detect) {
    for (const def of BUILTINS) {
      if (selected.has(def.name)) continue;
      if (specifiersFor(runtimes, def).length > 0 || def.detectIn?.(sourceCode, filename) === true) active.push(def);
    }
  }
  const types = getTypeInformation(sourceCode);
  if (!types) return runtimes;
  const runtimeModules = BUILTIN_MODULES;
  for (const def of BUILTINS) {
    if (!def.importedInstances || (!detect && !selected.has(def.name))) continue;
    const instances = def.importedInstances(sourceCode, types, runtimeModules);
    if (instances.length === 0) continue;
    importedInstances.set(def, instances);
    if (!active.includes(def)) active.push(def);
  }
  return runtimes;
}
