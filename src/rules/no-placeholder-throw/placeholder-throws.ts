import type { TSESTree } from '@typescript-eslint/utils';

import { getEnclosingFunction } from '../../util/ast.js';
import { quote } from '../../util/text.js';
import type { PlaceholderFile } from './context.js';
import { isUnlistedValueGuard, isUnreachableByType } from './exhaustive.js';
import { isInterfaceStub } from './interface-class.js';
import { classifyThrownValue, isPlaceholderHelper, isPlaceholderHelperName } from './placeholder.js';
import { functionShapeOf, thrownValueOf, throwSiteOf } from './thrown-value.js';

/** Messages and names are quoted in reports; a long one is cut. */
export const MAX_QUOTED_LENGTH = 40;

/** A throw inside a placeholder helper's own definition is what the helper is for. */
function isInsideHelperDefinition(file: PlaceholderFile, node: TSESTree.ThrowStatement): boolean {
  const fn = getEnclosingFunction(node);
  if (!fn) return false;
  const shape = functionShapeOf(fn, file.sourceCode.getScope(fn), file.literalTypeOf);
  if (shape.name !== undefined && isPlaceholderHelperName(shape.name, file.vocabulary)) return true;
  return isPlaceholderHelper(shape, file.vocabulary);
}

/** `throw new Error('Method not implemented.')`, `throw new NotImplementedError()`: reported where they stand. */
export function checkThrow(file: PlaceholderFile, node: TSESTree.ThrowStatement): void {
  const { context, sourceCode } = file;
  const thrown = thrownValueOf(node.argument, sourceCode.getScope(node), file.literalTypeOf);
  if (!thrown) return;
  const placeholder = classifyThrownValue(thrown, file.vocabulary, () => throwSiteOf(node));
  if (!placeholder || isInsideHelperDefinition(file, node) || isInterfaceStub(file, node)) return;
  if (isUnreachableByType(file.types, node, (part) => sourceCode.getText(part))) return;
  if (!file.types && isUnlistedValueGuard(sourceCode, node)) return;
  if (placeholder.kind === 'errorClass') {
    context.report({
      node,
      messageId: 'placeholderErrorClass',
      data: { errorClass: quote(placeholder.errorClass, MAX_QUOTED_LENGTH) },
    });
  } else {
    context.report({
      node,
      messageId: 'placeholderMessage',
      data: { text: quote(placeholder.message, MAX_QUOTED_LENGTH) },
    });
  }
}
