import * as vscode from 'vscode';
import type { OrgRegistry } from '../auth/orgRegistry';
import type { ExplorerProvider } from './explorerProvider';
import type { ExplorerNode } from './nodes/explorerNode';

/** globalState key: set once the explorer has been shown on a first start. */
export const FIRST_RUN_KEY = 'confluentCloud.firstRunShown';

/**
 * On the very first start the workbench still shows the file Explorer, so a new user would not
 * see where the extension lives: open our view once and expand the first organization. Later
 * starts leave the layout the user chose alone.
 */
export async function revealOnFirstRun(
  state: vscode.Memento,
  treeView: vscode.TreeView<ExplorerNode>,
  explorer: ExplorerProvider,
  registry: OrgRegistry,
): Promise<void> {
  if (state.get<boolean>(FIRST_RUN_KEY)) return;
  await state.update(FIRST_RUN_KEY, true);
  try {
    await vscode.commands.executeCommand('confluentCloud.explorer.focus');
    const first = registry.list()[0];
    if (first) await treeView.reveal(explorer.organizationNode(first), { expand: true, select: false, focus: false });
  } catch {
    // A workbench without the view (or one that is closing) is no reason to fail activation.
  }
}
