import * as vscode from 'vscode';
import type { OrgRegistry } from '../auth/orgRegistry';
import { isCloudApiError } from '../cloud/errors';
import { ExplorerCommand } from '../explorer/commandIds';
import type { ExplorerProvider } from '../explorer/explorerProvider';
import { normalizeFilter } from '../explorer/filterMatch';
import { locateResource } from '../explorer/goToId';
import { ExplorerNode, type ResourceNode } from '../explorer/nodes/explorerNode';
import { LoadMoreNode } from '../explorer/nodes/loadMoreNode';
import { ErrorNode } from '../explorer/nodes/messageNodes';
import { type FolderItem, PagedFolderNode } from '../explorer/nodes/pagedFolderNode';
import { detectResourceKind, kindLabel, validateResourceId } from '../explorer/resourceIds';
import { revealQuietly } from './organizationCommands';
import { type CommandDeps, registerCommand } from './registerCommand';

/** What the tree commands need. */
export interface ExplorerCommandDeps extends CommandDeps {
  readonly registry: OrgRegistry;
  readonly explorer: ExplorerProvider;
  readonly treeView: vscode.TreeView<ExplorerNode>;
}

/**
 * Refresh, paging, filters, Go to ID and Retry. Handlers return what they did (a promise that
 * settles when the tree is updated, or the revealed node) so tests can await them.
 */
export function registerExplorerCommands(deps: ExplorerCommandDeps): vscode.Disposable[] {
  const { explorer, treeView } = deps;
  const folderOf = (arg: unknown): PagedFolderNode<FolderItem> | undefined => {
    if (arg instanceof PagedFolderNode) return arg;
    if (arg instanceof LoadMoreNode) return arg.folder;
    const selected = treeView.selection[0];
    if (arg === undefined && selected) return folderOf(selected);
    return undefined;
  };

  return [
    registerCommand(deps, ExplorerCommand.refreshAll, () => explorer.refreshAll()),

    registerCommand(deps, ExplorerCommand.refresh, (node?: unknown) => {
      if (node instanceof ExplorerNode) explorer.refresh(node);
      else explorer.refreshAll();
    }),

    registerCommand(deps, ExplorerCommand.loadMore, (arg?: unknown) => folderOf(arg)?.loadMore()),

    registerCommand(deps, ExplorerCommand.loadAll, async (arg?: unknown) => {
      const folder = folderOf(arg);
      if (!folder) return;
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Loading all ${folder.noun} of ${folder.connection.label}`, cancellable: true },
        async (progress, token) => {
          const abort = new AbortController();
          const cancel = token.onCancellationRequested(() => abort.abort());
          let reported = 0;
          try {
            await folder.loadAll(abort.signal, (loaded, total) => {
              const share = total ? Math.min(100, (loaded / total) * 100) : undefined;
              progress.report({
                message: total !== undefined ? `${loaded.toLocaleString()} of ${total.toLocaleString()}` : `${loaded.toLocaleString()} loaded`,
                ...(share !== undefined ? { increment: share - reported } : {}),
              });
              if (share !== undefined) reported = share;
            });
          } finally {
            cancel.dispose();
          }
        },
      );
      await revealQuietly(treeView, folder, true);
    }),

    registerCommand(deps, ExplorerCommand.filter, async (arg?: unknown, text?: unknown) => {
      const folder = folderOf(arg);
      if (!folder) return;
      const input = typeof text === 'string' ? text : await vscode.window.showInputBox({
        title: `Filter ${folder.label}`,
        value: folder.filter ?? '',
        prompt: folder.serverFilter
          ? 'Exact display name (Confluent Cloud matches service account names exactly). Empty clears the filter.'
          : 'Text to find in names, IDs and emails; further pages are fetched until matches fill a page. Empty clears the filter.',
      });
      if (input === undefined) return;
      await vscode.window.withProgress(
        { location: { viewId: 'confluentCloud.explorer' }, cancellable: true },
        async (_progress, token) => {
          const abort = new AbortController();
          const cancel = token.onCancellationRequested(() => abort.abort());
          try {
            await folder.applyFilter(normalizeFilter(input), abort.signal);
          } finally {
            cancel.dispose();
          }
        },
      );
      await revealQuietly(treeView, folder, true);
    }),

    registerCommand(deps, ExplorerCommand.clearFilter, (arg?: unknown) => folderOf(arg)?.applyFilter(undefined)),

    registerCommand(deps, ExplorerCommand.retry, async (arg?: unknown) => {
      if (arg instanceof ErrorNode) await arg.retry();
    }),

    registerCommand(deps, ExplorerCommand.goToId, async (arg?: unknown, idArg?: unknown): Promise<ResourceNode<FolderItem> | undefined> => {
      const connection = arg instanceof ExplorerNode ? arg.connection : await deps.registry.pick({ placeHolder: 'Which organization is the resource in?' });
      if (!connection) {
        if (deps.registry.list().length === 0) void vscode.window.showInformationMessage('Add an organization first.');
        return undefined;
      }
      const id = typeof idArg === 'string' ? idArg : await vscode.window.showInputBox({
        title: `Go to ID in ${connection.label}`,
        prompt: 'env-…, lkc-…, sa-…, u-…, or an API key',
        validateInput: validateResourceId,
      });
      if (!id?.trim()) return undefined;
      const kind = kindLabel(detectResourceKind(id));
      try {
        const node = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Window, title: `Finding ${kind} ${id.trim()}` },
          () => locateResource(explorer, connection, id),
        );
        await revealQuietly(treeView, node);
        return node;
      } catch (error) {
        if (isCloudApiError(error) && error.status === 404) {
          void vscode.window.showWarningMessage(`No ${kind} ${id.trim()} in ${connection.label}.`);
          return undefined;
        }
        throw error;
      }
    }),
  ];
}
