import path from 'node:path';

import { ESLint } from 'eslint';

import { LINTED_EXTENSIONS } from './files.js';

export interface ConfigIgnores {
  /** Whether the project's ESLint config ignores the file; undefined when there is no usable config. */
  isIgnored?: ((file: string) => Promise<boolean>) | undefined;
  /** A line for stderr when the config exists but cannot be loaded. */
  warning?: string | undefined;
}

/**
 * The `ignores` of the project's own ESLint config, asked through ESLint
 * itself so every form it accepts counts (global `ignores`, `globalIgnores()`,
 * `.gitignore` includes). The rest of that config plays no part in the run.
 * An extra config matches every file the command lints, so "ignored" means
 * ignored, not "no config for this file type". A config that fails to load
 * (its plugins not installed, say) leaves its ignores unapplied, with a
 * warning: the run lints more than the config would, never less silently.
 */
export async function loadConfigIgnores(root: string): Promise<ConfigIgnores> {
  const eslint = new ESLint({
    cwd: root,
    overrideConfig: { files: [...LINTED_EXTENSIONS].map((extension) => `**/*${extension}`) },
  });
  const probe = path.join(root, '__defuse_probe__.js');
  try {
    await eslint.isPathIgnored(probe);
  } catch (error) {
    // No config here; with ESLint 10 a package below may still have one.
    if ((error as { messageTemplate?: unknown }).messageTemplate !== 'config-file-missing') {
      const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      return { warning: `the project's ESLint config could not be loaded (${reason}); its ignores are not applied` };
    }
  }
  return {
    isIgnored: async (file) => {
      try {
        return await eslint.isPathIgnored(file);
      } catch {
        return false;
      }
    },
  };
}
