import path from 'node:path';

import { ts } from '../util/typescript.js';

/*
 * A bundler's eager glob imports its matches as the module loads. Vite turns
 * `import.meta.glob('./modules/*.ts', { eager: true })` (and Vite 2's
 * `import.meta.globEager('./modules/*.ts')`) into an `import * as …` of each
 * matched module at the top of the importing module, wherever the call stands,
 * so the matched modules run before the importer's body, as its other static
 * imports do. webpack 5, which reads these globs too, requires them where the call stands
 * instead, so there they run when the call runs. A glob without `eager` compiles to `() => import(…)` (lazy, like
 * any `import()`), and one with a `query` (`?raw`, `?url`) imports text or a
 * URL, not the module. Only what this reader can match exactly is followed:
 * relative patterns (`./`, `../`) made of `*`, `?`, `**` and `{a,b}`, negated
 * ones (`!./x.ts`) among them, and no option but `eager` and `import`; a glob
 * with anything else is left alone.
 */

/** The glob calls that import their matches eagerly: `globEager` always, `glob` with `eager: true`. */
const EAGER_ALWAYS = new Set(['globEager', 'globEagerDefault']);

/** `import.meta.<name>(…)`: the method name, or undefined. */
function importMetaMethod(call: ts.CallExpression): string | undefined {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const object = callee.expression;
  const isImportMeta =
    ts.isMetaProperty(object) && object.keywordToken === ts.SyntaxKind.ImportKeyword && object.name.text === 'meta';
  return isImportMeta ? callee.name.text : undefined;
}

/** A literal object's property by name, or undefined when absent; `null` when the object cannot be read. */
function optionsOf(argument: ts.Expression | undefined): Map<string, ts.Expression> | null {
  const options = new Map<string, ts.Expression>();
  if (argument === undefined) return options;
  if (!ts.isObjectLiteralExpression(argument)) return null;
  for (const property of argument.properties) {
    if (!ts.isPropertyAssignment(property)) return null;
    const name = property.name;
    if (!ts.isIdentifier(name) && !ts.isStringLiteral(name)) return null;
    options.set(name.text, property.initializer);
  }
  return options;
}

/** The patterns of a glob call's first argument (a string or an array of strings), or undefined. */
function patternsOf(argument: ts.Expression | undefined): string[] | undefined {
  if (argument === undefined) return undefined;
  if (ts.isStringLiteralLike(argument)) return [argument.text];
  if (!ts.isArrayLiteralExpression(argument)) return undefined;
  const patterns: string[] = [];
  for (const element of argument.elements) {
    if (!ts.isStringLiteralLike(element)) return undefined;
    patterns.push(element.text);
  }
  return patterns;
}

/** The patterns of an eager glob that imports modules, or undefined for any other call. */
function eagerPatterns(call: ts.CallExpression): string[] | undefined {
  const method = importMetaMethod(call);
  if (method === undefined || (method !== 'glob' && !EAGER_ALWAYS.has(method))) return undefined;
  const options = optionsOf(call.arguments[1]);
  // `import` picks an export and keeps the import; any other option (`query`, `as`, `base`) changes what or where.
  if (options === null || [...options.keys()].some((name) => name !== 'eager' && name !== 'import')) return undefined;
  const eager = options.get('eager');
  const isEager = EAGER_ALWAYS.has(method) || eager?.kind === ts.SyntaxKind.TrueKeyword;
  return isEager ? patternsOf(call.arguments[0]) : undefined;
}

/** One path segment's pattern as a regular expression, or undefined when it uses syntax this reader leaves alone. */
function segmentPattern(segment: string): RegExp | undefined {
  if (/[[\]()!+@\\]/.test(segment)) return undefined;
  let source = '';
  let inBraces = false;
  for (const char of segment) {
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '{' && !inBraces) [source, inBraces] = [`${source}(?:`, true];
    else if (char === '}' && inBraces) [source, inBraces] = [`${source})`, false];
    else if (char === ',' && inBraces) source += '|';
    else if (char === '{' || char === '}') return undefined;
    else source += char.replace(/[.^$|]/g, '\\$&');
  }
  if (inBraces) return undefined;
  // Like the bundler's matcher, a wildcard does not match a name starting with a dot.
  const dot = segment.startsWith('.') ? '' : '(?!\\.)';
  return new RegExp(`^${dot}${source}$`);
}

type Segment = RegExp | '**';

/** A relative pattern as absolute segments from `directory`, or undefined when it cannot be read. */
function compile(directory: string, pattern: string): Segment[] | undefined {
  if (!pattern.startsWith('./') && !pattern.startsWith('../')) return undefined;
  // Braces holding a slash span segments; leave them alone rather than split them.
  if (/\{[^}]*\//.test(pattern)) return undefined;
  const absolute = path.posix.join(directory, pattern);
  const segments: Segment[] = [];
  for (const segment of absolute.split('/').slice(1)) {
    if (segment === '**') {
      // `**/**` matches what `**` does; each more would multiply the ways `matches` tries to split a path.
      if (segments.at(-1) !== '**') segments.push('**');
      continue;
    }
    const regex = segmentPattern(segment);
    if (!regex) return undefined;
    segments.push(regex);
  }
  return segments;
}

/** Whether path segments match pattern segments (`**`: any number of segments not starting with a dot). */
function matches(pattern: readonly Segment[], parts: readonly string[], p = 0, s = 0): boolean {
  if (p === pattern.length) return s === parts.length;
  const head = pattern[p];
  if (head === '**') {
    if (matches(pattern, parts, p + 1, s)) return true;
    return s < parts.length && !parts[s]?.startsWith('.') && matches(pattern, parts, p, s + 1);
  }
  return s < parts.length && head !== undefined && head.test(parts[s] ?? '') && matches(pattern, parts, p + 1, s + 1);
}

/**
 * Whether a call runs whenever its module loads: in a top-level statement,
 * outside any function or class, and not on a branch (`?:`, `&&`, `||`, `??`).
 */
function runsAtLoad(call: ts.CallExpression, file: ts.SourceFile): boolean {
  let child: ts.Node = call;
  for (let node = call.parent; node !== file; child = node, node = node.parent) {
    if (ts.isFunctionLike(node) || ts.isClassLike(node) || ts.isStatement(node) || ts.isBlock(node)) {
      if (node.parent !== file) return false;
    }
    if (ts.isConditionalExpression(node) && child !== node.condition) return false;
    if (ts.isBinaryExpression(node) && child === node.right) {
      const operator = node.operatorToken.kind;
      const branches =
        operator === ts.SyntaxKind.AmpersandAmpersandToken ||
        operator === ts.SyntaxKind.BarBarToken ||
        operator === ts.SyntaxKind.QuestionQuestionToken;
      if (branches) return false;
    }
  }
  return ts.isVariableStatement(child) || ts.isExpressionStatement(child) || ts.isExportAssignment(child);
}

/**
 * Where a glob's matches run, for the caller to choose: `anywhere` (Vite
 * hoists them), or `load` (also a bundler that evaluates them where the call
 * stands, as webpack does: only a call that runs whenever the module loads,
 * and ends before `before` when given).
 */
export type GlobPlacement = { kind: 'anywhere' } | { kind: 'load'; before: number | undefined };

/**
 * The files among `candidates` that `file`'s eager globs import: each glob's
 * positive patterns matched, less its negative ones (`!./x.ts`). A glob with a
 * pattern this reader cannot match exactly, or not placed as asked, adds nothing.
 */
export function eagerGlobImports(
  file: ts.SourceFile,
  candidates: readonly ts.SourceFile[],
  placement: GlobPlacement,
): ts.SourceFile[] {
  if (!file.text.includes('import.meta.glob')) return [];
  const directory = path.posix.dirname(file.fileName);
  const targets: ts.SourceFile[] = [];
  const placed = (call: ts.CallExpression): boolean =>
    placement.kind === 'anywhere' ||
    (runsAtLoad(call, file) && (placement.before === undefined || call.getEnd() <= placement.before));
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const patterns = eagerPatterns(node);
      if (patterns && placed(node)) targets.push(...globTargets(directory, patterns, candidates));
    }
    node.forEachChild(visit);
  };
  visit(file);
  return targets.filter((target) => target !== file);
}

function globTargets(directory: string, patterns: string[], candidates: readonly ts.SourceFile[]): ts.SourceFile[] {
  const include: Segment[][] = [];
  const exclude: Segment[][] = [];
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!');
    const compiled = compile(directory, negated ? pattern.slice(1) : pattern);
    if (!compiled) return [];
    (negated ? exclude : include).push(compiled);
  }
  return candidates.filter((candidate) => {
    const parts = candidate.fileName.split('/').slice(1);
    return (
      include.some((segments) => matches(segments, parts)) && !exclude.some((segments) => matches(segments, parts))
    );
  });
}
