// Flat config. The layer table of docs/architecture.md is enforced with no-restricted-imports:
// shared imports nothing environment-specific, services never import electron, the preload
// imports only electron and the contract's channel names, the renderer never imports electron,
// Node built-ins or anything under electron/, and views never import the API client (stores do).
// server-common holds what the console's main process and the central system both run on Node
// (the migration runner, media types): Node and better-sqlite3 are fine there, electron, the
// renderer, the console and central are not.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const restrict = (patterns, paths = [], extraPatterns = []) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: paths.map((name) => ({
        name,
        message: 'Not allowed in this layer (see docs/architecture.md).',
      })),
      patterns: [
        ...patterns.map((group) => ({
          group: [group],
          message: 'Not allowed in this layer (see docs/architecture.md).',
        })),
        ...extraPatterns,
      ],
    },
  ],
});

const rendererBanned = ['electron', 'electron/*', '**/electron/**', 'better-sqlite3'];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,vue}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...restrict(rendererBanned, nodeBuiltins),
      'vue/multi-word-component-names': 'off',
    },
  },
  {
    // Views reach the services through Pinia stores (renderer/src/stores), never the client
    // itself. (Rules replace rather than merge, so the renderer's own bans are repeated.)
    files: ['renderer/src/views/**/*.{ts,vue}'],
    rules: restrict(rendererBanned, nodeBuiltins, [
      {
        group: ['**/api/client', '**/api/client.ts'],
        message: 'Views call the API through a Pinia store (renderer/src/stores), not the client.',
      },
    ]),
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: restrict(
      [
        'electron',
        'electron/*',
        '**/electron/**',
        '**/renderer/**',
        '**/central/**',
        'better-sqlite3',
        'vue',
        'pinia',
      ],
      nodeBuiltins,
    ),
  },
  {
    files: ['server-common/**/*.ts'],
    ignores: ['server-common/**/*.test.ts'],
    rules: restrict([
      'electron',
      'electron/*',
      '**/electron/**',
      '**/renderer/**',
      '**/central/**',
      'vue',
      'pinia',
    ]),
  },
  {
    files: ['electron/main/services/**/*.ts', 'electron/webhost/**/*.ts'],
    rules: restrict(['electron', 'electron/*', '**/shell/**', '**/renderer/**']),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!electron$|\\.\\./\\.\\./shared/api/channels$).*',
              message: 'The preload imports only electron and the contract channel names.',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
