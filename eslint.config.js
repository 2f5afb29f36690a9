// Lint, and the architecture's arrows (docs/design/ARCHITECTURE.md): each folder may import only
// downward. The folder rules below are the house's walls.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const node = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'url'];
const forbid = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.tmp/**',
      '.bench/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...forbid(
        [
          ...node,
          'better-sqlite3',
          'electron',
          '**/db/**',
          '**/electron/**',
          '**/host/**',
          '**/cli/**',
          '**/api/handlers/**',
          '**/api/invoke',
          '**/api/live',
          '**/api/errors',
          '**/api/context',
        ],
        'The renderer knows the API contract (api/contract) and pure core/ only.',
      ),
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: forbid(
      [
        ...node,
        'better-sqlite3',
        'electron',
        'react',
        '**/db/**',
        '**/api/**',
        '**/electron/**',
        '**/host/**',
        '**/cli/**',
        '**/renderer/**',
      ],
      'core/ is pure domain code: no IO, nothing above it.',
    ),
  },
  {
    files: ['db/**/*.ts'],
    rules: forbid(
      [
        'electron',
        'react',
        '**/api/**',
        '**/electron/**',
        '**/host/**',
        '**/cli/**',
        '**/renderer/**',
      ],
      'db/ sits below api/: it may use core/ only.',
    ),
  },
  {
    files: ['api/**/*.ts'],
    rules: forbid(
      ['electron', 'react', '**/electron/**', '**/host/**', '**/cli/**', '**/renderer/**'],
      'api/ knows no transport and no UI.',
    ),
  },
  {
    files: ['host/**/*.ts', 'cli/**/*.ts'],
    rules: forbid(
      ['electron', 'react', '**/electron/**', '**/renderer/**'],
      'host/ and cli/ are transports over api/: no Electron, no UI.',
    ),
  },
  {
    files: ['electron/**/*.ts'],
    rules: forbid(
      ['react', '**/renderer/**', '**/cli/**', '**/host/**'],
      'electron/ is the desktop transport over api/.',
    ),
  },
);
