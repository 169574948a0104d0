// The corpus guard runs on its own (npm run test:corpus): it needs the corpus
// cache and minutes, not seconds.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/corpus/**/*.test.ts'],
    exclude: ['.corpus-cache/**', 'node_modules/**'],
    testTimeout: 20 * 60_000,
    hookTimeout: 20 * 60_000,
    // One package at a time: type-aware programs are large.
    fileParallelism: false,
  },
});
