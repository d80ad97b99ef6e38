import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  // WXT's fake browser (in-memory storage, runtime messaging, alarms…) stands in for the
  // extension APIs, and the build's `import.meta.env` (FIREFOX…) is defined as in a Chrome build.
  // Svelte compiles runes in `.svelte.ts` (the popup's state classes); their tests run in happy-dom
  // (a per-file `@vitest-environment`), where Svelte's browser build, the one that runs effects,
  // is resolved; every other test keeps the node environment and its resolution.
  plugins: [WxtVitest(), svelte()],
  resolve: {
    conditions: ['browser'],
    alias: { 'webextension-polyfill': fileURLToPath(new URL('./tests/fakes/webextension-polyfill.ts', import.meta.url)) },
  },
  test: {
    include: ['lib/**/*.test.ts', 'entrypoints/**/*.test.ts', 'tests/unit/**/*.test.{ts,mjs}', 'tests/bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 15_000,
    // WXT's ContentScriptContext reads import.meta.env, which only exists in modules Vite transforms.
    server: { deps: { inline: ['wxt'] } },
  },
});
