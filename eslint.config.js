// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'data/',
      'coverage/',
      'dist/',
      'web/dist/',
      'test/fixtures/',
      'test/e2e/artifacts/',
      '.scratch/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // The reader and the domain are pure: no database, HTTP, file system or clock (DESIGN.md, one-way arrows).
    files: ['src/ingest/**/*.ts', 'src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/db/**', '**/services/**', '**/http/**', '**/cli/**', '**/reports/**'],
              message: 'ingest and domain are pure: they never import outer layers.',
            },
            {
              group: ['node:fs', 'node:fs/*', 'fs', 'node:http', 'pg', 'kysely', 'fastify'],
              message: 'ingest and domain are pure: no I/O.',
            },
          ],
        },
      ],
    },
  },
  {
    // Routes call services; SQL lives in repositories (STYLE.md: route -> service -> repository).
    files: ['src/http/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/db/**', '**/*.repository*'], message: 'routes call services, never repositories.' }],
        },
      ],
    },
  },
  {
    // The web app talks to the server over HTTP only.
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/src/**'], message: 'the web app never imports server code; use the API client.' }] },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
  },
);
