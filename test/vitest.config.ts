import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['./setup/neo4j.global.ts'],
    // One Neo4j for the run: files take turns with it.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**'],
  },
});
