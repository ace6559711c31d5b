// typescript-eslint: the product code is linted type-checked and strict (against tsconfig.lint.json, which holds
// only the product code); tests, benchmarks and scripts with the recommended rules without type information, since
// their programs pull in every @pulumi/aws and aws-cdk-lib declaration and would triple the lint's time.
// Formatting is Prettier's alone: eslint-config-prettier turns off the rules that would disagree with it.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const productCode = ['src/**/*.ts', 'catalog/**/*.ts', 'cdk-aspects/**/*.ts', 'policypack/src/**/*.ts'];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'test/package/consumers/**',
      'test/corpus/**',
      'test/fixtures/**',
      '**/cdk.out/**',
      'policypack/bin/**',
    ],
  },
  eslint.configs.recommended,
  tseslint.configs.recommended,
  {
    files: productCode,
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: { project: ['./tsconfig.lint.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Counts and line numbers are written into messages everywhere; the rule's point is objects and undefined.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
    },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // A leading underscore marks a value that is taken apart on purpose and left unused.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
