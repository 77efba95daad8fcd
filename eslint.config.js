// One ESLint config for the workspace. The architecture is enforced here: pure packages
// (the domain and its rules) may not touch I/O, the environment, the clock or randomness.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const PURE_PACKAGES = [
  'domain',
  'edifact',
  'documents',
  'watchlist',
  'profiles',
  'networks',
  'sanctions',
  'demo-data',
  'geo',
  'screening',
];

const IO_MODULES = [
  '@prisma/*',
  'prisma',
  'kafkajs',
  'fastify',
  'fastify-*',
  '@fastify/*',
  'pino',
  'pino-*',
  'pg',
  '@electric-sql/*',
  'pglite-prisma-adapter',
  'testcontainers',
  '@testcontainers/*',
  '@paxguard/db',
  '@paxguard/platform',
  '@paxguard/test-support',
  'node:fs',
  'node:fs/promises',
  'fs',
  'node:net',
  'node:http',
  'node:child_process',
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.turbo/**',
      '**/src/generated/**',
      '**/coverage/**',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
    },
  },
  {
    files: PURE_PACKAGES.map((p) => `packages/${p}/src/**/*.ts`),
    ignores: ['**/*.test.ts', '**/*.bench.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: IO_MODULES,
              message:
                'Pure packages do no I/O: move this to a service or to packages/db / packages/platform.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Pure packages never read the environment: take configuration as an argument.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Pure packages take the clock as an argument.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Pure packages take the clock as an argument.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'Pure packages take randomness / id generators as arguments.',
        },
        {
          selector: "CallExpression[callee.property.name='randomUUID']",
          message: 'Pure packages take the id generator as an argument.',
        },
      ],
    },
  },
  {
    // Services and platform log through pino; scripts and benchmarks print to the terminal.
    files: ['**/bench/**', '**/scripts/**', 'infra/**', 'services/cli/**'],
    rules: { 'no-console': 'off' },
  },
);
