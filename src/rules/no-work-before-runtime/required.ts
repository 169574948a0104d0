import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { RuntimeApi, RuntimeDefinition } from '../../runtimes/definition.js';
import { type FunctionNode, isFunctionNode, skipWrappers, staticMemberName } from '../../util/ast.js';

/*
 * Plain CommonJS has no type checker to follow a handler's call into another
 * module (`windows.createMainWindow()` of `require('./windows')`). For that one
 * case, a bounded syntactic look: the one relative file is read and parsed with
 * the parser that parsed the linted file, the called export is found among its
 * `module.exports` / `exports.x` assignments, and its body is searched for the
 * runtime's constructors (`new electron.BrowserWindow()`), as the type-aware
 * look in `remote.ts` does: only what runs unconditionally, following calls of
 * the module's own functions a few levels deep. A missing, large or unparsable
 * file, or an export it cannot see, means "cannot tell": no report.
 */

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** A call, in a handler, of a function exported by a relative `require()`d module. */
export interface RequiredCall {
  readonly call: TSESTree.CallExpression;
  /** The relative specifier (`'./windows'`) and the export called (`createMainWindow`). */
  readonly specifier: string;
  readonly member: string;
}

/** Files larger than this are not read. */
const MAX_FILE_BYTES = 512 * 1024;

/** Calls followed inside the required module (the export itself is the first level). */
const MAX_DEPTH = 3;

/** Nodes of one function body looked at, at most. */
const MAX_NODES = 5_000;

/** `require('./x')`: its relative specifier. */
function relativeRequire(node: Node | null | undefined): string | undefined {
  const value = node && skipWrappers(node);
  if (
    value?.type !== AST_NODE_TYPES.CallExpression ||
    value.callee.type !== AST_NODE_TYPES.Identifier ||
    value.callee.name !== 'require' ||
    value.arguments[0]?.type !== AST_NODE_TYPES.Literal
  ) {
    return undefined;
  }
  const specifier = value.arguments[0].value;
  return typeof specifier === 'string' && specifier.startsWith('.') ? specifier : undefined;
}

/** The declarator a never-reassigned name is declared by, with the variable's one definition. */
function declaratorOf(sourceCode: Readonly<TSESLint.SourceCode>, name: TSESTree.Identifier) {
  const variable = ASTUtils.findVariable(sourceCode.getScope(name), name);
  if (variable?.defs.length !== 1) return undefined;
  if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
  const [def] = variable.defs;
  return def?.node.type === AST_NODE_TYPES.VariableDeclarator ? def.node : undefined;
}

/** `windows.createMainWindow()` with `windows = require('./windows')`, or `create()` with `{ create } = require(…)`. */
function requiredCallOf(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression) {
  const callee = skipWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier) {
    const member = staticMemberName(callee);
    const declarator = declaratorOf(sourceCode, callee.object);
    const specifier = declarator?.id.type === AST_NODE_TYPES.Identifier ? relativeRequire(declarator.init) : undefined;
    return member && specifier ? { call, specifier, member } : undefined;
  }
  if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const declarator = declaratorOf(sourceCode, callee);
  if (declarator?.id.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  const specifier = relativeRequire(declarator.init);
  const property = declarator.id.properties.find(
    (entry) =>
      entry.type === AST_NODE_TYPES.Property &&
      entry.value.type === AST_NODE_TYPES.Identifier &&
      entry.value.name === callee.name,
  );
  const member = property?.type === AST_NODE_TYPES.Property ? ASTUtils.getPropertyName(property) : null;
  return specifier && member ? { call, specifier, member } : undefined;
}

/**
 * Whether the child under `key` of `parent` may not run whenever `parent` does:
 * a branch of an `if`, `?:` or `switch`, the right of `&&`, a `catch`. The
 * fallback of `||` and `??` counts as running (`existing ?? create()` runs
 * whenever nothing exists yet). Decided by the walk, since a parsed module's
 * nodes have no `parent`.
 */
function isBranch(parent: Node, key: string): boolean {
  switch (parent.type) {
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression:
      return key !== 'test';
    case AST_NODE_TYPES.SwitchStatement:
      return key === 'cases';
    case AST_NODE_TYPES.TryStatement:
      return key === 'handler';
    case AST_NODE_TYPES.LogicalExpression:
      return parent.operator === '&&' && key === 'right';
    default:
      return false;
  }
}

/** The nodes of a function's body that run whenever it is called: not behind a branch, nor in nested functions, classes or `await`s. */
function* ownNodes(fn: FunctionNode, visitorKeys: TSESLint.SourceCode.VisitorKeys): Generator<Node> {
  const stack: Node[] = [fn.body];
  let left = MAX_NODES;
  for (let node = stack.pop(); node && left-- > 0; node = stack.pop()) {
    if (
      isFunctionNode(node) ||
      node.type === AST_NODE_TYPES.ClassBody ||
      node.type === AST_NODE_TYPES.AwaitExpression
    ) {
      continue;
    }
    yield node;
    const children: Node[] = [];
    for (const key of visitorKeys[node.type] ?? []) {
      if (isBranch(node, key)) continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof (child as Node).type === 'string') children.push(child as Node);
      }
    }
    stack.push(...children.reverse());
  }
}

/** Every call a function makes unconditionally of a function exported by a relative `require()`. */
export function requiredCallsIn(sourceCode: Readonly<TSESLint.SourceCode>, fn: FunctionNode): RequiredCall[] {
  const calls: RequiredCall[] = [];
  for (const node of ownNodes(fn, sourceCode.visitorKeys)) {
    if (node.type !== AST_NODE_TYPES.CallExpression) continue;
    const found = requiredCallOf(sourceCode, node);
    if (found) calls.push(found);
  }
  return calls;
}

/** A parsed module: its top-level names and what they hold, for the look below. */
interface RequiredModule {
  readonly program: TSESTree.Program;
  readonly visitorKeys: TSESLint.SourceCode.VisitorKeys;
  /** Top-level functions by name. */
  readonly functions: Map<string, FunctionNode>;
  /** Exported functions by export name. */
  readonly exports: Map<string, FunctionNode>;
  /** Names bound to the runtime's module (`electron = require('electron')`) and to its members (`{ BrowserWindow }`). */
  readonly namespaces: Map<string, string>;
  readonly members: Map<string, { module: string; name: string }>;
}

/** The function an export's value is, by name or inline. */
function functionValue(value: Node, functions: Map<string, FunctionNode>): FunctionNode | undefined {
  const inner = skipWrappers(value);
  if (isFunctionNode(inner)) return inner;
  return inner.type === AST_NODE_TYPES.Identifier ? functions.get(inner.name) : undefined;
}

/** `module.exports` (or `exports`) itself. */
function isModuleExports(node: Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name === 'exports';
  return (
    node.type === AST_NODE_TYPES.MemberExpression &&
    node.object.type === AST_NODE_TYPES.Identifier &&
    node.object.name === 'module' &&
    staticMemberName(node) === 'exports'
  );
}

/** Reads the names of a parsed module's top level (declarations first, then exports). */
function readModule(program: TSESTree.Program, visitorKeys: TSESLint.SourceCode.VisitorKeys): RequiredModule {
  const module: RequiredModule = {
    program,
    visitorKeys,
    functions: new Map(),
    exports: new Map(),
    namespaces: new Map(),
    members: new Map(),
  };
  const assignments: TSESTree.AssignmentExpression[] = [];
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.FunctionDeclaration) {
      module.functions.set(statement.id.name, statement);
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        const init = declarator.init && skipWrappers(declarator.init);
        if (!init) continue;
        if (init.type === AST_NODE_TYPES.AssignmentExpression) assignments.push(init);
        readDeclarator(module, declarator.id, init);
      }
    } else if (
      statement.type === AST_NODE_TYPES.ExpressionStatement &&
      statement.expression.type === AST_NODE_TYPES.AssignmentExpression
    ) {
      assignments.push(statement.expression);
    }
  }
  for (const assignment of assignments) readExport(module, assignment);
  return module;
}

function readDeclarator(module: RequiredModule, id: TSESTree.BindingName, init: Node): void {
  const required =
    init.type === AST_NODE_TYPES.CallExpression &&
    init.callee.type === AST_NODE_TYPES.Identifier &&
    init.callee.name === 'require' &&
    init.arguments[0]?.type === AST_NODE_TYPES.Literal &&
    typeof init.arguments[0].value === 'string'
      ? init.arguments[0].value
      : undefined;
  if (id.type === AST_NODE_TYPES.Identifier) {
    if (isFunctionNode(init)) module.functions.set(id.name, init);
    else if (required !== undefined) module.namespaces.set(id.name, required);
  } else if (id.type === AST_NODE_TYPES.ObjectPattern && required !== undefined) {
    for (const property of id.properties) {
      const name = property.type === AST_NODE_TYPES.Property ? ASTUtils.getPropertyName(property) : null;
      if (property.type === AST_NODE_TYPES.Property && name && property.value.type === AST_NODE_TYPES.Identifier) {
        module.members.set(property.value.name, { module: required, name });
      }
    }
  }
}

/** `module.exports = { a, b: fn }` (also inside `var x = module.exports = …`), `exports.a = fn`. */
function readExport(module: RequiredModule, assignment: TSESTree.AssignmentExpression): void {
  const { left } = assignment;
  const right = skipWrappers(assignment.right);
  if (isModuleExports(left) && right.type === AST_NODE_TYPES.ObjectExpression) {
    for (const property of right.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const name = ASTUtils.getPropertyName(property);
      const fn = functionValue(property.value, module.functions);
      if (name && fn) module.exports.set(name, fn);
    }
  } else if (left.type === AST_NODE_TYPES.MemberExpression && isModuleExports(left.object)) {
    const name = staticMemberName(left);
    const fn = functionValue(right, module.functions);
    if (name && fn) module.exports.set(name, fn);
  }
}

/** The runtime API a `new X()` / `new ns.X()` in the required module is, when `X` comes from the runtime's module. */
function apiOf(module: RequiredModule, node: Node, def: RuntimeDefinition): RuntimeApi | undefined {
  if (node.type !== AST_NODE_TYPES.NewExpression && node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = skipWrappers(node.callee);
  let name: string | undefined;
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const member = module.members.get(callee.name);
    if (member && def.modules.includes(member.module)) name = member.name;
  } else if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier) {
    const namespace = module.namespaces.get(callee.object.name);
    if (namespace !== undefined && def.modules.includes(namespace)) name = staticMemberName(callee) ?? undefined;
  }
  if (name === undefined) return undefined;
  const use = node.type === AST_NODE_TYPES.NewExpression ? 'new' : 'call';
  return def.requires.find(
    (api) => (api.from ?? 'module') === 'module' && api.use === use && api.path.length === 1 && api.path[0] === name,
  );
}

/** The first runtime API `fn` uses unconditionally when called, following the module's own functions. */
function effectOf(
  module: RequiredModule,
  fn: FunctionNode,
  def: RuntimeDefinition,
  seen: Set<FunctionNode>,
): RuntimeApi | undefined {
  if (seen.has(fn) || seen.size >= MAX_DEPTH) return undefined;
  seen.add(fn);
  for (const node of ownNodes(fn, module.visitorKeys)) {
    const api = apiOf(module, node, def);
    if (api) return api;
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier) {
      const target = module.functions.get(node.callee.name);
      const found: RuntimeApi | undefined = target && effectOf(module, target, def, seen);
      if (found) return found;
    }
  }
  return undefined;
}

/** Parsed required modules, per linted file (the key is its syntax tree): nothing outlives the lint of the file. */
const parsed = new WeakMap<TSESTree.Program, Map<string, RequiredModule | null>>();

/** The file a relative specifier names, as Node resolves a CommonJS `require()`. */
function resolveFile(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.js`, `${base}.cjs`, path.join(base, 'index.js')]) {
    try {
      const stat = statSync(candidate, { throwIfNoEntry: false });
      if (stat?.isFile()) return stat.size <= MAX_FILE_BYTES ? candidate : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

interface LooseParser {
  parse?: (text: string, options: unknown) => unknown;
  parseForESLint?: (text: string, options: unknown) => { ast: unknown; visitorKeys?: unknown };
}

/** Reads and parses a required module with the linted file's parser; `null` when it cannot. */
function parseModule(context: Context, file: string): RequiredModule | null {
  const { parser, parserOptions, ecmaVersion } = context.languageOptions as {
    parser?: LooseParser;
    parserOptions?: Record<string, unknown>;
    ecmaVersion?: unknown;
  };
  if (!parser) return null;
  try {
    const text = readFileSync(file, 'utf8');
    // The parser's own options only: no project or program, which would build a type checker for one file.
    const options = {
      ecmaFeatures: parserOptions?.ecmaFeatures,
      ecmaVersion: ecmaVersion ?? 'latest',
      sourceType: 'script',
      range: true,
      loc: true,
      filePath: file,
    };
    const result = parser.parseForESLint?.(text, options);
    const program = (result ? result.ast : parser.parse?.(text, options)) as TSESTree.Program | undefined;
    if (program?.type !== AST_NODE_TYPES.Program) return null;
    const visitorKeys = (result?.visitorKeys ?? context.sourceCode.visitorKeys) as TSESLint.SourceCode.VisitorKeys;
    return readModule(program, visitorKeys);
  } catch {
    return null;
  }
}

/**
 * The runtime API that calling export `member` of the module `specifier`
 * (relative to the linted file) uses unconditionally, or `undefined` when
 * there is none or the module cannot be read.
 */
export function requiredEffect(
  context: Context,
  required: RequiredCall,
  def: RuntimeDefinition,
): RuntimeApi | undefined {
  if (!path.isAbsolute(context.filename)) return undefined;
  const file = resolveFile(context.filename, required.specifier);
  if (!file) return undefined;
  let byFile = parsed.get(context.sourceCode.ast);
  if (!byFile) parsed.set(context.sourceCode.ast, (byFile = new Map<string, RequiredModule | null>()));
  let module = byFile.get(file);
  if (module === undefined) byFile.set(file, (module = parseModule(context, file)));
  const fn = module?.exports.get(required.member);
  return module && fn ? effectOf(module, fn, def, new Set()) : undefined;
}
