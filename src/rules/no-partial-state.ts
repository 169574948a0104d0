import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import ts from 'typescript';

import {
  type FunctionNode,
  getEnclosingFunction,
  isWriteTarget,
  outermostWrapper,
  skipWrappers,
  staticMemberName,
} from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import {
  getPlaceholderValue,
  isObviouslyOpenEnded,
  isShapelessType,
  isTypeAssertion,
  mentionsTypeParameter,
  type TypeAssertion,
} from '../util/partial-values.js';
import { askChecker, getTypeInformation } from '../util/type-checker.js';
import {
  admitsNullish,
  findMissingProperties,
  getProvidedProperties,
  getSpreadPropertyNames,
  type ProvidedProperties,
} from '../util/types.js';

type MessageIds =
  | 'missingProperties'
  | 'incompleteBuilder'
  | 'emptyAsserted'
  | 'placeholderValue'
  | 'neverAssigned'
  | 'annotateInstead';

/** How many missing properties a message names before it only counts. */
const NAMED_PROPERTIES = 5;
/** Statements (nested ones included) the builder scan looks at before it gives up. */
const MAX_BUILDER_STATEMENTS = 200;
/** How deeply nested `if`s and blocks the builder scan follows. */
const MAX_BUILDER_DEPTH = 4;

const EMPTY: ProvidedProperties = new Map();

function describeMissing(names: readonly string[], state: string): string {
  const count = names.length;
  const shown = names.slice(0, NAMED_PROPERTIES).join(', ');
  const rest = count > NAMED_PROPERTIES ? ` and ${count - NAMED_PROPERTIES} more` : '';
  return `${count} required ${count === 1 ? 'property is' : 'properties are'} ${state}: ${shown}${rest}`;
}

/** The object literal an assertion wraps, through `as unknown as`, `satisfies` and `!`. */
function assertedObjectLiteral(node: TypeAssertion): TSESTree.ObjectExpression | undefined {
  const inner = skipWrappers(node.expression);
  return inner.type === AST_NODE_TYPES.ObjectExpression ? inner : undefined;
}

function isObjectPropertyValue(node: TSESTree.Node): node is TSESTree.Node & { parent: TSESTree.Property } {
  return (
    node.parent?.type === AST_NODE_TYPES.Property &&
    node.parent.value === node &&
    node.parent.parent.type === AST_NODE_TYPES.ObjectExpression
  );
}

/** `const x = <node>` with a plain name and no annotation: where the builder idiom and the suggestion apply. */
function unannotatedDeclarator(
  node: TSESTree.Node,
): (TSESTree.VariableDeclarator & { id: TSESTree.Identifier }) | undefined {
  const parent = node.parent;
  if (
    parent?.type === AST_NODE_TYPES.VariableDeclarator &&
    parent.init === node &&
    parent.id.type === AST_NODE_TYPES.Identifier &&
    parent.id.typeAnnotation === undefined &&
    !parent.definite
  ) {
    return parent as TSESTree.VariableDeclarator & { id: TSESTree.Identifier };
  }
  return undefined;
}

function isObjectAssignCall(node: TSESTree.Node): node is TSESTree.CallExpression {
  return (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.MemberExpression &&
    node.callee.object.type === AST_NODE_TYPES.Identifier &&
    node.callee.object.name === 'Object' &&
    staticMemberName(node.callee) === 'assign'
  );
}

/** Whether `name` is the global (`Object`, `Promise`), not a local binding of that name. */
function isGlobalName(node: TSESTree.Node, name: string, scope: Scope.Scope): boolean {
  if (node.type !== AST_NODE_TYPES.Identifier || node.name !== name) return false;
  const variable = ASTUtils.findVariable(scope, name);
  return variable === null || variable.defs.length === 0;
}

/** `!x`, `x == null`, `x === undefined`: the test of `if (…) x = {} as T`, which is `x ||= {} as T`. */
function testsAbsence(
  test: TSESTree.Expression,
  target: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  const same = (node: TSESTree.Node) => sourceCode.getText(node) === sourceCode.getText(target);
  if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!') return same(test.argument);
  if (test.type !== AST_NODE_TYPES.BinaryExpression || !['==', '===', '!=', '!=='].includes(test.operator))
    return false;
  if (test.operator.startsWith('!')) return false;
  const other = same(test.left) ? test.right : same(test.right) ? test.left : undefined;
  return (
    other !== undefined &&
    ((other.type === AST_NODE_TYPES.Literal && other.value === null && !('regex' in other)) ||
      (other.type === AST_NODE_TYPES.Identifier && other.name === 'undefined'))
  );
}

/**
 * `a || ({} as T)`, `a ?? ({} as T)`, `a ||= {} as T`, `if (!a) a = {} as T`,
 * `ok ? a : ({} as T)`: an empty fallback for data that may be absent.
 */
function isEmptyFallback(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const parent = node.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.LogicalExpression:
      return parent.right === node && (parent.operator === '||' || parent.operator === '??');
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test !== node;
    case AST_NODE_TYPES.AssignmentExpression: {
      if (parent.right !== node) return false;
      if (parent.operator === '||=' || parent.operator === '??=') return true;
      if (parent.operator !== '=' || parent.parent.type !== AST_NODE_TYPES.ExpressionStatement) return false;
      const statement = parent.parent;
      const block = statement.parent;
      const guard = block.type === AST_NODE_TYPES.BlockStatement && block.body.length === 1 ? block.parent : block;
      return (
        guard?.type === AST_NODE_TYPES.IfStatement &&
        guard.alternate === null &&
        (guard.consequent === statement || guard.consequent === block) &&
        testsAbsence(guard.test, parent.left, sourceCode)
      );
    }
    default:
      return false;
  }
}

/** The function `node` is the return value of (`return node`, `=> node`), if it is one. */
function returnedFrom(node: TSESTree.Node): FunctionNode | undefined {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.ReturnStatement) return getEnclosingFunction(parent);
  if (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === node) return parent;
  return undefined;
}

/** What the statements after `const req = {} as T` do to `req` before it is first used. */
interface BuilderScan {
  /** Properties assigned on every path before the first use. */
  readonly assigned: Set<string>;
  /** `Object.assign(req, …sources)` before the first use. */
  readonly assignSources: TSESTree.Node[];
  /** `req[key] = …` with a computed key: the object is used as a dictionary. */
  dictionaryWrites: boolean;
  /** `req = …`, or more statements than the scan follows: leave it alone. */
  giveUp: boolean;
}

type StepResult = 'continue' | 'stop' | 'exit';

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

export default createRule<[], MessageIds>({
  name: 'no-partial-state',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow object literals asserted to a type they only partly build, placeholder property values that lie to the type checker, and `x!: T` fields nothing assigns',
      recommended: 'recommended',
      usesTypeInformation: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      missingProperties:
        '`{{type}}` is asserted but {{missing}}. The assertion compiles because TypeScript only checks that the types overlap; at run time they are `undefined`, so the first use throws (TypeError: Cannot read properties of undefined) or computes with `undefined` (NaN). Supply them, or annotate instead of asserting so the compiler lists what is missing.',
      incompleteBuilder:
        '`{{type}}` is asserted on `{{name}}` and filled in afterwards, but {{missing}}. Until they are set they are `undefined`, so the first use throws (TypeError: Cannot read properties of undefined) or computes with `undefined` (NaN). Assign them on every path before `{{name}}` is used, or make them optional in the type.',
      emptyAsserted:
        '`{}` is asserted to be `{{type}}`, but it has none of its properties. The assertion compiles; at run time every property is `undefined`, so the first use throws (TypeError: Cannot read properties of undefined) or computes with `undefined` (NaN). Build the object with its properties, or annotate instead of asserting so the compiler lists what is missing.',
      placeholderValue:
        '`{{property}}` is set to `{{value}}`, a placeholder that tells the type checker a value is there: at run time it is {{runtime}}, and the first use throws (TypeError: Cannot read properties of {{error}}). Supply the real value, or make `{{property}}` optional in the type and check it before use.',
      neverAssigned:
        '`{{name}}` is declared with a definite-assignment assertion (`!`), but nothing in the class assigns it: it stays `undefined`, and the first use throws (TypeError: Cannot read properties of undefined). Assign it in the constructor or an initializer, or declare it optional (`{{name}}?:`) and check it before use.',
      annotateInstead:
        'Annotate the variable as `{{type}}` instead of asserting, so the compiler lists the missing properties.',
    },
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    // Any parser works; the TypeScript parser with a program adds the type-aware checks.
    const types = getTypeInformation(sourceCode);
    const checker = types?.checker;

    function typeOfTypeNode(node: TSESTree.TypeNode): ts.Type | undefined {
      const typeNode = types?.tsNodeOf(node);
      return typeNode && askChecker(() => types?.checker.getTypeFromTypeNode(typeNode as ts.TypeNode));
    }

    function typeOf(node: TSESTree.Node): ts.Type | undefined {
      return types?.typeAt(node);
    }

    function annotateSuggestion(
      assertion: TypeAssertion,
      literal: TSESTree.ObjectExpression,
      declarator: TSESTree.VariableDeclarator & { id: TSESTree.Identifier },
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

    /** Follows `name` through the statements after its declaration until its first use. */
    function scanBuilder(
      declarator: TSESTree.VariableDeclarator & { id: TSESTree.Identifier },
      literal: TSESTree.ObjectExpression,
    ): BuilderScan {
      const scan: BuilderScan = { assigned: new Set(), assignSources: [], dictionaryWrites: false, giveUp: false };
      // What the literal itself holds may be read while the rest is filled in.
      const readable = new Set<string>();
      for (const property of literal.properties) {
        if (property.type === AST_NODE_TYPES.Property && !property.computed) {
          const name = ASTUtils.getPropertyName(property);
          if (name !== null) readable.add(name);
        }
      }
      const declaration = declarator.parent as TSESTree.VariableDeclaration;
      // `export const x = …`: importers see `x` only once the module has run.
      const statement =
        declaration.parent.type === AST_NODE_TYPES.ExportNamedDeclaration ? declaration.parent : declaration;
      const container = statement.parent;
      let statements: readonly TSESTree.Node[];
      switch (container.type) {
        case AST_NODE_TYPES.Program:
        case AST_NODE_TYPES.BlockStatement:
        case AST_NODE_TYPES.StaticBlock:
        case AST_NODE_TYPES.TSModuleBlock:
          statements = container.body;
          break;
        case AST_NODE_TYPES.SwitchCase:
          statements = container.consequent;
          break;
        default:
          // `for (const …)`, `export default`: used at once.
          return scan;
      }
      const variable = sourceCode
        .getDeclaredVariables(declarator)
        .find((candidate) => candidate.name === declarator.id.name);
      if (!variable) return scan;
      const references = variable.references.filter((reference) => reference.identifier !== declarator.id);
      const referencesIn = (node: TSESTree.Node): Scope.Reference[] =>
        references.filter(
          (reference) =>
            reference.identifier.range[0] >= node.range[0] && reference.identifier.range[1] <= node.range[1],
        );
      // A later declarator of the same declaration (`const a = {} as T, b = a`) is a use.
      const declarators: readonly TSESTree.VariableDeclarator[] = declaration.declarations;
      const laterDeclarators = declarators.slice(declarators.indexOf(declarator) + 1);
      if (laterDeclarators.some((later) => referencesIn(later).length > 0)) return scan;

      let budget = MAX_BUILDER_STATEMENTS;

      /**
       * Whether every reference in `value` reads a property already there. A
       * function stored on the object itself (`api.get = () => api.cache`)
       * runs later, so its references are no use yet.
       */
      const readsOnlyAssigned = (value: TSESTree.Node, assigned: ReadonlySet<string>, stored: boolean): boolean => {
        if (
          stored &&
          (value.type === AST_NODE_TYPES.ArrowFunctionExpression || value.type === AST_NODE_TYPES.FunctionExpression)
        ) {
          return true;
        }
        return referencesIn(value).every((reference) => {
          const parent = reference.identifier.parent;
          if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== reference.identifier) return false;
          // `req.method()` hands `req` to the method as `this`.
          if (parent.parent.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent) return false;
          const name = staticMemberName(parent);
          return name !== undefined && (assigned.has(name) || readable.has(name)) && !isWriteTarget(parent);
        });
      };

      const stepExpression = (expression: TSESTree.Expression, assigned: Set<string>): StepResult => {
        if (expression.type === AST_NODE_TYPES.SequenceExpression) {
          for (const item of expression.expressions) if (stepExpression(item, assigned) === 'stop') return 'stop';
          return 'continue';
        }
        if (referencesIn(expression).length === 0) return 'continue';
        if (
          expression.type === AST_NODE_TYPES.AssignmentExpression &&
          expression.operator === '=' &&
          expression.left.type === AST_NODE_TYPES.MemberExpression &&
          expression.left.object.type === AST_NODE_TYPES.Identifier &&
          expression.left.object.name === declarator.id.name &&
          referencesIn(expression.left.object).length === 1
        ) {
          if (!readsOnlyAssigned(expression.right, assigned, true)) return 'stop';
          if (expression.left.computed && expression.left.property.type !== AST_NODE_TYPES.Literal) {
            if (referencesIn(expression.left.property).length > 0) return 'stop';
            scan.dictionaryWrites = true;
          }
          const name = staticMemberName(expression.left);
          if (name !== undefined) assigned.add(name);
          return 'continue';
        }
        if (isObjectAssignCall(expression)) {
          const [first, ...sources] = expression.arguments;
          if (
            first?.type === AST_NODE_TYPES.Identifier &&
            referencesIn(first).length === 1 &&
            sources.every(
              (source) => source.type !== AST_NODE_TYPES.SpreadElement && readsOnlyAssigned(source, assigned, false),
            )
          ) {
            scan.assignSources.push(...sources);
            return 'continue';
          }
        }
        // `req.items.push(…)`, `req.meta.id = …`, `log(req.id)`: reads of what is there, `req` itself stays put.
        if (readsOnlyAssigned(expression, assigned, false)) return 'continue';
        if (referencesIn(expression).some((reference) => reference.isWrite())) scan.giveUp = true;
        return 'stop';
      };

      /**
       * `new Promise((resolve) => { req.resolve = resolve; })`: the executor
       * runs at once, so its top-level assignments are made by the end of the
       * statement. True when every reference in `statement` is one of them.
       */
      const assignsInPromiseExecutors = (statement: TSESTree.Node, assigned: Set<string>): boolean => {
        const names: string[] = [];
        // `req.done = new Promise(…)` may itself be one of the statement's assignments.
        const outer =
          statement.type === AST_NODE_TYPES.ExpressionStatement &&
          statement.expression.type === AST_NODE_TYPES.AssignmentExpression &&
          statement.expression.operator === '=' &&
          statement.expression.left.type === AST_NODE_TYPES.MemberExpression
            ? statement.expression.left
            : undefined;
        for (const reference of referencesIn(statement)) {
          const member = reference.identifier.parent;
          if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) return false;
          if (member === outer) {
            const name = staticMemberName(member);
            if (name === undefined) return false;
            names.push(name);
            continue;
          }
          const assignment = member.parent;
          if (
            assignment.type !== AST_NODE_TYPES.AssignmentExpression ||
            assignment.left !== member ||
            assignment.operator !== '='
          ) {
            return false;
          }
          const holder =
            assignment.parent.type === AST_NODE_TYPES.ExpressionStatement ? assignment.parent.parent : assignment;
          const executor = holder?.type === AST_NODE_TYPES.BlockStatement ? holder.parent : assignment.parent;
          const construct = executor?.parent;
          const name = staticMemberName(member);
          if (
            (executor?.type !== AST_NODE_TYPES.ArrowFunctionExpression &&
              executor?.type !== AST_NODE_TYPES.FunctionExpression) ||
            construct?.type !== AST_NODE_TYPES.NewExpression ||
            construct.arguments[0] !== executor ||
            // `new (Promise as PromiseConstructorWithKnownReason)<T, E>(…)` is still the global `Promise`.
            !isGlobalName(skipWrappers(construct.callee), 'Promise', sourceCode.getScope(construct)) ||
            referencesIn(assignment.right).length > 0 ||
            name === undefined
          ) {
            return false;
          }
          names.push(name);
        }
        for (const name of names) assigned.add(name);
        return names.length > 0;
      };

      /** Runs a branch on a copy of `assigned`; `exits` when the branch always leaves the block. */
      const stepBranch = (
        statement: TSESTree.Statement,
        assigned: ReadonlySet<string>,
        depth: number,
      ): { assigned: Set<string>; exits: boolean } | 'stop' => {
        const branchAssigned = new Set(assigned);
        const result = step(statement, branchAssigned, depth);
        if (result === 'stop') return 'stop';
        return { assigned: branchAssigned, exits: result === 'exit' };
      };

      const stepAll = (body: readonly TSESTree.Node[], assigned: Set<string>, depth: number): StepResult => {
        for (const statement of body) {
          const result = step(statement, assigned, depth);
          if (result !== 'continue') return result;
        }
        return 'continue';
      };

      function step(statement: TSESTree.Node, assigned: Set<string>, depth: number): StepResult {
        if (--budget < 0) {
          scan.giveUp = true;
          return 'stop';
        }
        const used = referencesIn(statement).length > 0;
        if (used && assignsInPromiseExecutors(statement, assigned)) return 'continue';
        switch (statement.type) {
          case AST_NODE_TYPES.ExpressionStatement:
            return used ? stepExpression(statement.expression, assigned) : 'continue';
          case AST_NODE_TYPES.ReturnStatement:
          case AST_NODE_TYPES.ThrowStatement:
          case AST_NODE_TYPES.BreakStatement:
          case AST_NODE_TYPES.ContinueStatement:
            return used ? 'stop' : 'exit';
          case AST_NODE_TYPES.BlockStatement:
            // Followed even when it does not use the variable: it may end the path (`{ throw … }`).
            if (depth < MAX_BUILDER_DEPTH) return stepAll(statement.body, assigned, depth + 1);
            return used ? 'stop' : 'continue';
          case AST_NODE_TYPES.IfStatement: {
            if (!used) return 'continue';
            if (depth >= MAX_BUILDER_DEPTH || !readsOnlyAssigned(statement.test, assigned, false)) return 'stop';
            const consequent = stepBranch(statement.consequent, assigned, depth + 1);
            if (consequent === 'stop') return 'stop';
            const alternate = statement.alternate
              ? stepBranch(statement.alternate, assigned, depth + 1)
              : { assigned: new Set(assigned), exits: false };
            if (alternate === 'stop') return 'stop';
            const continuing = [consequent, alternate].filter((branch) => !branch.exits);
            if (continuing.length === 0) return 'exit';
            // Only what every branch that goes on assigns counts.
            for (const name of [...assigned, ...consequent.assigned, ...alternate.assigned]) {
              if (continuing.every((branch) => branch.assigned.has(name))) assigned.add(name);
            }
            return 'continue';
          }
          case AST_NODE_TYPES.VariableDeclaration:
            return !used || readsOnlyAssigned(statement, assigned, false) ? 'continue' : 'stop';
          default:
            return used ? 'stop' : 'continue';
        }
      }

      stepAll(statements.slice(statements.indexOf(statement) + 1), scan.assigned, 0);
      return scan;
    }

    /** Adds what spreading `source` supplies to `names`; false when it may supply anything. */
    function addSpreadNames(source: TSESTree.Node, names: Set<string>): boolean {
      const sourceType = typeOf(source);
      const declared = checker && sourceType && getSpreadPropertyNames(checker, sourceType);
      if (!declared) return false;
      for (const name of declared) names.add(name);
      return true;
    }

    /**
     * Whether the asserted object is what a callback returns (directly, or as
     * the builder variable it returns) to a function that is generic in that
     * result: `defineFormatter(({ format: (args) => R }) => …)` infers `R` from
     * this very object and holds no expectation about it, so what it does with
     * it (viem merges it over the base formatter's output) is out of sight.
     * The standard library's callbacks (`map`, `then`) are not excused: they
     * hand the object back unchanged.
     */
    function isGenericCallbackResult(
      node: TypeAssertion,
      declarator: (TSESTree.VariableDeclarator & { id: TSESTree.Identifier }) | undefined,
    ): boolean {
      let callback = returnedFrom(outermostWrapper(node));
      if (!callback && declarator) {
        const owner = getEnclosingFunction(declarator);
        const variable = sourceCode
          .getDeclaredVariables(declarator)
          .find((candidate) => candidate.name === declarator.id.name);
        // `return block`, `return { ...block, extra } as T`: the builder is (part of) what the callback returns.
        const returned = variable?.references.some((reference) => {
          let current: TSESTree.Node = outermostWrapper(reference.identifier);
          while (
            current.parent?.type === AST_NODE_TYPES.SpreadElement ||
            (current.parent?.type === AST_NODE_TYPES.ObjectExpression && current.type === AST_NODE_TYPES.SpreadElement)
          ) {
            current =
              current.parent.type === AST_NODE_TYPES.ObjectExpression
                ? outermostWrapper(current.parent)
                : current.parent;
          }
          return owner !== undefined && returnedFrom(current) === owner;
        });
        if (returned) callback = owner;
      }
      if (!callback || !types) return false;
      const { checker, program } = types;

      // The callback is an argument, or a property of an object literal that is one (`{ format() {…} }`).
      let argument: TSESTree.Node = callback;
      let propertyName: string | undefined;
      if (callback.parent.type === AST_NODE_TYPES.Property && callback.parent.value === callback) {
        const name = ASTUtils.getPropertyName(callback.parent, sourceCode.getScope(callback.parent));
        if (name === null || callback.parent.parent.type !== AST_NODE_TYPES.ObjectExpression) return false;
        propertyName = name;
        argument = callback.parent.parent;
      }
      const call = argument.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression && call?.type !== AST_NODE_TYPES.NewExpression) return false;
      const index = call.arguments.indexOf(argument as TSESTree.CallExpressionArgument);
      if (index === -1) return false;

      return (
        askChecker(() => {
          const resolved = checker.getResolvedSignature(types.tsNodeOf(call) as ts.CallExpression | ts.NewExpression);
          const declaration = resolved?.declaration;
          if (!declaration || ts.isJSDocSignature(declaration)) return false;
          if (program.isSourceFileDefaultLibrary(declaration.getSourceFile())) return false;
          const generic = checker.getSignatureFromDeclaration(declaration);
          const typeParameters: readonly ts.Type[] = generic?.typeParameters ?? [];
          const parameter = generic?.parameters[index];
          if (typeParameters.length === 0 || !parameter) return false;
          let expected = checker.getNonNullableType(checker.getTypeOfSymbol(parameter));
          if (propertyName !== undefined) {
            const property = checker.getPropertyOfType(expected, propertyName);
            if (!property) return false;
            expected = checker.getNonNullableType(checker.getTypeOfSymbol(property));
          }
          const signatures = expected.getCallSignatures();
          return (
            signatures.length > 0 &&
            signatures.every((signature) => typeParameters.includes(checker.getReturnTypeOfSignature(signature)))
          );
        }) ?? false
      );
    }

    function checkTypedAssertion(
      node: TypeAssertion,
      literal: TSESTree.ObjectExpression,
      declarator: (TSESTree.VariableDeclarator & { id: TSESTree.Identifier }) | undefined,
    ): void {
      if (!checker) return;
      const target = typeOfTypeNode(node.typeAnnotation);
      const literalType = typeOf(literal);
      if (!target || !literalType) return;
      const provided = getProvidedProperties(checker, literalType);
      if (!provided) return;
      // A spread supplies every property its type declares, optional ones included.
      const spread = new Set<string>();
      for (const property of literal.properties) {
        if (property.type !== AST_NODE_TYPES.SpreadElement) continue;
        if (!addSpreadNames(property.argument, spread)) return;
      }
      const missing = findMissingProperties(checker, target, provided, spread);
      if (missing.length === 0) return;
      if (isGenericCallbackResult(node, declarator)) return;
      const type = sourceCode.getText(node.typeAnnotation);

      if (declarator) {
        const scan = scanBuilder(declarator, literal);
        if (scan.giveUp) return;
        if (scan.assigned.size > 0 || scan.assignSources.length > 0) {
          const alsoProvided = new Set([
            ...spread,
            ...[...scan.assigned].map((name) => ts.escapeLeadingUnderscores(name) as string),
          ]);
          for (const source of scan.assignSources) {
            if (!addSpreadNames(source, alsoProvided)) return;
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
        suggest: declarator ? annotateSuggestion(node, literal, declarator) : null,
      });
    }

    /** `arr.reduce((acc, x) => { acc[x.key] = …; return acc; }, {} as Totals)`: a dictionary seed. */
    function isDictionaryReduceSeed(node: TypeAssertion): boolean {
      const call = node.parent;
      if (
        call.type !== AST_NODE_TYPES.CallExpression ||
        call.arguments[1] !== node ||
        call.callee.type !== AST_NODE_TYPES.MemberExpression ||
        !['reduce', 'reduceRight'].includes(staticMemberName(call.callee) ?? '')
      ) {
        return false;
      }
      const callback = call.arguments[0];
      if (
        callback?.type !== AST_NODE_TYPES.ArrowFunctionExpression &&
        callback?.type !== AST_NODE_TYPES.FunctionExpression
      ) {
        return false;
      }
      const accumulator = callback.params[0];
      if (accumulator?.type !== AST_NODE_TYPES.Identifier) return false;
      return isUsedAsDictionary(callback, accumulator.name);
    }

    /** Whether the variable `name` declared by `declaration` is indexed with computed keys (`acc[row.key]`). */
    function isUsedAsDictionary(declaration: TSESTree.Node, name: string): boolean {
      const variable = sourceCode.getDeclaredVariables(declaration).find((candidate) => candidate.name === name);
      return (
        variable?.references.some((reference) => {
          const parent = reference.identifier.parent;
          return (
            parent?.type === AST_NODE_TYPES.MemberExpression &&
            parent.object === reference.identifier &&
            staticMemberName(parent) === undefined
          );
        }) ?? false
      );
    }

    function checkUntypedAssertion(
      node: TypeAssertion,
      literal: TSESTree.ObjectExpression,
      declarator: (TSESTree.VariableDeclarator & { id: TSESTree.Identifier }) | undefined,
    ): void {
      if (isObviouslyOpenEnded(node.typeAnnotation, sourceCode.getScope(node))) return;
      if (declarator) {
        const scan = scanBuilder(declarator, literal);
        // Without types the required properties are unknown: any filling-in is given the benefit of the doubt.
        if (scan.giveUp || scan.dictionaryWrites || scan.assigned.size > 0 || scan.assignSources.length > 0) return;
      }
      context.report({
        node,
        messageId: 'emptyAsserted',
        data: { type: sourceCode.getText(node.typeAnnotation) },
        suggest: declarator ? annotateSuggestion(node, literal, declarator) : null,
      });
    }

    function checkAssertion(node: TypeAssertion): void {
      // The outermost assertion of `{} as unknown as T` judges; so does a placeholder check for a property value.
      if (isTypeAssertion(node.parent) || isShapelessType(node.typeAnnotation)) return;
      const literal = assertedObjectLiteral(node);
      if (!literal) return;
      if (
        literal.properties.length === 0 &&
        (isObjectPropertyValue(node) || isEmptyFallback(outermostWrapper(node), sourceCode))
      ) {
        return;
      }
      // `Object.assign(socket, { … } as Socket)`: merged over the target, which supplies the rest.
      const operand = outermostWrapper(node);
      const call = operand.parent;
      if (
        call !== undefined &&
        isObjectAssignCall(call) &&
        call.arguments.indexOf(operand as TSESTree.CallExpressionArgument) > 0 &&
        call.callee.type === AST_NODE_TYPES.MemberExpression &&
        isGlobalName(call.callee.object, 'Object', sourceCode.getScope(call))
      ) {
        return;
      }
      // What `Box<T>` requires depends on how the function is called.
      if (mentionsTypeParameter(node.typeAnnotation, sourceCode.getScope(node), sourceCode.visitorKeys)) return;
      const declarator = unannotatedDeclarator(node);
      // Filled in with computed keys (`out[key] = …`): which properties it gets is not knowable here.
      if (declarator ? isUsedAsDictionary(declarator, declarator.id.name) : isDictionaryReduceSeed(node)) return;
      if (checker) {
        checkTypedAssertion(node, literal, declarator);
      } else if (literal.properties.length === 0) {
        checkUntypedAssertion(node, literal, declarator);
      }
    }

    /**
     * `const entry = { finalizer: undefined as any, … }` followed by
     * `(entry as any).finalizer = release(entry)`: the placeholder only breaks
     * a cycle, and the real value is written once the object exists.
     */
    function isAssignedLater(property: TSESTree.Property): boolean {
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

    function checkPropertyValue(property: TSESTree.Property): void {
      if (property.parent.type !== AST_NODE_TYPES.ObjectExpression) return;
      const value = property.value;
      const placeholder = getPlaceholderValue(value);
      if (!placeholder) return;
      let runtime: string;
      let error: string;
      if (isAssignedLater(property)) return;
      if (placeholder.kind === 'empty-object') {
        const typeNode = placeholder.assertion.typeAnnotation;
        if (mentionsTypeParameter(typeNode, sourceCode.getScope(value), sourceCode.visitorKeys)) return;
        if (checker) {
          const target = typeOfTypeNode(typeNode);
          if (!target || findMissingProperties(checker, target, EMPTY).length === 0) return;
        } else if (isObviouslyOpenEnded(typeNode, sourceCode.getScope(value))) {
          return;
        }
        runtime = 'an empty object, so each of its properties is `undefined`';
        error = 'undefined';
      } else {
        if (placeholder.kind === 'double') {
          const target = typeOfTypeNode(placeholder.assertion.typeAnnotation);
          if (target && admitsNullish(target)) return;
        }
        runtime = `\`${placeholder.runtime}\``;
        error = placeholder.runtime;
      }
      context.report({
        node: value,
        messageId: 'placeholderValue',
        data: {
          property:
            ASTUtils.getPropertyName(property, sourceCode.getScope(property)) ?? sourceCode.getText(property.key),
          value: sourceCode.getText(value),
          runtime,
          error,
        },
      });
    }

    // Item 3: `x!: T` fields, decided once the whole file has been seen.
    const classes: ClassRecord[] = [];
    const openClasses: ClassRecord[] = [];
    /** Every statically named member written anywhere in the file (`a.x = …`, `this.x = …`). */
    const fileWrites = new Set<string>();
    /** `Object.assign(target, …)` on something other than a literal: public fields may be set from outside. */
    let fileAssignsObjects = false;

    function enterClass(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression): void {
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
      classes.push(record);
      openClasses.push(record);
    }

    function recordMemberAccess(node: TSESTree.MemberExpression): void {
      if (!isWriteTarget(node)) {
        const name = staticMemberName(node);
        if (name !== undefined) for (const record of openClasses) record.reads.add(name);
        return;
      }
      const name = staticMemberName(node);
      if (name === undefined) {
        if (node.object.type === AST_NODE_TYPES.ThisExpression) for (const record of openClasses) record.dynamic = true;
        return;
      }
      fileWrites.add(name);
      for (const record of openClasses) record.writes.add(name);
    }

    function recordCall(node: TSESTree.CallExpression): void {
      const target = node.arguments[0];
      // Helpers that fill an object take it first: `Object.assign(this, …)`, `defineProperties(this, …)`, `init(this)`.
      if (target?.type === AST_NODE_TYPES.ThisExpression) {
        for (const record of openClasses) record.dynamic = true;
      } else if (isObjectAssignCall(node) && target && target.type !== AST_NODE_TYPES.ObjectExpression) {
        fileAssignsObjects = true;
      }
    }

    /** Whether something may assign the field, or nothing depends on it at run time. */
    function mayBeAssigned(record: ClassRecord, field: ClassRecord['fields'][number]): boolean {
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
        fileWrites.has(field.name) ||
        fileAssignsObjects
      );
    }

    function checkDefiniteFields(): void {
      for (const record of classes) {
        for (const field of record.fields) {
          if (mayBeAssigned(record, field)) continue;
          context.report({ node: field.definition.key, messageId: 'neverAssigned', data: { name: field.name } });
        }
      }
    }

    return {
      'TSAsExpression, TSTypeAssertion': checkAssertion,
      Property: checkPropertyValue,
      'ClassDeclaration, ClassExpression': enterClass,
      'ClassDeclaration, ClassExpression:exit': () => {
        openClasses.pop();
      },
      MemberExpression: recordMemberAccess,
      CallExpression: recordCall,
      'Program:exit': checkDefiniteFields,
    };
  },
});
