import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

export default ts.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'tests/lab/.build/', 'tests/artifacts/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, chrome: 'readonly' } },
    rules: {
      'no-console': ['error', { allow: ['debug', 'warn', 'error'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    // Test tooling and scripts print their reports.
    files: ['tests/**', 'dev/**', '*.config.*'],
    rules: { 'no-console': 'off' },
  },
  {
    // Code passed to page.evaluate runs in the page, where these globals exist.
    files: ['tests/e2e/**', 'tests/bench/**', 'dev/**'],
    languageOptions: { globals: { remote: 'readonly', softphoneDiagnostics: 'readonly' } },
  },
);
