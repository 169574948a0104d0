import { isBuiltin } from 'node:module';

import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { FileScopes } from './file-scopes.js';
import { perFile } from './per-file.js';
import { Walk } from './reference-walk.js';
import type { EmittedUses } from './reported-uses.js';
import {
  CALL,
  CONSTRUCT,
  ESM,
  hasOwn,
  indexChildren,
  type MapNode,
  READ,
  type TracedReference,
  type TraceMap,
  type TraceMapElement,
} from './trace-map.js';
import { memberName } from './walk-keys.js';

export { MAX_ALIAS_DEPTH } from './reference-walk.js';
export { CALL, CONSTRUCT, READ, type TracedReference, type TraceMap, type TraceMapElement } from './trace-map.js';

/*
 * The reference tracker: which nodes use a traced API, found from globals
 * (declared or implicit), `import` and `require`, through member accesses,
 * calls, destructuring and aliases, never through a local that shadows a
 * global. It reads the trace maps of eslint-utils' `ReferenceTracker` and
 * answers what that tracker answers (in "legacy" mode: a CommonJS module
 * binds both the default and the named imports, as Node does for its
 * built-ins), with three differences:
 *
 * - It is iterative: an explicit stack in place of recursive generators, so
 *   that no input can overflow the call stack (eslint-utils' tracker
 *   overflowed on a chain of 1,200 `const` aliases and aborted the run).
 * - Aliases are followed `MAX_ALIAS_DEPTH` variables deep, no deeper.
 * - A variable is followed once per trace-map entry (and a node reported
 *   once per use), where eslint-utils' tracker follows it again on every
 *   path that reaches it: `let a; a = x; a = x;` chains double the work at
 *   each link.
 *
 * Owning the walk (rather than subclassing eslint-utils' private methods with
 * a depth counter) ties the bound to code of this repository, not to private
 * names that a patch release may change, and lets every shared trace map be
 * walked in one pass per file (`sharedReferences`).
 */

type SourceCode = Readonly<TSESLint.SourceCode>;

export interface TraceMaps {
  /** Keyed by global name: `{ process: { exit: { [CALL]: … } } }`. */
  readonly globals?: TraceMap;
  /** Keyed by module specifier, for `import` and `require`; Node built-ins get their `node:` alias. */
  readonly modules?: TraceMap;
}

/** Modules with `node:process` beside `process` (and so on for every Node built-in they name); the map inherits nothing. */
const aliasedModules = new WeakMap<TraceMap, TraceMap>();
function withNodeAliases(modules: TraceMap): TraceMap {
  let aliased = aliasedModules.get(modules);
  if (!aliased) {
    aliased = Object.assign(Object.create(null) as TraceMap, modules);
    for (const [name, entry] of Object.entries(modules)) {
      const alias = `node:${name}`;
      if (!name.startsWith('node:') && isBuiltin(name) && !(alias in aliased)) aliased[alias] = entry;
    }
    aliasedModules.set(modules, aliased);
  }
  return aliased;
}

/**
 * What the walks keep of a file, in one record (one cache entry per file):
 * its scopes, each shared map's references (once the shared pass has run),
 * and the facts the shared maps' owners derive from them (`sharedFact`).
 */
interface FileRecord {
  readonly scopes: FileScopes | undefined;
  lists?: (readonly TracedReference[] | undefined)[];
  facts?: unknown[];
}

const fileRecord = perFile((sourceCode): FileRecord => {
  const globalScope = sourceCode.scopeManager?.globalScope;
  return { scopes: globalScope ? new FileScopes(globalScope, sourceCode.ast) : undefined };
});

const scopesOf = (sourceCode: SourceCode): FileScopes | undefined => fileRecord(sourceCode).scopes;

function walkAll(walk: Walk, globals: TraceMap | undefined, modules: TraceMap | undefined): void {
  if (globals) walk.globals(globals);
  if (modules) {
    walk.imports(modules);
    walk.requires(modules);
  }
}

/** Whether every read of `name` in the file is the unmodified global (see `SharedOptions`). */
function isPlainGlobal(sourceCode: SourceCode, name: string): boolean {
  return scopesOf(sourceCode)?.isPlainGlobal(name) ?? false;
}

/** The call infos of a map's members, by member name (own keys only), listed once per map. */
const memberCalls = new WeakMap<TraceMapElement, ReadonlyMap<string, unknown>>();

/**
 * How the owner of `map`, traced for the global `name` whose direct member
 * calls it answers itself (`SharedOptions`), answers them in this file: what
 * the pass would have reported as a call (the map's call info of the member
 * called), or undefined for any other call. Undefined where the pass walks
 * those calls (the name is not the plain global).
 */
export function answeredCalls(
  sourceCode: SourceCode,
  name: string,
  map: TraceMapElement,
): ((call: TSESTree.CallExpression) => unknown) | undefined {
  if (!isPlainGlobal(sourceCode, name)) return undefined;
  let calls = memberCalls.get(map);
  if (!calls) {
    const members = map as MapNode;
    calls = new Map(Object.keys(members).map((key) => [key, (members[key] as MapNode)[CALL]]));
    memberCalls.set(map, calls);
  }
  const byMember = calls;
  return (call) => {
    const { callee } = call;
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const { object } = callee;
    if (object.type !== AST_NODE_TYPES.Identifier || object.name !== name) return undefined;
    const key = memberName(callee);
    return key === null ? undefined : byMember.get(key);
  };
}

/** Every use of the traced APIs in the file: through globals first, then `import`, then `require`. */
export function findReferences(sourceCode: SourceCode, maps: TraceMaps): readonly TracedReference[] {
  const scopes = scopesOf(sourceCode);
  if (!scopes) return [];
  const walk = new Walk(scopes);
  walkAll(walk, maps.globals, maps.modules && withNodeAliases(maps.modules));
  return walk.found;
}

/** Every use of the traced members of the value `node` holds (`logger.info(…)` for the `logger` a factory made). */
export function findPropertyReferences(
  sourceCode: SourceCode,
  node: TSESTree.Node,
  map: TraceMapElement,
): readonly TracedReference[] {
  const scopes = scopesOf(sourceCode);
  return scopes ? new Walk(scopes).members(node, map as MapNode) : [];
}

/*
 * Shared trace maps: the fixed maps of the plugin's modules (log streams,
 * Node's process, timers) are merged into one, whose entries list the info of
 * each map that has them, and walked in one pass per file, however many rules
 * ask. Each answer is the part of that pass that its own map would have
 * found alone.
 */

/** An entry of the merged map: which shared map it came from, and that map's info. */
interface SharedInfo {
  readonly owner: number;
  readonly info: unknown;
}

/**
 * The merged maps, and how to read a merged info back from an owner's list:
 * by owner, each own info that only one merged info holds for that owner,
 * with that merged info (`back`); `readBack` holds the merged infos that can
 * be read back so (nearly all: a map may give one info object to several
 * entries).
 */
interface Merged {
  readonly globals: TraceMap;
  readonly modules: TraceMap;
  readonly back: ReadonlyMap<unknown, SharedInfo[]>[];
  readonly readBack: ReadonlySet<unknown>;
  /** The globals whose direct member calls every owner that maps them answers itself (`SharedOptions`). */
  readonly answeredCalls: ReadonlySet<string>;
}

const sharedMaps: { globals: TraceMap; modules: TraceMap; answeredCalls: readonly string[] }[] = [];
let merged: Merged | undefined;

function mergeInto(into: Record<string | symbol, unknown>, from: MapNode, owner: number): void {
  for (const type of [READ, CALL, CONSTRUCT]) {
    const info = from[type];
    if (info) ((into[type] ??= []) as SharedInfo[]).push({ owner, info });
  }
  for (const key of Object.keys(from)) {
    // `into` inherits nothing (a key such as `constructor` is only ever its own).
    into[key] ??= Object.create(null);
    mergeInto(into[key] as Record<string | symbol, unknown>, from[key] as MapNode, owner);
  }
}

/** Every merged info of a merged map (`mergeInto`), by owner and own info; `null` for an own info given twice. */
function indexInfos(map: MapNode, back: Map<unknown, SharedInfo[] | null>[]): void {
  for (const type of [READ, CALL, CONSTRUCT]) {
    const infos = map[type] as SharedInfo[] | undefined;
    if (!infos) continue;
    for (const { owner, info } of infos) {
      const byInfo = (back[owner] ??= new Map());
      byInfo.set(info, byInfo.has(info) ? null : infos);
    }
  }
  for (const key of Object.keys(map)) indexInfos(map[key] as MapNode, back);
}

function mergedMaps(): Merged {
  if (merged) return merged;
  const globals = Object.create(null) as Record<string | symbol, unknown>;
  const modules = Object.create(null) as Record<string | symbol, unknown>;
  sharedMaps.forEach((maps, owner) => {
    mergeInto(globals, maps.globals, owner);
    mergeInto(modules, maps.modules, owner);
  });
  const index: Map<unknown, SharedInfo[] | null>[] = [];
  indexInfos(globals, index);
  indexInfos(modules, index);
  const back: Map<unknown, SharedInfo[]>[] = [];
  const readBack = new Set<unknown>();
  for (let owner = 0; owner < sharedMaps.length; owner += 1) {
    const unique = new Map<unknown, SharedInfo[]>();
    for (const [info, infos] of index[owner] ?? []) {
      if (infos) {
        unique.set(info, infos);
        readBack.add(infos);
      }
    }
    back.push(unique);
  }
  indexChildren(globals);
  indexChildren(modules);
  const answeredCalls = new Set(
    sharedMaps.flatMap((maps) => maps.answeredCalls.filter((name) => hasOwn(maps.globals, name))),
  );
  for (const maps of sharedMaps) {
    for (const name of Object.keys(maps.globals)) if (!maps.answeredCalls.includes(name)) answeredCalls.delete(name);
  }
  merged = { globals: globals as TraceMap, modules: modules as TraceMap, back, readBack, answeredCalls };
  return merged;
}

/** No references: shared by every owner that has none in a file, so never to be changed. */
const NONE: readonly TracedReference[] = Object.freeze([]);

/** Each shared map's references in this file, by the order the maps were shared in. */
function sharedFound(sourceCode: SourceCode): (readonly TracedReference[] | undefined)[] {
  const record = fileRecord(sourceCode);
  if (record.lists) return record.lists;
  const lists: (TracedReference[] | undefined)[] = [];
  const { scopes } = record;
  if (scopes) {
    const { globals, modules, back, readBack, answeredCalls } = mergedMaps();
    // Each use goes straight to the list of each map that has it (made on its first use); the merged map inherits nothing.
    const emit = (node: TSESTree.Node, type: symbol, info: unknown): void => {
      for (const { owner, info: own } of info as SharedInfo[]) (lists[owner] ??= []).push({ node, type, info: own });
    };
    // The walk's record of its uses is read back from the owners' lists (an own info given once names its merged info).
    const emitted: EmittedUses = {
      replays: (info) => readBack.has(info),
      replay: (file) => {
        lists.forEach((list, owner) => {
          const byInfo = back[owner];
          for (const { node, type, info } of list ?? []) {
            const shared = byInfo?.get(info);
            if (shared) file(node, type, shared);
          }
        });
      },
    };
    walkAll(new Walk(scopes, emit, true, emitted, answeredCalls), globals, modules);
  }
  const found: (readonly TracedReference[] | undefined)[] = lists;
  for (let owner = 0; owner < sharedMaps.length; owner += 1) found[owner] ??= NONE;
  record.lists = found;
  return found;
}

export interface SharedOptions {
  /**
   * Globals whose direct member calls (`console.log(…)`, not `(console as
   * C).log(…)` or `console.log.bind(…)`) the owner answers from the syntax
   * itself (`answeredCalls`) wherever the name is the unmodified global and no
   * local: the pass leaves out every use in those calls (the global's read,
   * the member's, the call), unless another owner maps the global and does
   * not answer them so.
   */
  readonly answeredCalls?: readonly string[];
}

/**
 * Trace maps whose references every file has found for it in the one shared
 * pass: call at module level with fixed maps, and call the answer with a
 * file. A module's map may not take its `default` export apart or mark
 * itself as ES module (the merged map could not keep either apart).
 */
export function sharedReferences(
  maps: TraceMaps,
  { answeredCalls = [] }: SharedOptions = {},
): (sourceCode: SourceCode) => readonly TracedReference[] {
  const modules = withNodeAliases(maps.modules ?? {});
  for (const [name, entry] of Object.entries(modules)) {
    if (hasOwn(entry as MapNode, 'default') || hasOwn(entry as MapNode, ESM)) {
      throw new Error(`a shared trace map cannot take apart module '${name}': use findReferences`);
    }
  }
  const owner = sharedMaps.push({ globals: maps.globals ?? {}, modules, answeredCalls }) - 1;
  merged = undefined;
  return (sourceCode) => {
    const lists = sharedFound(sourceCode);
    // A map shared after this file's pass (a module imported late) gets a walk of its own.
    return (lists[owner] ??= findReferences(sourceCode, maps));
  };
}

/** How many facts `sharedFact` has handed out slots for. */
let factCount = 0;

/**
 * A fact derived from a shared map's references (`sharedReferences`), at most
 * once per file, kept in the file's one record with its references (a cache
 * entry less per file than `perFile`). Call at module level.
 */
export function sharedFact<Fact>(
  references: (sourceCode: SourceCode) => readonly TracedReference[],
  derive: (found: readonly TracedReference[]) => Fact,
): (sourceCode: SourceCode) => Fact {
  const slot = factCount++;
  return (sourceCode) => {
    const facts = (fileRecord(sourceCode).facts ??= []);
    if (slot in facts) return facts[slot] as Fact;
    const fact = derive(references(sourceCode));
    facts[slot] = fact;
    return fact;
  };
}
