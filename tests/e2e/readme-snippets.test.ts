import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { REPO_ROOT } from './helpers.js';
import { INTEGRATIONS_DOC } from './integration-docs.js';

// The README's integration sections repeat snippets of docs/integrations.md,
// whose snippets the e2e tests run; a README copy must not drift from them.
const SECTIONS = ['Editor', 'Pre-commit', 'CI', 'Other linters'];

function sectionOf(readme: string, title: string): string {
  const start = readme.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`README.md has no "## ${title}" section`);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

function fencedBlocks(text: string): string[] {
  return [...text.matchAll(/^```[a-z]*\n([\s\S]*?)^```$/gm)].map((match) => match[1]!);
}

describe('README integration snippets', () => {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const doc = readFileSync(INTEGRATIONS_DOC, 'utf8');
  const docBlocks = new Set(fencedBlocks(doc));

  it.each(SECTIONS)('every code block under "## %s" is a block of docs/integrations.md', (title) => {
    const blocks = fencedBlocks(sectionOf(readme, title));
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) expect(docBlocks.has(block), block).toBe(true);
  });
});
