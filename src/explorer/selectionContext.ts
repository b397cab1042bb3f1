import * as vscode from 'vscode';
import type { ExplorerNode } from './nodes/explorerNode';

/**
 * Context key with the contextValue of the single selected tree node ('' otherwise). VS Code sets
 * `viewItem` only for menus, not for keybindings, so the key bindings' `when` clauses read this.
 * Kept with the tree (not with the keyboard commands) so it is right before those commands load.
 */
export const SELECTED_ITEM_CONTEXT = 'confluentCloud.explorer.selectedItem';

/** Keeps {@link SELECTED_ITEM_CONTEXT} in step with the tree's selection. */
export function publishSelection(treeView: vscode.TreeView<ExplorerNode>): vscode.Disposable {
  const publish = (selection: readonly ExplorerNode[]): void => {
    const only = selection.length === 1 ? selection[0] : undefined;
    void vscode.commands.executeCommand('setContext', SELECTED_ITEM_CONTEXT, only?.contextValue ?? '');
  };
  publish(treeView.selection);
  return treeView.onDidChangeSelection((e) => publish(e.selection));
}
