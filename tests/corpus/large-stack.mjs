// Lints one generated source with every defuse rule in a worker thread with a
// large stack. The parsers themselves overflow Node's default stack on a few
// thousand nesting levels, so 10,000 levels can only reach the rules there.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';

import { repoRoot } from './paths.mjs';

/**
 * @param {{ text: string, filename: string, parser: 'espree' | 'typescript', stackSizeMb?: number }} input
 * @returns {Promise<{ messages: import('eslint').Linter.LintMessage[], error?: { message: string, ruleId?: string } }>}
 */
export function lintWithLargeStack({ stackSizeMb = 256, ...input }) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: input, resourceLimits: { stackSizeMb } });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
}

if (!isMainThread && workerData) {
  const { text, filename, parser } = workerData;
  const { default: plugin } = await import(pathToFileURL(path.join(repoRoot, 'dist/index.js')).href);
  const rules = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`defuse/${name}`, 'error']));
  const linter = new Linter({ cwd: '/generated' });
  const config = [
    {
      files: ['**/*'],
      plugins: { defuse: plugin },
      rules,
      languageOptions: parser === 'typescript' ? { parser: tsParser } : { sourceType: 'module' },
    },
  ];
  try {
    const messages = linter.verify(text, config, { filename: path.posix.join('/generated', filename) });
    parentPort.postMessage({ messages });
  } catch (error) {
    parentPort.postMessage({ messages: [], error: { message: String(error.message), ruleId: error.ruleId } });
  }
}
