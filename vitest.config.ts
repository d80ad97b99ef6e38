import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  // WXT's fake browser (in-memory storage, runtime messaging, alarms…) stands in for the
  // extension APIs, and the build's `import.meta.env` (FIREFOX…) is defined as in a Chrome build.
  plugins: [WxtVitest()],
  resolve: {
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
