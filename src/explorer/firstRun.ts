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
    await visible(treeView);
    const first = registry.list()[0];
    if (!first) return;
    // The view may still be resolving its roots; reveal fails until the root is known.
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        await treeView.reveal(explorer.organizationNode(first), { expand: true, select: false, focus: false });
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    }
  } catch {
    // A workbench without the view (or one that is closing) is no reason to fail activation.
  }
}

/** Resolves once the view is showing (or after a few seconds, when something else took over). */
function visible(treeView: vscode.TreeView<ExplorerNode>): Promise<void> {
  if (treeView.visible) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, 5000);
    const listener = treeView.onDidChangeVisibility((e) => {
      if (e.visible) done();
    });
    function done(): void {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    }
  });
}
