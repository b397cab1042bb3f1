/**
 * How code insight registers its commands. Code insight sits below the commands layer, so the
 * composition root hands in the shared wrapper (prefix check, logging, one error notification,
 * single-flight) instead of this folder importing it.
 */
import type * as vscode from 'vscode';

export type RegisterCommand = (
  id: string,
  // Handlers take whatever VS Code passes (a tree node, a selection, link arguments).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  handler: (...args: any[]) => unknown,
  options?: { readonly singleFlight?: boolean },
) => vscode.Disposable;

/** Reveals a node without failing when the view is closed or not resolved yet. */
export async function revealQuietly<T>(treeView: vscode.TreeView<T>, node: T): Promise<void> {
  try {
    await treeView.reveal(node, { select: true, focus: true });
  } catch {
    // The node is there when the view opens.
  }
}
