import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';

import { scanBuilder } from './builder-scan.js';
import { type MessageIds, type PartialStateFile, typeOfTypeNode } from './context.js';
import type { TypeAssertion } from './fillers.js';
import { isGenericCallbackResult } from './generic-callback.js';
import { findMissingProperties, getProvidedProperties, getSpreadPropertyNames } from './required-properties.js';
import type { Declarator } from './syntax.js';
import { isObviouslyOpenEnded } from './written-types.js';

/** How many missing properties a message names before it only counts. */
const NAMED_PROPERTIES = 5;
function describeMissing(names: readonly string[], state: string): string {
  const count = names.length;
  const shown = names.slice(0, NAMED_PROPERTIES).join(', ');
  const rest = count > NAMED_PROPERTIES ? ` and ${count - NAMED_PROPERTIES} more` : '';
  return `${count} required ${count === 1 ? 'property is' : 'properties are'} ${state}: ${shown}${rest}`;
}

function annotateSuggestion(
  sourceCode: Readonly<TSESLint.SourceCode>,
  assertion: TypeAssertion,
  literal: TSESTree.ObjectExpression,
  declarator: Declarator,
): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
  const type = sourceCode.getText(assertion.typeAnnotation);
  return [
    {
      messageId: 'annotateInstead',
      data: { type },
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
  const type = sourceCode.getText(node.typeAnnotation);

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
        data: {
          type,
          name: declarator.id.name,
          missing: describeMissing(
            stillMissing,
            `not assigned on every path before \`${declarator.id.name}\` is first used`,
          ),
        },
      });
      return;
    }
  }
  context.report({
    node,
    messageId: 'missingProperties',
    data: { type, missing: describeMissing(missing, 'missing') },
    suggest: declarator ? annotateSuggestion(sourceCode, node, literal, declarator) : null,
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
    data: { type: sourceCode.getText(node.typeAnnotation) },
    suggest: declarator ? annotateSuggestion(sourceCode, node, literal, declarator) : null,
  });
}
