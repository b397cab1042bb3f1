import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ESLint, type Linter } from 'eslint';

const REPO = join(__dirname, '..', '..', '..');

/** The block of eslint.config.mjs that carries the localization rule, as `npm run lint` uses it. */
async function localizationConfig(): Promise<Linter.Config> {
  const mod = (await import(join(REPO, 'eslint.config.mjs'))) as { default: Linter.Config[] };
  const block = mod.default.find((c) => c.rules && 'no-restricted-syntax' in c.rules && c.files?.includes('src/**/*.ts'));
  assert.ok(block, 'eslint.config.mjs has a no-restricted-syntax block for src');
  assert.ok(block.files?.includes('media/**/*.ts'), 'the rule covers the webview scripts');
  const tsParser = mod.default.find((c) => c.languageOptions?.parser)?.languageOptions?.parser;
  return { ...block, files: ['**/*.ts'], languageOptions: { parser: tsParser } };
}

async function messagesFor(code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: REPO, overrideConfigFile: true, overrideConfig: [await localizationConfig()] });
  const [result] = await eslint.lintText(code, { filePath: join(REPO, 'src', 'explorer', 'lintProbe.ts') });
  return (result?.messages ?? []).map((m) => `${m.line}: ${m.message}`);
}

const HEADER = "import * as vscode from 'vscode';\nimport * as l10n from '@vscode/l10n';\ndeclare const name: string;\n";

void describe('lint: localized messages', () => {
  void it('rejects a literal or template literal message in show{Information,Warning,Error}Message', async () => {
    const found = await messagesFor(`${HEADER}void vscode.window.showInformationMessage('Deleted.');\nvoid vscode.window.showWarningMessage(\`Delete \${name}?\`);\nvoid vscode.window.showErrorMessage("Failed");\n`);
    assert.deepEqual(found.map((m) => m.split(':')[0]), ['4', '5', '6'], found.join('\n'));
    assert.match(found[0]!, /Localize the message/);
  });

  void it('rejects l10n.t and vscode.l10n.t with a template, a concatenation, a variable or a non-literal message', async () => {
    const found = await messagesFor(`${HEADER}l10n.t(\`Delete \${name}?\`);\nvscode.l10n.t('Delete ' + name);\nl10n.t(name);\nvscode.l10n.t({ message: name, comment: [] });\n`);
    assert.deepEqual(found.map((m) => m.split(':')[0]), ['4', '5', '6', '7'], found.join('\n'));
    assert.match(found[0]!, /plain string literal/);
  });

  void it('accepts the forms the extractor reads', async () => {
    const found = await messagesFor(`${HEADER}const text = vscode.l10n.t('Delete {0}?', name);\nvoid vscode.window.showWarningMessage(text);\nvoid vscode.window.showErrorMessage(l10n.t({ message: 'Failed: {0}', args: [name], comment: ['{0} is why'] }));\nl10n.t('{count} loaded', { count: 3 });\n`);
    assert.deepEqual(found, []);
  });
});

void describe('lint: Intl formatters at module level', () => {
  void it('rejects a formatter created when the module loads, plain or exported, and accepts one made on first use', async () => {
    const found = await messagesFor(`${HEADER}const a = new Intl.NumberFormat('en-US');\nexport const b = new Intl.DateTimeFormat('en-US');\nlet c: Intl.NumberFormat | undefined;\nexport function d(n: number): string { c ??= new Intl.NumberFormat('en-US'); return c.format(n) + String(a) + String(b); }\n`);
    assert.deepEqual(found.map((m) => m.split(':')[0]), ['4', '5'], found.join('\n'));
    assert.match(found[0]!, /on first use/);
  });
});
