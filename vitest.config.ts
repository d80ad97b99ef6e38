import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['lib/**/*.test.ts', 'entrypoints/**/*.test.ts', 'tests/unit/**/*.test.{ts,mjs}', 'tests/bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 15_000,
    // WXT's ContentScriptContext reads import.meta.env, which only exists in modules Vite transforms.
    server: { deps: { inline: ['wxt'] } },
  },
});
