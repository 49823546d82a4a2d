// ESLint (flat config): typescript-eslint's type-checked rules over src, rules, tests and scripts.
// Formatting is Prettier's alone (eslint-config-prettier turns off the rules that would fight it);
// stage boundaries and cycles are dependency-cruiser's (.dependency-cruiser.cjs).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['dist/', 'editors/vscode/out/', 'coverage/', 'examples/', 'tests/golden/', 'tests/fixtures/', 'tests/hostile/']),
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: globals.node,
      parserOptions: {
        // src and rules; the tests and Vitest config; the .mjs scripts, bin and these configs (checkJs);
        // the VS Code extension's source and its build script.
        project: ['./tsconfig.json', './tsconfig.test.json', './tsconfig.scripts.json', './editors/vscode/tsconfig.json', './src/playground/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    rules: {
      // `const { $ref: _ref, ...rest } = x` drops a key on purpose; tsc's noUnusedLocals agrees.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // `text.trim() || 'fallback'`: an empty string is deliberately treated as absent.
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true } }],
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      // Vitest's asymmetric matchers (expect.stringMatching, expect.any, …) are typed `any`.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    rules: {
      // The scripts are plain JavaScript with JSDoc only where it helps (tsconfig.scripts.json has
      // noImplicitAny off), so values from unannotated parameters are `any` by design.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' }, // CommonJS is what .cjs is for
  },
  {
    // Test helpers in plain JavaScript that no tsconfig covers: linted without type information.
    files: ['tests/**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  prettier,
);
