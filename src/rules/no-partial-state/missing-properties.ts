import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { outermostWrapper } from '../../util/ast.js';
import { quote } from '../../util/text.js';
import { ts } from '../../util/typescript.js';
import { scanBuilder } from './builder-scan.js';
import {
  listProperties,
  MAX_NAME_LENGTH,
  type MessageIds,
  type PartialStateFile,
  quoteType,
  typeOfTypeNode,
} from './context.js';
import { type Evidence, findEvidence } from './evidence.js';
import type { TypeAssertion } from './fillers.js';
import { isGenericCallbackResult } from './generic-callback.js';
import { findPartialEvidence } from './partial-evidence.js';
import {
  findMissingProperties,
  getProvidedProperties,
  getSpreadPropertyNames,
  getTargetShapes,
  type TargetShape,
} from './required-properties.js';
import type { Declarator } from './syntax.js';
import { isObviouslyOpenEnded } from './written-types.js';

/**
 * The ranges of the assertion's own syntax around the literal (`as T`,
 * `satisfies T`, `<T>`, `!`), each with the whitespace that leads to it, so
 * that removing them leaves the literal with every comment, parenthesis and
 * line break the author wrote; `undefined` for a wrapper it does not know.
 */
function assertionSyntaxRanges(
  sourceCode: Readonly<TSESLint.SourceCode>,
  assertion: TypeAssertion,
  literal: TSESTree.ObjectExpression,
): [number, number][] | undefined {
  const ranges: [number, number][] = [];
  let current: TSESTree.Node = assertion;
  while (current !== literal) {
    switch (current.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression: {
        const keyword = sourceCode.getTokenBefore(current.typeAnnotation);
        const before = keyword && sourceCode.getTokenBefore(keyword, { includeComments: true });
        if (!keyword || !before) return undefined;
        ranges.push([before.range[1], current.range[1]]);
        current = current.expression;
        break;
      }
      case AST_NODE_TYPES.TSTypeAssertion: {
        const closing = sourceCode.getTokenAfter(current.typeAnnotation);
        const after = closing && sourceCode.getTokenAfter(closing, { includeComments: true });
        if (!after) return undefined;
        ranges.push([current.range[0], after.range[0]]);
        current = current.expression;
        break;
      }
      case AST_NODE_TYPES.TSNonNullExpression: {
        const bang = sourceCode.getLastToken(current);
        if (!bang) return undefined;
        ranges.push(bang.range);
        current = current.expression;
        break;
      }
      default:
        return undefined;
    }
  }
  return ranges;
}

/**
 * Whether annotating could change what the later code is typed as, beyond
 * the missing properties: a declared union type is narrowed by the
 * initializer (`const s: Shape = { kind: 'square', … }` is a square from then
 * on), which the assertion does not do.
 */
function annotationNarrows(file: PartialStateFile, assertion: TypeAssertion): boolean {
  const typeNode = assertion.typeAnnotation;
  // Narrowing away `null` or `undefined` breaks nothing: comparing with them stays allowed.
  if (typeNode.type === AST_NODE_TYPES.TSUnionType) {
    const nullish = new Set<string>([AST_NODE_TYPES.TSNullKeyword, AST_NODE_TYPES.TSUndefinedKeyword]);
    return typeNode.types.filter((member) => !nullish.has(member.type)).length > 1;
  }
  const target = typeOfTypeNode(file, typeNode);
  if (!target?.isUnion()) return false;
  const nullishFlags = ts.TypeFlags.Null | ts.TypeFlags.Undefined;
  return target.types.filter((member) => (member.flags & nullishFlags) === 0).length > 1;
}

function annotateSuggestion(
  file: PartialStateFile,
  assertion: TypeAssertion,
  literal: TSESTree.ObjectExpression,
  declarator: Declarator,
): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
  const { sourceCode } = file;
  // `declare const`: no initializer runs; a union: annotating narrows it for the code that follows.
  if (declarator.parent.declare || annotationNarrows(file, assertion)) return [];
  const ranges = assertionSyntaxRanges(sourceCode, assertion, literal);
  if (!ranges) return [];
  const type = sourceCode.getText(assertion.typeAnnotation);
  return [
    {
      messageId: 'annotateInstead',
      data: { type: quoteType(file, assertion.typeAnnotation) },
      fix: (fixer) => [
        fixer.insertTextAfter(declarator.id, `: ${type}`),
        ...ranges.map((range) => fixer.removeRange(range)),
      ],
    },
  ];
}

/** Reports what the code does to a property of an empty object before anything sets it. */
function reportEvidence(
  file: PartialStateFile,
  node: TypeAssertion,
  literal: TSESTree.ObjectExpression,
  declarator: Declarator | undefined,
  evidence: Evidence,
): void {
  file.context.report({
    node,
    messageId: evidence.kind === 'update' ? 'updatedBeforeSet' : 'usedBeforeSet',
    data: { access: quote(`${evidence.name}.${evidence.property}`, MAX_NAME_LENGTH), line: evidence.line },
    suggest: declarator ? annotateSuggestion(file, node, literal, declarator) : null,
  });
}

/** Whether a missing property of the partial literal is seen read, called or updated before it is set. */
function hasPartialEvidence(
  file: PartialStateFile,
  node: TypeAssertion,
  declarator: Declarator | undefined,
  missing: readonly string[],
): boolean {
  const isMissing = (property: string) => missing.includes(property);
  return (
    findEvidence(file.sourceCode, node, undefined, isMissing) !== undefined ||
    findPartialEvidence(file, outermostWrapper(node), declarator, missing) !== undefined
  );
}

/** Adds what spreading `source` supplies to `names`; false when it may supply anything. */
function addSpreadNames(file: PartialStateFile, source: TSESTree.Node, names: Set<string>): boolean {
  const checker = file.types?.checker;
  const sourceType = file.types?.typeAt(source);
  const declared = checker && sourceType && getSpreadPropertyNames(checker, sourceType);
  if (!declared) return false;
  for (const name of declared) names.add(name);
  return true;
}

/**
 * The names a literal's own properties give its type for sure, as the checker
 * escapes them: plain, string and number keys (`a`, `'a-b'`, `1`). Computed
 * keys and spreads are left to the checker; `__proto__` sets the prototype.
 */
function writtenKeys(literal: TSESTree.ObjectExpression): Set<string> {
  const keys = new Set<string>();
  for (const property of literal.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
    const { key } = property;
    let name: string | undefined;
    if (key.type === AST_NODE_TYPES.Identifier) name = key.name;
    else if (typeof key.value === 'string' || typeof key.value === 'number') {
      name = String(key.value);
    }
    if (name !== undefined && name !== '__proto__') keys.add(ts.escapeLeadingUnderscores(name) as string);
  }
  return keys;
}

/**
 * Whether nothing can be missing from the literal whatever its type says, so
 * that {@link findMissingProperties} would find nothing: the target cannot be
 * judged, or the literal's written keys (which its type has at least) hold
 * every required property of every shape the target may have, or of one shape
 * without discriminants (no property type can rule that one out). Answered
 * without typing the literal.
 */
function writtenKeysCoverTarget(checker: ts.TypeChecker, target: ts.Type, literal: TSESTree.ObjectExpression): boolean {
  const shapes = getTargetShapes(checker, target);
  if (shapes === undefined) return true;
  const keys = writtenKeys(literal);
  const covered = (shape: TargetShape) => [...shape.required.keys()].every((name) => keys.has(name));
  return shapes.every(covered) || shapes.some((shape) => shape.discriminants.size === 0 && covered(shape));
}

/** With types: reports the required properties the literal leaves out, unless it is filled in as a builder. */
export function checkTypedAssertion(
  file: PartialStateFile,
  node: TypeAssertion,
  literal: TSESTree.ObjectExpression,
  declarator: Declarator | undefined,
): void {
  const { context, sourceCode, types } = file;
  const checker = types?.checker;
  if (!checker) return;
  const target = typeOfTypeNode(file, node.typeAnnotation);
  if (!target) return;
  // Typing the literal can mean inferring every generic call inside it: asked only when its keys leave something out.
  if (writtenKeysCoverTarget(checker, target, literal)) return;
  const literalType = types.typeAt(literal);
  if (!literalType) return;
  const provided = getProvidedProperties(checker, literalType);
  if (!provided) return;
  // A spread supplies every property its type declares, optional ones included.
  const spread = new Set<string>();
  for (const property of literal.properties) {
    if (property.type !== AST_NODE_TYPES.SpreadElement) continue;
    if (!addSpreadNames(file, property.argument, spread)) return;
  }
  const missing = findMissingProperties(checker, target, provided, spread);
  if (missing.length === 0) return;
  if (isGenericCallbackResult(file, node, declarator)) return;
  const empty = literal.properties.length === 0;
  if (empty) {
    const evidence = findEvidence(sourceCode, node, declarator, (property) => missing.includes(property));
    if (evidence) {
      reportEvidence(file, node, literal, declarator, evidence);
      return;
    }
  }

  if (declarator) {
    const scan = scanBuilder(sourceCode, declarator, literal);
    if (scan.giveUp) return;
    if (scan.assigned.size > 0 || scan.assignSources.length > 0) {
      const alsoProvided = new Set([
        ...spread,
        ...[...scan.assigned].map((name) => ts.escapeLeadingUnderscores(name) as string),
      ]);
      for (const source of scan.assignSources) {
        if (!addSpreadNames(file, source, alsoProvided)) return;
      }
      const stillMissing = findMissingProperties(checker, target, provided, alsoProvided);
      if (stillMissing.length === 0) return;
      // Like the literal itself: reported on its shape alone only when asked, else when a property left out is read.
      const unasked = empty ? !file.options.reportEmptyWithoutEvidence : !file.options.reportPartialWithoutEvidence;
      if (unasked && !findPartialEvidence(file, outermostWrapper(node), declarator, stillMissing, scan.usedAt)) return;
      context.report({
        node: declarator,
        messageId: 'incompleteBuilder',
        data: { name: quote(declarator.id.name, MAX_NAME_LENGTH), properties: listProperties(stillMissing) },
      });
      return;
    }
  }
  // An empty object nothing is seen to misuse is usually an idiom (filled in elsewhere, read as optional).
  if (empty && !file.options.reportEmptyWithoutEvidence) return;
  // A partial one too, unless a missing property is seen read before anything sets it.
  if (!empty && !file.options.reportPartialWithoutEvidence && !hasPartialEvidence(file, node, declarator, missing))
    return;
  context.report({
    node,
    messageId: 'missingProperties',
    data: { type: quoteType(file, node.typeAnnotation), properties: listProperties(missing) },
    suggest: declarator ? annotateSuggestion(file, node, literal, declarator) : null,
  });
}

/** Without types: reports `{}` asserted to a type that has required properties, as far as the file shows. */
export function checkUntypedAssertion(
  file: PartialStateFile,
  node: TypeAssertion,
  literal: TSESTree.ObjectExpression,
  declarator: Declarator | undefined,
): void {
  const { context, sourceCode } = file;
  if (isObviouslyOpenEnded(node.typeAnnotation, sourceCode.getScope(node))) return;
  // Without types every property may be required.
  const evidence = findEvidence(sourceCode, node, declarator, () => true);
  if (evidence) {
    reportEvidence(file, node, literal, declarator, evidence);
    return;
  }
  if (!file.options.reportEmptyWithoutEvidence) return;
  if (declarator) {
    const scan = scanBuilder(sourceCode, declarator, literal);
    // Without types the required properties are unknown: any filling-in is given the benefit of the doubt.
    if (scan.giveUp || scan.dictionaryWrites || scan.assigned.size > 0 || scan.assignSources.length > 0) return;
  }
  context.report({
    node,
    messageId: 'emptyAsserted',
    data: { type: quoteType(file, node.typeAnnotation) },
    suggest: declarator ? annotateSuggestion(file, node, literal, declarator) : null,
  });
}
