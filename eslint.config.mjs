// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import { layerZones } from './scripts/layers.mjs';

const noVscode = {
  'no-restricted-imports': ['error', {
    paths: [{ name: 'vscode', message: 'This layer is host-free: pass what it needs in from the extension instead.' }],
  }],
};

// Localization: the extractor (npm run l10n) reads only literal first arguments of l10n.t, and a
// message shown to a person must be one it can find.
const L10N_CALL = "CallExpression[callee.property.name='t']:matches([callee.object.name='l10n'], [callee.object.property.name='l10n'])";
const localizedMessages = {
  'no-restricted-syntax': ['error',
    {
      selector: "CallExpression[callee.property.name=/^show(Information|Warning|Error)Message$/][arguments.0.type=/^(Literal|TemplateLiteral)$/]",
      message: 'Localize the message: pass l10n.t(…) (or a variable holding its result), not a literal.',
    },
    {
      selector: `${L10N_CALL}[arguments.0.type!=/^(Literal|ObjectExpression)$/]`,
      message: "l10n.t needs a plain string literal (or { message: '…', args, comment }) for the extractor: use {0} placeholders instead of templates, concatenation or variables.",
    },
    {
      selector: `${L10N_CALL} > ObjectExpression.arguments:first-child > Property[key.name='message'][value.type!='Literal']`,
      message: "l10n.t({ message }) needs a plain string literal for the extractor: use {0} placeholders and args.",
    },
    // Not localization, but the same rule: creating an Intl formatter loads locale data (a few
    // ms), which at module level every load of the bundle pays, activation or first command.
    {
      selector: ":matches(Program, ExportNamedDeclaration) > VariableDeclaration > VariableDeclarator > NewExpression[callee.object.name='Intl']",
      message: 'Create Intl formatters on first use (a lazily set variable), not when the module loads.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '**/*.mjs', '**/*.js', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/only-throw-error': 'off',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
    },
  },
  // Layers: a file may import its own layer and the ones below it, never one above or a sibling
  // feature (scripts/layers.mjs lists them; test/unit/architecture checks for folder cycles).
  {
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })] },
    rules: { 'import-x/no-restricted-paths': ['error', { zones: layerZones() }] },
  },
  { files: ['src/**/*.ts', 'media/**/*.ts'], rules: localizedMessages },
  // The cloud layer and webview protocol files must run without a VS Code host.
  { files: ['src/cloud/**/*.ts', '**/protocol.ts', 'media/**/*.ts', 'sandbox/**/*.ts'], rules: noVscode },
);
