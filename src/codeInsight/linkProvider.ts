/**
 * Document links on IDs and CRNs that open the resource in the explorer. A CRN links as a whole to
 * its innermost resource (`…/service-account=sa-1/api-key=K` opens the key); IDs inside it get no
 * link of their own, so links never overlap. Links cost nothing until clicked: the reveal command
 * looks the ID up then.
 */
import * as vscode from 'vscode';
import type { DocumentScans } from './documentScope';
import { commandUri, CodeInsightCommand } from './hoverMarkdown';
import { referenceKindLabel } from './idPatterns';
import { linkTargets } from './linkTargets';

export class CodeInsightLinkProvider implements vscode.DocumentLinkProvider {
  constructor(private readonly scans: DocumentScans) {}

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    return linkTargets(this.scans.scan(document).references).map(({ start, end, target }) => {
      const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
      const link = new vscode.DocumentLink(range, vscode.Uri.parse(commandUri(CodeInsightCommand.reveal, { id: target.id, kind: target.kind })));
      link.tooltip = vscode.l10n.t({
        message: 'Reveal {0} {1} in the Confluent Cloud explorer',
        args: [referenceKindLabel(target.kind), target.id],
        comment: ['{0} is a kind such as "service account", {1} its ID'],
      });
      return link;
    });
  }
}
