import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The corpus guard needs the corpus cache: npm run test:corpus (vitest.corpus.config.mjs).
    exclude: ['tests/fixtures/**', 'tests/corpus/**', 'node_modules/**'],
    setupFiles: ['tests/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
