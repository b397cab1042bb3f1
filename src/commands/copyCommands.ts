import * as vscode from 'vscode';
import { ExplorerCommand } from '../explorer/commandIds';
import { nodeConsoleUrl, nodeCrn, nodeId, nodeJson, targetNodes } from '../explorer/nodeText';
import type { ExplorerNode } from '../explorer/nodes/explorerNode';
import { type CommandDeps, registerCommand } from './registerCommand';

/** The status-bar and notification wording of one kind of copied value, as whole sentences. */
interface CopyWording {
  /** The selection holds none of them. */
  readonly none: () => string;
  /** `copied` values were copied; `skipped` selected rows had none. */
  readonly copied: (copied: number, skipped: number) => string;
}

const ID_WORDING: CopyWording = {
  none: () => vscode.l10n.t('Nothing to copy: the selection has no ID.'),
  copied: (n, skipped) => (n === 1
    ? (skipped ? vscode.l10n.t('$(copy) Copied ID ({0} without one skipped)', skipped) : vscode.l10n.t('$(copy) Copied ID'))
    : (skipped ? vscode.l10n.t('$(copy) Copied {0} IDs ({1} without one skipped)', n, skipped) : vscode.l10n.t('$(copy) Copied {0} IDs', n))),
};

const CRN_WORDING: CopyWording = {
  none: () => vscode.l10n.t('Nothing to copy: the selection has no CRN.'),
  copied: (n, skipped) => (n === 1
    ? (skipped ? vscode.l10n.t('$(copy) Copied CRN ({0} without one skipped)', skipped) : vscode.l10n.t('$(copy) Copied CRN'))
    : (skipped ? vscode.l10n.t('$(copy) Copied {0} CRNs ({1} without one skipped)', n, skipped) : vscode.l10n.t('$(copy) Copied {0} CRNs', n))),
};

/** What the copy commands need. */
export interface CopyCommandDeps extends CommandDeps {
  readonly treeView: vscode.TreeView<ExplorerNode>;
}

/**
 * Copy ID / CRN / JSON, Insert CRN at Cursor and Open in Confluent Cloud. With several nodes
 * selected, values are copied one per line (JSON as an array). Each returns the text it produced.
 */
export function registerCopyCommands(deps: CopyCommandDeps): vscode.Disposable[] {
  const targets = (node: unknown, selection: unknown): ExplorerNode[] => targetNodes(node, selection, deps.treeView.selection);

  const copyValues = async (nodes: ExplorerNode[], wording: CopyWording, pick: (n: ExplorerNode) => string | undefined): Promise<string | undefined> => {
    const values = nodes.map(pick).filter((v): v is string => !!v);
    if (values.length === 0) {
      void vscode.window.showInformationMessage(wording.none());
      return undefined;
    }
    const text = values.join('\n');
    await vscode.env.clipboard.writeText(text);
    vscode.window.setStatusBarMessage(wording.copied(values.length, nodes.length - values.length), 3000);
    return text;
  };

  return [
    registerCommand(deps, ExplorerCommand.copyId, (node?: unknown, selection?: unknown) =>
      copyValues(targets(node, selection), ID_WORDING, nodeId)),

    registerCommand(deps, ExplorerCommand.copyCrn, (node?: unknown, selection?: unknown) =>
      copyValues(targets(node, selection), CRN_WORDING, nodeCrn)),

    registerCommand(deps, ExplorerCommand.copyJson, async (node?: unknown, selection?: unknown) => {
      const values = targets(node, selection).map(nodeJson).filter((v) => v !== undefined);
      if (values.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to copy: select a resource.'));
        return undefined;
      }
      const text = JSON.stringify(values.length === 1 ? values[0] : values, null, 2);
      await vscode.env.clipboard.writeText(text);
      vscode.window.setStatusBarMessage(vscode.l10n.t('$(copy) Copied as JSON'), 3000);
      return text;
    }),

    registerCommand(deps, ExplorerCommand.insertCrn, async (node?: unknown, selection?: unknown) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open an editor and place the cursor where the CRN should go.'));
        return undefined;
      }
      const crns = targets(node, selection).map(nodeCrn).filter((v): v is string => !!v);
      if (crns.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('The selection has no CRN to insert.'));
        return undefined;
      }
      const text = crns.join('\n');
      await editor.edit((edit) => {
        for (const range of editor.selections) edit.replace(range, text);
      });
      return text;
    }),

    registerCommand(deps, ExplorerCommand.openInConfluentCloud, async (node?: unknown) => {
      const [target] = targets(node, undefined);
      const url = target ? nodeConsoleUrl(target) : undefined;
      if (!url) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Only organizations on api.confluent.cloud can be opened in the Confluent Cloud console.'));
        return undefined;
      }
      await vscode.env.openExternal(vscode.Uri.parse(url));
      return url;
    }),
  ];
}
