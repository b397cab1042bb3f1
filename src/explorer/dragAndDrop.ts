import * as vscode from 'vscode';
import { nodeCrn, nodeId } from './nodeText';
import type { ExplorerNode } from './nodes/explorerNode';

/**
 * Dragging nodes into an editor inserts their CRNs (one per line; the ID when a resource has no
 * CRN). Only `text/plain` is offered: the workbench hands a tree's data transfer to the editor's
 * drop handling, whose default text provider inserts `text/plain` at the drop position.
 * `text/uri-list` is deliberately not offered, because the editor would treat it as files to
 * open (or insert as paths) instead of text. Nothing can be dropped onto the tree.
 */
export class ExplorerDragAndDrop implements vscode.TreeDragAndDropController<ExplorerNode> {
  readonly dragMimeTypes = ['text/plain'];
  readonly dropMimeTypes: readonly string[] = [];

  handleDrag(source: readonly ExplorerNode[], dataTransfer: vscode.DataTransfer): void {
    const text = dragText(source);
    if (text) dataTransfer.set('text/plain', new vscode.DataTransferItem(text));
  }
}

/** What a drag of these nodes carries: CRNs (or IDs) one per line. */
export function dragText(nodes: readonly ExplorerNode[]): string {
  return nodes.map((n) => nodeCrn(n) ?? nodeId(n)).filter((t): t is string => !!t).join('\n');
}
