import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

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
import type { TypeAssertion } from './fillers.js';
import { isGenericCallbackResult } from './generic-callback.js';
import { findMissingProperties, getProvidedProperties, getSpreadPropertyNames } from './required-properties.js';
import type { Declarator } from './syntax.js';
import { isObviouslyOpenEnded } from './written-types.js';

function annotateSuggestion(
  file: PartialStateFile,
  assertion: TypeAssertion,
  literal: TSESTree.ObjectExpression,
  declarator: Declarator,
): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
  const { sourceCode } = file;
  const type = sourceCode.getText(assertion.typeAnnotation);
  return [
    {
      messageId: 'annotateInstead',
      data: { type: quoteType(file, assertion.typeAnnotation) },
      fix: (fixer) => [
        fixer.insertTextAfter(declarator.id, `: ${type}`),
        fixer.replaceText(assertion, sourceCode.getText(literal)),
      ],
    },
  ];
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
  const literalType = types.typeAt(literal);
  if (!target || !literalType) return;
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
      context.report({
        node: declarator,
        messageId: 'incompleteBuilder',
        data: { name: quote(declarator.id.name, MAX_NAME_LENGTH), properties: listProperties(stillMissing) },
      });
      return;
    }
  }
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
