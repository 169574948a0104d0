import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/**
 * A fact about a file, computed at most once however many rules ask for it,
 * and kept only as long as the file's syntax tree: the cache is keyed by the
 * `Program` node in a `WeakMap`, so nothing outlives the file, and a re-lint
 * (an editor's, a fix pass's) parses a new tree and computes the fact afresh.
 * A fact may hold the file's nodes, never another file's.
 */
export function perFile<Fact>(
  compute: (sourceCode: Readonly<TSESLint.SourceCode>) => Fact,
): (sourceCode: Readonly<TSESLint.SourceCode>) => Fact {
  // A fact is stored as it is; `undefined` is told apart from a miss by `has`, asked only then.
  const cache = new WeakMap<TSESTree.Program, Fact>();
  return (sourceCode) => {
    const cached = cache.get(sourceCode.ast);
    if (cached !== undefined || cache.has(sourceCode.ast)) return cached as Fact;
    const fact = compute(sourceCode);
    cache.set(sourceCode.ast, fact);
    return fact;
  };
}
