import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { isWriteTarget, staticMemberName } from '../../util/ast.js';
import { quote } from '../../util/text.js';
import { MAX_NAME_LENGTH, type PartialStateFile } from './context.js';
import { isObjectAssignCall } from './syntax.js';

/*
 * `x!: T` fields nothing assigns: decided once the whole file has been seen,
 * and only where every place that could assign the field is in this file.
 */

/** A class body being walked: its `x!: T` fields and what its code writes. */
interface ClassRecord {
  readonly node: TSESTree.ClassDeclaration | TSESTree.ClassExpression;
  readonly fields: { readonly definition: TSESTree.PropertyDefinition; readonly name: string }[];
  readonly writes: Set<string>;
  /** Member names read in the class: a field nothing reads is a type-level marker (`readonly _A!: A`). */
  readonly reads: Set<string>;
  /** `Object.assign(this, …)`, `defineProperties(this, …)`, `this[key] = …`: any field may be set. */
  dynamic: boolean;
}

function fieldName(definition: TSESTree.PropertyDefinition): string | undefined {
  if (definition.key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${definition.key.name}`;
  if (!definition.computed && definition.key.type === AST_NODE_TYPES.Identifier) return definition.key.name;
  if (definition.key.type === AST_NODE_TYPES.Literal && typeof definition.key.value === 'string')
    return definition.key.value;
  return undefined;
}

function isExported(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression): boolean {
  if (node.type === AST_NODE_TYPES.ClassExpression) return true;
  const parent = node.parent;
  return (
    parent.type === AST_NODE_TYPES.ExportNamedDeclaration || parent.type === AST_NODE_TYPES.ExportDefaultDeclaration
  );
}

/** What the file does to the `x!: T` fields of its state.classes, gathered during the traversal. */
interface DefiniteFieldsState {
  readonly classes: ClassRecord[];
  /** The state.classes whose bodies are being traversed, innermost last. */
  readonly openClasses: ClassRecord[];
  /** Every statically named member written anywhere in the file (`a.x = …`, `this.x = …`). */
  readonly fileWrites: Set<string>;
  /** `Object.assign(target, …)` on something other than a literal: public fields may be set from outside. */
  fileAssignsObjects: boolean;
}

function enterClass(state: DefiniteFieldsState, node: TSESTree.ClassDeclaration | TSESTree.ClassExpression): void {
  const record: ClassRecord = { node, fields: [], writes: new Set(), reads: new Set(), dynamic: false };
  for (const member of node.body.body) {
    if (
      member.type !== AST_NODE_TYPES.PropertyDefinition ||
      !member.definite ||
      member.static ||
      member.declare ||
      member.override ||
      member.decorators.length > 0
    ) {
      continue;
    }
    const name = fieldName(member);
    if (name !== undefined) record.fields.push({ definition: member, name });
  }
  state.classes.push(record);
  state.openClasses.push(record);
}

function recordMemberAccess(state: DefiniteFieldsState, node: TSESTree.MemberExpression): void {
  if (!isWriteTarget(node)) {
    const name = staticMemberName(node);
    if (name !== undefined) for (const record of state.openClasses) record.reads.add(name);
    return;
  }
  const name = staticMemberName(node);
  if (name === undefined) {
    if (node.object.type === AST_NODE_TYPES.ThisExpression)
      for (const record of state.openClasses) record.dynamic = true;
    return;
  }
  state.fileWrites.add(name);
  for (const record of state.openClasses) record.writes.add(name);
}

function recordCall(state: DefiniteFieldsState, node: TSESTree.CallExpression): void {
  const target = node.arguments[0];
  // Helpers that fill an object take it first: `Object.assign(this, …)`, `defineProperties(this, …)`, `init(this)`.
  if (target?.type === AST_NODE_TYPES.ThisExpression) {
    for (const record of state.openClasses) record.dynamic = true;
  } else if (isObjectAssignCall(node) && target && target.type !== AST_NODE_TYPES.ObjectExpression) {
    state.fileAssignsObjects = true;
  }
}

/** Whether something may assign the field, or nothing depends on it at run time. */
function mayBeAssigned(state: DefiniteFieldsState, record: ClassRecord, field: ClassRecord['fields'][number]): boolean {
  if (record.dynamic || record.writes.has(field.name)) return true;
  // A field the class never reads is a type-level marker (`readonly _A!: A`) or a data shape callers fill.
  if (!record.reads.has(field.name)) return true;
  if (field.name.startsWith('#') || field.definition.accessibility === 'private') return false;
  // Protected and public fields can be set by subclasses and callers: judge them only when every such place is in this file.
  const node = record.node;
  return (
    isExported(node) ||
    node.superClass !== null ||
    node.decorators.length > 0 ||
    state.fileWrites.has(field.name) ||
    state.fileAssignsObjects
  );
}

function checkDefiniteFields(file: PartialStateFile, state: DefiniteFieldsState): void {
  for (const record of state.classes) {
    for (const field of record.fields) {
      if (mayBeAssigned(state, record, field)) continue;
      const name = quote(field.name, MAX_NAME_LENGTH);
      file.context.report({ node: field.definition.key, messageId: 'neverAssigned', data: { name } });
    }
  }
}

/** One character of JavaScript's `\s`, for a character outside ASCII. */
const NON_ASCII_WHITESPACE = /^\s$/;

/** Whether the character code is one of `\s`: ASCII tab, line feed, vertical tab, form feed, return, space; the rest by name. */
function isWhitespace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return NON_ASCII_WHITESPACE.test(String.fromCharCode(code));
}

/**
 * Whether the text has what a definite field (`x!: T`, or a comment between `!` and `:`) cannot be without: a `!`,
 * any whitespace (`\s`), then `:`, `//` or `/*`. The same as testing `/!\s*(?::|\/[/*])/`, which scans a large file
 * several times slower than `indexOf` finds its `!`s.
 */
export function mayDeclareDefinite(text: string): boolean {
  for (let bang = text.indexOf('!'); bang !== -1; bang = text.indexOf('!', bang + 1)) {
    let next = bang + 1;
    while (next < text.length && isWhitespace(text.charCodeAt(next))) next++;
    const code = text.charCodeAt(next);
    if (code === 0x3a /* : */) return true;
    if (code === 0x2f /* / */) {
      const after = text.charCodeAt(next + 1);
      if (after === 0x2f || after === 0x2a /* * */) return true;
    }
  }
  return false;
}

/** The listeners that gather what the file does to its classes' fields, and report once it is all seen. */
export function definiteFieldListeners(file: PartialStateFile): TSESLint.RuleListener {
  // A file without `!` before a `:` (or before a comment) declares no `x!: T` field: nothing to gather.
  if (!mayDeclareDefinite(file.sourceCode.text)) return {};
  const state: DefiniteFieldsState = { classes: [], openClasses: [], fileWrites: new Set(), fileAssignsObjects: false };
  return {
    'ClassDeclaration, ClassExpression': (node: TSESTree.ClassDeclaration | TSESTree.ClassExpression) =>
      enterClass(state, node),
    'ClassDeclaration, ClassExpression:exit': () => {
      state.openClasses.pop();
    },
    MemberExpression: (node) => recordMemberAccess(state, node),
    CallExpression: (node) => recordCall(state, node),
    'Program:exit': () => checkDefiniteFields(file, state),
  };
}
