import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['lib/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/unit/**/*.test.mjs'],
    environment: 'node',
    testTimeout: 15_000,
  },
});
