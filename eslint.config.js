// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const KYSELY_ONLY_IN_REPOSITORIES = {
  name: 'kysely',
  message:
    'SQL lives in repositories: import Kysely only in repository.ts / *.repository.ts, migrations, platform/db and test-support.',
};
const MODULE_INTERNALS = {
  // From a module's own folder, '../other/anything-but-index.js' reaches into another module.
  regex: '^\\.\\./(?!\\.\\.)[^/]+/(?!index\\.js$)',
  message: 'Modules use each other only through their index.ts.',
};
const PLATFORM_USES_NO_MODULE = {
  group: ['**/modules/**', '**/modules.js', '**/app.js', '**/bootstrap.js'],
  message: 'platform/ is the base layer and uses no module.',
};

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'data/**',
      'coverage/**',
      'apps/server/scripts/**',
      'apps/server/bin/**',
      '**/*.mjs',
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
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-non-null-assertion': 'error',
      // Spreading a string into code points is how names are masked and counted; it is meant.
      '@typescript-eslint/no-misused-spread': 'off',
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Use a union of string literals.' }],
    },
  },
  {
    files: ['apps/server/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [KYSELY_ONLY_IN_REPOSITORIES] }] },
  },
  {
    files: ['apps/server/src/modules/*/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [KYSELY_ONLY_IN_REPOSITORIES], patterns: [MODULE_INTERNALS] }],
    },
  },
  {
    files: ['apps/server/src/test-support/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: [
      'apps/server/src/modules/*/repository.ts',
      'apps/server/src/modules/*/*.repository.ts',
      'apps/server/src/modules/*/migrations.ts',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: [MODULE_INTERNALS] }] },
  },
  {
    files: ['apps/server/src/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [KYSELY_ONLY_IN_REPOSITORIES], patterns: [PLATFORM_USES_NO_MODULE] }],
    },
  },
  {
    files: [
      'apps/server/src/platform/db/**/*.ts',
      'apps/server/src/platform/**/repository.ts',
      'apps/server/src/platform/**/migrations.ts',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: [PLATFORM_USES_NO_MODULE] }] },
  },
  {
    files: ['**/*.test.ts', 'apps/server/src/test-support/**/*.ts', 'tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['eslint.config.js', '**/vitest.config.ts', '**/vite.config.ts'],
    ...tseslint.configs.disableTypeChecked,
  },
);
