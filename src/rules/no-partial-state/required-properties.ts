import { askChecker } from '../../util/type-checker.js';
import { intersectionConstituents, isTypeFlagSet, ts, unionConstituents } from '../../util/typescript.js';

/*
 * The small type-checker questions `no-partial-state` asks: which properties
 * must an object literal supply to really be a `T`, and which does a literal
 * (spreads included) supply for sure. Every answer may be "cannot tell"
 * (`undefined`), which callers read as "not partial": an unusual type must
 * never produce a report, a crash or a hang.
 */

/** Beyond these sizes the type is not judged at all. */
const MAX_UNION_MEMBERS = 32;
const MAX_PROPERTIES = 500;
const MAX_DISCRIMINANTS = 8;

/** One object shape a literal may be asserted to (a union gives several). */
export interface TargetShape {
  /** Required properties, in declaration order: escaped name → display name. */
  readonly required: ReadonlyMap<string, string>;
  /** Properties whose type is a unit type (`kind: 'square'`): they pick the union member. */
  readonly discriminants: ReadonlyMap<string, ts.Type>;
}

/** `null` records "cannot tell" in the cache, which holds no `undefined`. */
const shapeCache = new WeakMap<ts.Type, readonly TargetShape[] | null>();

// Computed on first use: a TypeScript value read on import would load the compiler (util/typescript.ts).
let flagSets: { open: ts.TypeFlags; notObject: ts.TypeFlags } | undefined;
const openFlags = (): ts.TypeFlags => (flagSets ??= computeFlagSets()).open;
const notObjectFlags = (): ts.TypeFlags => (flagSets ??= computeFlagSets()).notObject;

function computeFlagSets(): { open: ts.TypeFlags; notObject: ts.TypeFlags } {
  return {
    open: ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Instantiable,
    notObject:
      ts.TypeFlags.Null |
      ts.TypeFlags.Undefined |
      ts.TypeFlags.Void |
      ts.TypeFlags.Never |
      ts.TypeFlags.StringLike |
      ts.TypeFlags.NumberLike |
      ts.TypeFlags.BigIntLike |
      ts.TypeFlags.BooleanLike |
      ts.TypeFlags.ESSymbolLike |
      ts.TypeFlags.EnumLike,
  };
}

/** How a property is named in a message: `#secret`, `[Symbol.iterator]`, `config`. */
function displayName(checker: ts.TypeChecker, symbol: ts.Symbol): string {
  return askChecker(() => checker.symbolToString(symbol)) ?? symbol.name;
}

function isOptional(symbol: ts.Symbol): boolean {
  return (symbol.flags & ts.SymbolFlags.Optional) !== 0;
}

/**
 * The shapes of one union member, `[]` when the member is not an object an
 * object literal could be (`undefined`, `string`), `undefined` when it cannot
 * be judged (type parameters, `any`, arrays, callables, huge types).
 */
function shapeOfMember(checker: ts.TypeChecker, type: ts.Type, isUnion: boolean): TargetShape | null | undefined {
  if (isTypeFlagSet(type, openFlags())) return undefined;
  if (isTypeFlagSet(type, notObjectFlags())) return null;
  if (isTypeFlagSet(type, ts.TypeFlags.NonPrimitive)) return { required: new Map(), discriminants: new Map() };
  if (type.isIntersection()) {
    const parts = intersectionConstituents(type);
    if (parts.some((part) => isTypeFlagSet(part, openFlags()))) return undefined;
    // A branded primitive (`string & { __brand: 'Id' }`) is no object literal's type.
    if (parts.some((part) => isTypeFlagSet(part, notObjectFlags()))) return null;
  } else if (!isTypeFlagSet(type, ts.TypeFlags.Object)) {
    return undefined;
  }
  if (checker.isArrayType(type) || checker.isTupleType(type)) return undefined;
  // A literal cannot supply call or construct signatures; that is another problem than missing keys.
  if (type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0) {
    return undefined;
  }
  const properties = checker.getPropertiesOfType(type);
  if (properties.length > MAX_PROPERTIES) return undefined;

  const required = new Map<string, string>();
  const discriminants = new Map<string, ts.Type>();
  for (const property of properties) {
    if (isOptional(property)) continue;
    const propertyType = checker.getTypeOfSymbol(property);
    // `chain: Chain | undefined` left out reads as `undefined`, which the type already makes every reader handle.
    if (admitsUndefined(propertyType)) continue;
    required.set(property.escapedName as string, displayName(checker, property));
    if (isUnion && discriminants.size < MAX_DISCRIMINANTS) {
      if (isTypeFlagSet(propertyType, ts.TypeFlags.Unit)) {
        discriminants.set(property.escapedName as string, propertyType);
      }
    }
  }
  return { required, discriminants };
}

function computeShapes(checker: ts.TypeChecker, type: ts.Type): readonly TargetShape[] | undefined {
  const members = type.isUnion() ? unionConstituents(type) : [type];
  if (members.length > MAX_UNION_MEMBERS) return undefined;
  const shapes: TargetShape[] = [];
  for (const member of members) {
    const shape = shapeOfMember(checker, member, members.length > 1);
    if (shape === undefined) return undefined;
    if (shape !== null) shapes.push(shape);
  }
  return shapes.length > 0 ? shapes : undefined;
}

/**
 * The object shapes a literal asserted to `type` would have to match (one per
 * union member), or `undefined` when the type cannot be judged. Cached per type.
 */
export function getTargetShapes(checker: ts.TypeChecker, type: ts.Type): readonly TargetShape[] | undefined {
  const cached = shapeCache.get(type);
  if (cached !== undefined) return cached ?? undefined;
  const shapes = askChecker(() => computeShapes(checker, type));
  shapeCache.set(type, shapes ?? null);
  return shapes;
}

/** What an object-ish type supplies for sure: its non-optional properties, name → type. */
export type ProvidedProperties = ReadonlyMap<string, ts.Symbol>;

function providedByMember(checker: ts.TypeChecker, type: ts.Type): Map<string, ts.Symbol> | undefined {
  if (isTypeFlagSet(type, openFlags())) return undefined;
  if (type.isIntersection() && intersectionConstituents(type).some((part) => isTypeFlagSet(part, openFlags()))) {
    return undefined;
  }
  // A spread of a dictionary may supply any key.
  if (checker.getIndexInfosOfType(type).length > 0) return undefined;
  const properties = checker.getPropertiesOfType(type);
  if (properties.length > MAX_PROPERTIES) return undefined;
  const provided = new Map<string, ts.Symbol>();
  for (const property of properties) {
    if (!isOptional(property)) provided.set(property.escapedName as string, property);
  }
  return provided;
}

function computeProvided(checker: ts.TypeChecker, type: ts.Type): ProvidedProperties | undefined {
  if (!type.isUnion()) return providedByMember(checker, type);
  const members = unionConstituents(type);
  if (members.length > MAX_UNION_MEMBERS) return undefined;
  // A union source (`{ ...(ok ? a : b) }`) supplies only what every member supplies.
  let common: Map<string, ts.Symbol> | undefined;
  for (const member of members) {
    if (isTypeFlagSet(member, ts.TypeFlags.Null | ts.TypeFlags.Undefined)) continue;
    const provided = providedByMember(checker, member);
    if (provided === undefined) return undefined;
    if (common === undefined) {
      common = provided;
    } else {
      for (const name of common.keys()) if (!provided.has(name)) common.delete(name);
    }
  }
  return common;
}

/**
 * The properties a value of `type` (an object literal's type, spreads
 * included) supplies for sure, or `undefined` when it may supply anything.
 */
export function getProvidedProperties(checker: ts.TypeChecker, type: ts.Type): ProvidedProperties | undefined {
  return askChecker(() => computeProvided(checker, type));
}

function declaredByMember(checker: ts.TypeChecker, type: ts.Type, names: Set<string>): boolean {
  // `object` says nothing about which keys are there.
  if (isTypeFlagSet(type, openFlags() | ts.TypeFlags.NonPrimitive)) return false;
  // `...(ok && { a })`, `...undefined`: a primitive or nullish member spreads nothing.
  if (isTypeFlagSet(type, notObjectFlags())) return true;
  if (type.isIntersection() && intersectionConstituents(type).some((part) => isTypeFlagSet(part, openFlags()))) {
    return false;
  }
  if (checker.getIndexInfosOfType(type).length > 0) return false;
  const properties = checker.getPropertiesOfType(type);
  if (properties.length > MAX_PROPERTIES) return false;
  // A value typed `{}` (or an empty interface) may carry any key; the literal `{}` carries none.
  if (properties.length === 0 && !isEmptyObjectLiteralType(type)) return false;
  for (const property of properties) names.add(property.escapedName as string);
  return true;
}

function isEmptyObjectLiteralType(type: ts.Type): boolean {
  return (
    isTypeFlagSet(type, ts.TypeFlags.Object) &&
    ((type as ts.ObjectType).objectFlags & ts.ObjectFlags.ObjectLiteral) !== 0
  );
}

function computeDeclared(checker: ts.TypeChecker, type: ts.Type): ReadonlySet<string> | undefined {
  const members = type.isUnion() ? unionConstituents(type) : [type];
  if (members.length > MAX_UNION_MEMBERS) return undefined;
  const names = new Set<string>();
  for (const member of members) if (!declaredByMember(checker, member, names)) return undefined;
  return names;
}

/**
 * The names of every property a spread of a value of `type` declares,
 * optional ones and those of any union member included, or `undefined` when
 * the spread may bring anything (`any`, type parameters, index signatures).
 * A spread is the author saying "the rest comes from here": a property its
 * type declares at all is taken as supplied, even when the type says it may
 * be absent.
 */
export function getSpreadPropertyNames(checker: ts.TypeChecker, type: ts.Type): ReadonlySet<string> | undefined {
  return askChecker(() => computeDeclared(checker, type));
}

/** Whether the literal's property types rule this union member out (`kind: 'circle'` vs `'square'`). */
function contradictsDiscriminants(checker: ts.TypeChecker, shape: TargetShape, provided: ProvidedProperties): boolean {
  for (const [name, targetType] of shape.discriminants) {
    const symbol = provided.get(name);
    if (symbol === undefined) continue;
    const assignable = askChecker(() => checker.isTypeAssignableTo(checker.getTypeOfSymbol(symbol), targetType));
    if (assignable === false) return true;
  }
  return false;
}

/**
 * The display names of the required properties of `target` that `provided`
 * (plus the names in `alsoProvided`) leaves out, or `[]` when nothing is
 * missing or the types cannot be judged. For a union, the literal is partial
 * only when no member is satisfied; the names are those of the closest member
 * among the ones its discriminants allow.
 */
export function findMissingProperties(
  checker: ts.TypeChecker,
  target: ts.Type,
  provided: ProvidedProperties,
  alsoProvided: ReadonlySet<string> = new Set(),
): readonly string[] {
  const shapes = getTargetShapes(checker, target);
  if (shapes === undefined) return [];
  const allowed =
    shapes.length > 1 ? shapes.filter((shape) => !contradictsDiscriminants(checker, shape, provided)) : shapes;
  let best: string[] | undefined;
  for (const shape of allowed.length > 0 ? allowed : shapes) {
    const missing: string[] = [];
    for (const [name, display] of shape.required) {
      if (!provided.has(name) && !alsoProvided.has(name)) missing.push(display);
    }
    if (missing.length === 0) return [];
    if (best === undefined || missing.length < best.length) best = missing;
  }
  return best ?? [];
}

/** Whether reading a property of this type may give `undefined` as far as the type says. */
function admitsUndefined(type: ts.Type): boolean {
  const members = type.isUnion() ? unionConstituents(type) : [type];
  return members.some((member) =>
    isTypeFlagSet(member, ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Undefined | ts.TypeFlags.Void),
  );
}

/** Whether `type` admits `null`, `undefined` or anything at all. */
export function admitsNullish(type: ts.Type): boolean {
  const members = type.isUnion() ? unionConstituents(type) : [type];
  return members.some((member) =>
    isTypeFlagSet(
      member,
      ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void,
    ),
  );
}
