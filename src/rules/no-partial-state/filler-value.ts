import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { isWriteTarget, outermostWrapper, staticMemberName } from '../../util/ast.js';
import { quote } from '../../util/text.js';
import { MAX_NAME_LENGTH, MAX_VALUE_LENGTH, type PartialStateFile, typeOfTypeNode } from './context.js';
import { getFillerValue } from './fillers.js';
import { isPiniaStateValue } from './idioms.js';
import { findPartialEvidence } from './partial-evidence.js';
import { admitsNullish, findMissingProperties, type ProvidedProperties } from './required-properties.js';
import { type Declarator, isObjectAssignCall } from './syntax.js';
import { isObviouslyOpenEnded, mentionsTypeParameter } from './written-types.js';

/** What an empty object supplies: nothing. */
const EMPTY: ProvidedProperties = new Map();

/**
 * `const entry = { finalizer: undefined as any, … }` followed by
 * `(entry as any).finalizer = release(entry)`: the filler only breaks
 * a cycle, and the real value is written once the object exists.
 */
function isAssignedLater(sourceCode: Readonly<TSESLint.SourceCode>, property: TSESTree.Property): boolean {
  const name = ASTUtils.getPropertyName(property, sourceCode.getScope(property));
  const holder = outermostWrapper(property.parent);
  const declarator = holder.parent;
  if (
    name === null ||
    declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
    declarator.init !== holder ||
    declarator.id.type !== AST_NODE_TYPES.Identifier
  ) {
    return false;
  }
  const id = declarator.id;
  const variable = sourceCode.getDeclaredVariables(declarator).find((candidate) => candidate.name === id.name);
  return (
    variable?.references.some((reference) => {
      if (reference.identifier === id || reference.identifier.range[0] < holder.range[1]) return false;
      const object = outermostWrapper(reference.identifier);
      const parent = object.parent;
      if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === object) {
        return staticMemberName(parent) === name && isWriteTarget(parent);
      }
      // `Object.assign(entry, { finalizer })`
      return (
        parent !== undefined &&
        isObjectAssignCall(parent) &&
        parent.arguments[0] === object &&
        parent.arguments.some(
          (source) =>
            source.type === AST_NODE_TYPES.ObjectExpression &&
            source.properties.some(
              (candidate) =>
                candidate.type === AST_NODE_TYPES.Property &&
                ASTUtils.getPropertyName(candidate, sourceCode.getScope(candidate)) === name,
            ),
        )
      );
    }) ?? false
  );
}

/** The filler's property is read, called or updated before anything sets it, where the object goes (see partial-evidence.ts). */
function isReadAsFilled(file: PartialStateFile, property: TSESTree.Property): boolean {
  const name = ASTUtils.getPropertyName(property, file.sourceCode.getScope(property));
  if (name === null) return false;
  const operand = outermostWrapper(property.parent);
  const holder = operand.parent;
  const declarator =
    holder?.type === AST_NODE_TYPES.VariableDeclarator &&
    holder.init === operand &&
    holder.id.type === AST_NODE_TYPES.Identifier
      ? (holder as Declarator)
      : undefined;
  return findPartialEvidence(file, operand, declarator, [name]) !== undefined;
}

/** `{ db: undefined as any }`, `{ config: {} as Config }`: reports a filler value that the type checker takes for the real thing. */
export function checkPropertyValue(file: PartialStateFile, property: TSESTree.Property): void {
  const { context, sourceCode } = file;
  const checker = file.types?.checker;
  if (property.parent.type !== AST_NODE_TYPES.ObjectExpression) return;
  const value = property.value;
  const filler = getFillerValue(value);
  if (!filler) return;
  /** What the value is at run time, as the message says it. */
  let actual: string;
  if (isAssignedLater(sourceCode, property)) return;
  if (filler.kind === 'empty-object') {
    // Without evidence of a misuse an empty object is usually state filled in later (Pinia's `state: () => ({ user: {} as User })`).
    if (!file.options.reportEmptyWithoutEvidence || isPiniaStateValue(property)) return;
    const typeNode = filler.assertion.typeAnnotation;
    if (mentionsTypeParameter(typeNode, sourceCode.getScope(value), sourceCode.visitorKeys)) return;
    if (checker) {
      const target = typeOfTypeNode(file, typeNode);
      if (!target || findMissingProperties(checker, target, EMPTY).length === 0) return;
    } else if (isObviouslyOpenEnded(typeNode, sourceCode.getScope(value))) {
      return;
    }
    actual = 'an empty object';
  } else {
    if (filler.kind === 'double') {
      const target = typeOfTypeNode(file, filler.assertion.typeAnnotation);
      if (target && admitsNullish(target)) return;
    }
    actual = `\`${filler.runtime}\``;
    // Like a property left out: reported on its shape alone only when asked, else when it is seen read before set.
    if (!file.options.reportPartialWithoutEvidence && !isReadAsFilled(file, property)) return;
  }
  context.report({
    node: value,
    messageId: 'fillerValue',
    data: {
      property: quote(
        ASTUtils.getPropertyName(property, sourceCode.getScope(property)) ?? sourceCode.getText(property.key),
        MAX_NAME_LENGTH,
      ),
      value: quote(sourceCode.getText(value), MAX_VALUE_LENGTH),
      actual,
    },
  });
}
