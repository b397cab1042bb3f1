import * as vscode from 'vscode';
import type { Snippet } from './credentialSnippets';

/**
 * Remembers the text editor the user last worked in. A webview panel takes focus, after which
 * `activeTextEditor` is undefined, so "Insert into Editor" needs to know where the cursor was.
 */
export class LastTextEditor implements vscode.Disposable {
  private editor: vscode.TextEditor | undefined;
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.editor = usable(vscode.window.activeTextEditor);
    this.subscription = vscode.window.onDidChangeActiveTextEditor((editor) => {
      this.editor = usable(editor) ?? this.editor;
    });
  }

  /** The editor to insert into, if its document is still open. */
  get current(): vscode.TextEditor | undefined {
    return this.editor && !this.editor.document.isClosed ? this.editor : undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.editor = undefined;
  }
}

function usable(editor: vscode.TextEditor | undefined): vscode.TextEditor | undefined {
  // The Output panel and similar read-only views are not places to write a secret into.
  return editor && editor.document.uri.scheme !== 'output' ? editor : undefined;
}

/**
 * Inserts a snippet at the cursor of `target` (shown again in its column), or into a new untitled
 * document in the snippet's language beside the current editor. Returns a label for the status.
 */
export async function insertSnippet(snippet: Snippet, target: vscode.TextEditor | undefined): Promise<string> {
  if (target) {
    const editor = await vscode.window.showTextDocument(target.document, {
      viewColumn: target.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false, selection: target.selection,
    });
    const ok = await editor.edit((edit) => edit.replace(editor.selection, snippet.text));
    if (!ok) throw new Error(vscode.l10n.t('The editor did not accept the edit (it may be read-only).'));
    return editorName(editor.document);
  }
  const language = await availableLanguage(snippet.language);
  const document = await vscode.workspace.openTextDocument({ language, content: snippet.text });
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false });
  return vscode.l10n.t('a new untitled editor');
}

// `dotenv` needs an extension; fall back to languages every VS Code has.
async function availableLanguage(preferred: string): Promise<string> {
  const known = new Set(await vscode.languages.getLanguages());
  for (const candidate of [preferred, 'properties', 'ini', 'plaintext']) if (known.has(candidate)) return candidate;
  return 'plaintext';
}

function editorName(document: vscode.TextDocument): string {
  const path = document.uri.path;
  return document.isUntitled ? vscode.l10n.t('the untitled editor') : path.slice(path.lastIndexOf('/') + 1);
}
