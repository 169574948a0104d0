/**
 * The snippets of docs/integrations.md, read by the integration e2e tests so
 * that what the page shows is what the tests run. A snippet is the fenced
 * block right after a `<!-- snippet: name -->` line.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { REPO_ROOT } from './helpers.js';

export const INTEGRATIONS_DOC = path.join(REPO_ROOT, 'docs/integrations.md');

export type SnippetName =
  | 'eslint-config'
  | 'husky-pre-commit'
  | 'lintstagedrc'
  | 'pre-commit-config'
  | 'git-hook'
  | 'github-actions'
  | 'oxlintrc';

/** The text of the snippet `name` (its fenced block's body, ending in a newline). */
export function snippet(name: SnippetName): string {
  const doc = readFileSync(INTEGRATIONS_DOC, 'utf8');
  const marker = `<!-- snippet: ${name} -->\n`;
  const start = doc.indexOf(marker);
  if (start < 0 || doc.includes(marker, start + 1)) {
    throw new Error(`docs/integrations.md must have exactly one snippet "${name}"`);
  }
  const block = /^```[a-z]*\n([\s\S]*?)^```$/m.exec(doc.slice(start + marker.length));
  if (block?.index !== 0) throw new Error(`snippet "${name}" is not followed by a fenced block`);
  return block[1]!;
}

/**
 * The `run:` commands of the GitHub Actions snippet that call `eslint` or
 * `defuse` through npx, split into words (none of them quotes an argument).
 */
export function workflowLintCommands(): string[][] {
  return [...snippet('github-actions').matchAll(/^\s*(?:- )?run: (npx (?:eslint|defuse)\b.*)$/gm)].map((match) =>
    match[1]!.trim().split(/\s+/),
  );
}
