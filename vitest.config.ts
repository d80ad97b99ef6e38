import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Compiles runes in `.svelte.ts` (the popup's state classes). Their tests run in happy-dom (a
  // per-file `@vitest-environment`), where Svelte's browser build, the one that runs effects, is
  // resolved; every other test keeps the node environment and its resolution.
  plugins: [svelte()],
  resolve: { conditions: ['browser'] },
  test: {
    include: ['lib/**/*.test.ts', 'entrypoints/**/*.test.ts', 'tests/unit/**/*.test.{ts,mjs}', 'tests/bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 15_000,
  },
});
