import type { TSESTree } from '@typescript-eslint/utils';
import type TypeScript from 'typescript';

import { askChecker, type TypeInformation } from '../../util/type-checker.js';
import { ts } from '../../util/typescript.js';
import type { PartialStateFile } from './context.js';

/*
 * The same evidence as partial-evidence.ts, for a function the type checker
 * resolves in another module of the project (`createServer({ db } as
 * AppState)` with `createServer` imported): its parameter is followed through
 * the function's own body, in source order, one level deep. Declaration
 * files, libraries and the standard library are not followed.
 */

/** Nodes of the callee's body visited before giving up. */
const MAX_BODY_NODES = 2000;

type IsMissing = (property: string) => boolean;

interface Found {
  readonly property: string;
  readonly line: number;
}

/** `x` as what it is used as: the node that takes the value of `x` (through parentheses and assertions). */
function outerOf(node: TypeScript.Node): TypeScript.Node {
  let current = node;
  while (
    ts.isParenthesizedExpression(current.parent) ||
    ts.isAsExpression(current.parent) ||
    ts.isSatisfiesExpression(current.parent) ||
    ts.isTypeAssertionExpression(current.parent) ||
    ts.isNonNullExpression(current.parent)
  ) {
    current = current.parent;
  }
  return current;
}

/** `x.p.q`, `x.p()`, `for (… of x.p)`: the value of `x.p` is used as an object. */
function isUsedAsObject(node: TypeScript.Node): boolean {
  const outer = outerOf(node);
  const parent = outer.parent;
  if ((ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === outer)
    return parent.questionDotToken === undefined;
  if (ts.isCallExpression(parent) && parent.expression === outer) return parent.questionDotToken === undefined;
  return ts.isForOfStatement(parent) && parent.expression === outer;
}

/** `x.p = …` (settles it), `x.p += …` / `x.p++` (starts from `undefined`), or neither. */
function writeKind(access: TypeScript.Node): 'set' | 'update' | undefined {
  const outer = outerOf(access);
  const parent = outer.parent;
  if (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) {
    const operator = parent.operator;
    return operator === ts.SyntaxKind.PlusPlusToken || operator === ts.SyntaxKind.MinusMinusToken
      ? 'update'
      : undefined;
  }
  if (!ts.isBinaryExpression(parent) || parent.left !== outer) return undefined;
  const operator = parent.operatorToken.kind;
  if (
    operator === ts.SyntaxKind.EqualsToken ||
    operator === ts.SyntaxKind.QuestionQuestionEqualsToken ||
    operator === ts.SyntaxKind.BarBarEqualsToken ||
    operator === ts.SyntaxKind.AmpersandAmpersandEqualsToken
  )
    return 'set';
  return operator >= ts.SyntaxKind.FirstCompoundAssignment && operator <= ts.SyntaxKind.LastCompoundAssignment
    ? 'update'
    : undefined;
}

/** The uses of `symbol` in `body`, in source order, and whether each runs in the function's own run. */
function usesOf(
  types: TypeInformation,
  body: TypeScript.Node,
  symbol: TypeScript.Symbol,
): { node: TypeScript.Identifier; nested: boolean }[] | undefined {
  const uses: { node: TypeScript.Identifier; nested: boolean }[] = [];
  let budget = MAX_BODY_NODES;
  const visit = (node: TypeScript.Node, nested: boolean): boolean => {
    if ((budget -= 1) < 0) return false;
    if (ts.isIdentifier(node) && types.checker.getSymbolAtLocation(node) === symbol) uses.push({ node, nested });
    const inner = nested || ts.isFunctionLike(node);
    return ts.forEachChild(node, (child) => (visit(child, inner) ? undefined : true)) !== true;
  };
  return visit(body, false) ? uses : undefined;
}

/** `{ queue }` bound without a default from the object, and the binding's first use dereferences it. */
function bindingEvidence(
  types: TypeInformation,
  pattern: TypeScript.ObjectBindingPattern,
  body: TypeScript.Node,
  isMissing: IsMissing,
): Found | undefined {
  const sourceFile = pattern.getSourceFile();
  for (const element of pattern.elements) {
    if (element.dotDotDotToken || element.initializer) continue;
    const key = element.propertyName ?? element.name;
    const property = ts.isIdentifier(key) || ts.isStringLiteral(key) ? key.text : undefined;
    if (property === undefined || !isMissing(property)) continue;
    const line = (node: TypeScript.Node) => sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    if (!ts.isIdentifier(element.name)) return { property, line: line(element) };
    const symbol = types.checker.getSymbolAtLocation(element.name);
    const first = symbol && usesOf(types, body, symbol)?.find((use) => use.node !== element.name);
    if (first && !first.nested && isUsedAsObject(first.node)) return { property, line: line(first.node) };
  }
  return undefined;
}

/** The parameter `parameter` of a function whose body is `body`: what its uses do to the missing properties. */
function parameterEvidence(
  types: TypeInformation,
  parameter: TypeScript.ParameterDeclaration,
  body: TypeScript.Node,
  isMissing: IsMissing,
): Found | undefined {
  if (ts.isObjectBindingPattern(parameter.name)) return bindingEvidence(types, parameter.name, body, isMissing);
  if (!ts.isIdentifier(parameter.name)) return undefined;
  const symbol = types.checker.getSymbolAtLocation(parameter.name);
  const uses = symbol && usesOf(types, body, symbol);
  if (!uses) return undefined;
  const sourceFile = parameter.getSourceFile();
  const handled = new Set<string>();
  for (const { node, nested } of uses) {
    // A use in a callback runs at a time this scan cannot see.
    if (nested) return undefined;
    const outer = outerOf(node);
    const parent = outer.parent;
    if (ts.isVariableDeclaration(parent) && parent.initializer === outer && ts.isObjectBindingPattern(parent.name)) {
      const found = bindingEvidence(
        types,
        parent.name,
        body,
        (property) => isMissing(property) && !handled.has(property),
      );
      if (found) return found;
      continue;
    }
    if (!ts.isPropertyAccessExpression(parent) || parent.expression !== outer) return undefined;
    const property = parent.name.text;
    const write = writeKind(parent);
    const line = sourceFile.getLineAndCharacterOfPosition(parent.getStart()).line + 1;
    if (isMissing(property) && !handled.has(property) && (write === 'update' || (!write && isUsedAsObject(parent))))
      return { property, line };
    handled.add(property);
  }
  return undefined;
}

/** The argument at `index` of `call`, followed into the project function the checker resolves the call to. */
export function findPartialEvidenceAcrossFiles(
  file: PartialStateFile,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  index: number,
  isMissing: IsMissing,
): Found | undefined {
  const types = file.types;
  if (!types) return undefined;
  return askChecker(() => {
    const node = types.tsNodeOf(call);
    if (!node || !(ts.isCallExpression(node) || ts.isNewExpression(node))) return undefined;
    const declaration = types.checker.getResolvedSignature(node)?.declaration;
    if (!declaration || ts.isJSDocSignature(declaration) || !ts.isFunctionLike(declaration)) return undefined;
    const body = (declaration as TypeScript.FunctionLikeDeclarationBase).body;
    const source = declaration.getSourceFile();
    const { program } = types;
    if (
      !body ||
      source.isDeclarationFile ||
      program.isSourceFileDefaultLibrary(source) ||
      program.isSourceFileFromExternalLibrary(source)
    )
      return undefined;
    const parameter = declaration.parameters[index];
    if (!parameter || parameter.dotDotDotToken) return undefined;
    return parameterEvidence(types, parameter, body, isMissing);
  });
}
