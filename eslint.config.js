// Lint, and the architecture's arrows (docs/design/ARCHITECTURE.md): each folder may import only
// downward. The folder rules below are the house's walls.
import fs from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const node = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'url'];
const forbid = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});
// Everything in api/ but the contract (its folders and its top-level modules, as they are
// now), which the renderer must not reach.
const apiBeyondContract = fs
  .readdirSync(path.join(import.meta.dirname, 'api'), { withFileTypes: true })
  .filter((entry) => entry.name !== 'contract')
  .map((entry) =>
    entry.isDirectory() ? `**/api/${entry.name}/**` : `**/api/${entry.name.replace(/\.ts$/, '')}`,
  );

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
          ...apiBeyondContract,
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
    // The contract is what the renderer imports: zod schemas and types, so nothing with IO
    // and nothing else of api/; db/ and core/ lend it types only.
    files: ['api/contract/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...node, 'better-sqlite3'],
              message: 'api/contract is schemas and types: no IO.',
            },
            {
              regex: '^\\.\\./[^.]',
              message: 'api/contract imports nothing else of api/ (the renderer imports it).',
            },
            {
              group: ['**/db/**'],
              allowTypeImports: true,
              message: 'api/contract takes types from db/ (import type), never code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['host/**/*.ts'],
    rules: forbid(
      ['electron', 'react', '**/electron/**', '**/renderer/**', '**/cli/**'],
      'host/ is the HTTP transport over api/: no Electron, no UI, not the command line.',
    ),
  },
  {
    files: ['cli/**/*.ts'],
    rules: forbid(
      ['electron', 'react', '**/electron/**', '**/renderer/**'],
      'cli/ is a transport over api/ (and starts host/ for serve): no Electron, no UI.',
    ),
  },
  {
    files: ['electron/**/*.ts'],
    rules: forbid(
      // The one way in to host/: the settings switch that serves this desk to the centre's
      // seats (issue 13), as `griddesk serve --seats` does from cli/.
      ['react', '**/renderer/**', '**/cli/**', '**/host/**', '!**/host/seat-host-control'],
      'electron/ is the desktop transport over api/ (of host/, only host/seat-host-control).',
    ),
  },
);
