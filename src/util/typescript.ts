import { createRequire } from 'node:module';

import type * as TypeScript from 'typescript';

/*
 * TypeScript, loaded the first time a rule asks it something. Only the
 * type-aware parts of the rules use it, and they run only on a file whose
 * parser built a TypeScript program: by then the parser has loaded the
 * compiler, so the first use costs a lookup in Node's module cache. Importing
 * the plugin, and linting JavaScript with the syntactic configs, never loads
 * it (the compiler is 9 MB of JavaScript; `typescript` is an optional peer).
 *
 * `ts` is used as `import ts from 'typescript'` was: `ts.isIdentifier(node)`,
 * `ts.TypeFlags.Any` for values, `ts.Type` for types. A value read at module
 * level would load the compiler on import; read values inside functions.
 */

type TypeScriptApi = typeof TypeScript;

let loaded: TypeScriptApi | undefined;

function load(): TypeScriptApi {
  // Resolved from here, as a static import of `typescript` would be: the copy the parser loaded.
  loaded ??= createRequire(import.meta.url)('typescript') as TypeScriptApi;
  return loaded;
}

/** The TypeScript compiler API, loaded on first use. */
export const ts: TypeScriptApi = new Proxy({} as TypeScriptApi, {
  get: (_target, key) => Reflect.get(load(), key) as unknown,
});

/**
 * The compiler's types the plugin names, under `ts.` as with a static import.
 * Types cost nothing at run time; add one here when a file needs it.
 */
// eslint-disable-next-line @typescript-eslint/no-namespace -- merges the types into the `ts` value above
export declare namespace ts {
  export type ArrowFunction = TypeScript.ArrowFunction;
  export type CallExpression = TypeScript.CallExpression;
  export type Declaration = TypeScript.Declaration;
  export type Diagnostic = TypeScript.Diagnostic;
  export type ElementAccessExpression = TypeScript.ElementAccessExpression;
  export type Expression = TypeScript.Expression;
  export type FunctionDeclaration = TypeScript.FunctionDeclaration;
  export type FunctionExpression = TypeScript.FunctionExpression;
  export type Identifier = TypeScript.Identifier;
  export type ImportClause = TypeScript.ImportClause;
  export type ImportDeclaration = TypeScript.ImportDeclaration;
  export type MethodDeclaration = TypeScript.MethodDeclaration;
  export type NewExpression = TypeScript.NewExpression;
  export type Node = TypeScript.Node;
  export type ObjectType = TypeScript.ObjectType;
  export type Program = TypeScript.Program;
  export type PropertyAccessExpression = TypeScript.PropertyAccessExpression;
  export type SourceFile = TypeScript.SourceFile;
  export type SyntaxKind = TypeScript.SyntaxKind;
  export type Statement = TypeScript.Statement;
  export type StringLiteral = TypeScript.StringLiteral;
  export type Symbol = TypeScript.Symbol;
  export type Type = TypeScript.Type;
  export type TypeChecker = TypeScript.TypeChecker;
  export type TypeFlags = TypeScript.TypeFlags;
  export type TypeNode = TypeScript.TypeNode;
}

/** Whether any of `flags` is set on `type`. */
export function isTypeFlagSet(type: TypeScript.Type, flags: TypeScript.TypeFlags): boolean {
  return (type.flags & flags) !== 0;
}

/** The members of a union type, or the type itself. */
export function unionConstituents(type: TypeScript.Type): readonly TypeScript.Type[] {
  return type.isUnion() ? type.types : [type];
}

/** The members of an intersection type, or the type itself. */
export function intersectionConstituents(type: TypeScript.Type): readonly TypeScript.Type[] {
  return type.isIntersection() ? type.types : [type];
}
