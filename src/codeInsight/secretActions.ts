/**
 * Quick fixes on a plain-text secret warning: Rotate API Key…, Delete API Key… (the existing
 * commands, given the key ID and its organization) and, where the file type can read a variable,
 * "Replace with an environment variable reference". The secret itself is never passed anywhere:
 * the key is found by re-scanning the document at the diagnostic's range.
 */
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from './diagnosticsController';
import type { DocumentScans } from './documentScope';
import { envReplacement, fileFamily } from './envReference';
import { DELETE_API_KEY, ROTATE_API_KEY } from './hoverMarkdown';
import type { ResourceLookup } from './resourceLookup';

export class SecretCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(
    private readonly scans: DocumentScans,
    private readonly lookup: ResourceLookup,
  ) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const { secrets } = this.scans.scan(document);
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE || diagnostic.code !== 'plaintextSecret') continue;
      const start = document.offsetAt(diagnostic.range.start);
      const finding = secrets.find((s) => s.start === start);
      if (!finding) continue;
      if (finding.keyId) {
        const cached = this.lookup.peek('apiKey', finding.keyId);
        const organization = cached?.status === 'found' ? cached.matches[0]?.connection.id : undefined;
        const ref = { id: finding.keyId, ...(organization ? { organization } : {}) };
        actions.push(
          commandAction(vscode.l10n.t('Rotate API Key…'), ROTATE_API_KEY, ref, diagnostic),
          commandAction(vscode.l10n.t('Delete API Key…'), DELETE_API_KEY, ref, diagnostic),
        );
      }
      const replacement = envReplacement(fileFamily(document.languageId, document.fileName), document.getText(), finding.start, finding.end);
      if (replacement) {
        const action = new vscode.CodeAction(replacement.title, vscode.CodeActionKind.QuickFix);
        const edit = new vscode.WorkspaceEdit();
        for (const e of replacement.edits) {
          edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText);
        }
        action.edit = edit;
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        actions.push(action);
      }
    }
    return actions;
  }
}

function commandAction(title: string, command: string, ref: { id: string; organization?: string }, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.command = { command, title, arguments: [ref] };
  action.diagnostics = [diagnostic];
  return action;
}
