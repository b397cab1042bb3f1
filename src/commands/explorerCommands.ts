import * as vscode from 'vscode';
import type { OrgRegistry } from '../auth/orgRegistry';
import { isCloudApiError } from '../cloud/errors';
import { ExplorerCommand } from '../explorer/commandIds';
import type { ExplorerProvider } from '../explorer/explorerProvider';
import { normalizeFilter } from '../explorer/filterMatch';
import { goToResource, type LocatedResource } from '../explorer/goToId';
import { ExplorerNode, type ResourceNode } from '../explorer/nodes/explorerNode';
import { LoadMoreNode } from '../explorer/nodes/loadMoreNode';
import { ErrorNode } from '../explorer/nodes/messageNodes';
import { type FilterMode, type FolderItem, PagedFolderNode } from '../explorer/nodes/pagedFolderNode';
import { detectResourceKind, kindLabel, validateResourceId } from '../explorer/resourceIds';
import type { OrgConnection } from '../auth/orgConnection';
import { type DialogService, dialogsOf } from '../ui/dialogs';
import { pickText, plainLine } from '../ui/inertText';
import type { QuickInputFactory } from '../ui/quickInputs';
import { revealQuietly } from './organizationCommands';
import { type CommandDeps, registerCommand } from './registerCommand';

/** What the tree commands need. */
export interface ExplorerCommandDeps extends CommandDeps {
  readonly registry: OrgRegistry;
  readonly explorer: ExplorerProvider;
  readonly treeView: vscode.TreeView<ExplorerNode>;
  /** Where Go to ID's input box comes from (the composition root's, so tests can answer it). */
  readonly quickInputs?: QuickInputFactory | undefined;
  readonly dialogs?: DialogService | undefined;
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
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t({ message: 'Loading all {0} of {1}', args: [folder.noun, folder.connection.label], comment: ['{0} is what the folder lists ("service accounts"), {1} the organization'] }), cancellable: true },
        async (progress, token) => {
          const abort = new AbortController();
          const cancel = token.onCancellationRequested(() => abort.abort());
          let reported = 0;
          try {
            await folder.loadAll(abort.signal, (loaded, total) => {
              const share = total ? Math.min(100, (loaded / total) * 100) : undefined;
              progress.report({
                message: total !== undefined ? vscode.l10n.t('{0} of {1}', loaded.toLocaleString(), total.toLocaleString()) : vscode.l10n.t('{0} loaded', loaded.toLocaleString()),
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

    registerCommand(deps, ExplorerCommand.filter, async (arg?: unknown, text?: unknown, modeArg?: unknown) => {
      const folder = folderOf(arg);
      if (!folder) return;
      const given = typeof text === 'string' ? { text, mode: modeArg === 'contains' ? 'contains' as const : undefined } : undefined;
      const answer = given ?? await askFilter(deps, folder);
      if (answer === undefined) return;
      await vscode.window.withProgress(
        { location: { viewId: 'confluentCloud.explorer' }, cancellable: true },
        async (_progress, token) => {
          const abort = new AbortController();
          const cancel = token.onCancellationRequested(() => abort.abort());
          try {
            await folder.applyFilter(normalizeFilter(answer.text), abort.signal, answer.mode);
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
      const connection = arg instanceof ExplorerNode ? arg.connection : await deps.registry.pick({ placeHolder: vscode.l10n.t('Which organization is the resource in?') });
      if (!connection) {
        if (deps.registry.list().length === 0) void dialogsOf(deps).notify('info', vscode.l10n.t('Add an organization first.'));
        return undefined;
      }
      const located = typeof idArg === 'string' ? await findById(deps, connection, idArg) : await askAndFind(deps, connection);
      if (located === undefined || typeof located === 'string') {
        if (typeof located === 'string') void dialogsOf(deps).notify('warning', located);
        return undefined;
      }
      if (located.clearedFilter !== undefined) {
        vscode.window.setStatusBarMessage(vscode.l10n.t('Cleared the filter "{0}" to show {1}', located.clearedFilter, located.node.resource.id), 5000);
      }
      await revealQuietly(treeView, located.node);
      return located.node;
    }),
  ];
}

/** What a search for an ID ended with: the node, a message when there is no such item, or undefined when cancelled. */
type FindResult = LocatedResource | string | undefined;

// Finds an ID with a cancellable progress (the search itself is bounded); a 404 becomes a message.
async function findById(deps: ExplorerCommandDeps, connection: OrgConnection, rawId: string): Promise<FindResult> {
  const id = rawId.trim();
  const kind = kindLabel(detectResourceKind(id));
  try {
    return await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t({ message: 'Finding {0} {1}…', args: [kind, id], comment: ['{0} is a resource kind ("service account"), {1} its ID'] }), cancellable: true },
      async (_progress, token) => {
        const abort = new AbortController();
        const cancel = token.onCancellationRequested(() => abort.abort());
        try {
          return await goToResource(deps.explorer, connection, id, abort.signal);
        } finally {
          cancel.dispose();
        }
      },
    );
  } catch (error) {
    if (isCloudApiError(error) && error.status === 404) return vscode.l10n.t({ message: 'No {0} {1} in {2}.', args: [kind, id, connection.label], comment: ['{0} is a resource kind, {1} its ID, {2} the organization'] });
    if (isCloudApiError(error) && error.reason === 'cancelled') return undefined;
    throw error;
  }
}

// The box stays open while it searches and after a miss, with the miss as its validation
// message, so a mistyped ID is fixed in place rather than typed again from the start.
async function askAndFind(deps: ExplorerCommandDeps, connection: OrgConnection): Promise<FindResult> {
  const box = deps.quickInputs?.createInputBox() ?? vscode.window.createInputBox();
  box.title = vscode.l10n.t('Go to ID in {0}', connection.label);
  box.prompt = vscode.l10n.t('env-…, lkc-…, sa-…, u-…, or an API key');
  box.ignoreFocusOut = true;
  return new Promise<FindResult>((resolve) => {
    let result: FindResult;
    let searching = false;
    const subscriptions = [
      box.onDidChangeValue((value) => {
        box.validationMessage = value.trim() === '' ? undefined : validateResourceId(value);
      }),
      box.onDidAccept(() => {
        if (searching) return;
        const problem = validateResourceId(box.value);
        box.validationMessage = problem;
        if (problem) return;
        searching = true;
        box.busy = true;
        box.enabled = false;
        void findById(deps, connection, box.value).then((found) => {
          if (typeof found === 'string') {
            box.validationMessage = found;
          } else if (found !== undefined) {
            result = found;
            box.hide();
          }
        }, (error: unknown) => {
          box.validationMessage = error instanceof Error ? plainLine(error.message) : String(error);
        }).finally(() => {
          searching = false;
          box.busy = false;
          box.enabled = true;
        });
      }),
      box.onDidHide(() => {
        for (const s of subscriptions) s.dispose();
        box.dispose();
        resolve(result);
      }),
    ];
    box.show();
  });
}

interface FilterAnswer {
  readonly text: string;
  readonly mode?: FilterMode | undefined;
}


/**
 * Asks for a filter text, saying how it matches. Where the server only matches exact names
 * (service accounts), two choices follow the typed text: the server's exact search, or a
 * substring search over loaded pages.
 */
async function askFilter(deps: ExplorerCommandDeps, folder: PagedFolderNode<FolderItem>): Promise<FilterAnswer | undefined> {
  if (!folder.serverFilter) {
    const text = await vscode.window.showInputBox({
      title: vscode.l10n.t('Filter {0} (contains)', folder.label),
      value: folder.filter ?? '',
      prompt: vscode.l10n.t('Text to find. Any case, in names, IDs and emails of the loaded pages; more pages are fetched until a page of matches shows. Empty clears the filter.'),
    });
    return text === undefined ? undefined : { text };
  }
  type ModeItem = vscode.QuickPickItem & { readonly mode: FilterMode };
  const pick = (deps.quickInputs?.createQuickPick<ModeItem>() ?? vscode.window.createQuickPick<ModeItem>());
  pick.title = vscode.l10n.t('Filter {0}', folder.label);
  pick.placeholder = vscode.l10n.t('Type a name, then choose how it matches (empty clears the filter)');
  pick.value = folder.filter ?? '';
  pick.ignoreFocusOut = true;
  const itemsFor = (value: string): ModeItem[] => {
    const typed = value.trim() ? pickText(value.trim(), 40) : undefined;
    // alwaysShow: the typed text is the filter, not a search over these two rows.
    return [
      {
        mode: 'exact', alwaysShow: true, label: vscode.l10n.t('$(symbol-key) Exact name'),
        description: typed !== undefined ? vscode.l10n.t('name = "{0}"', typed) : vscode.l10n.t('name = the text'),
        detail: vscode.l10n.t('Confluent Cloud searches every service account; exact and case-sensitive'),
      },
      {
        mode: 'contains', alwaysShow: true, label: vscode.l10n.t('$(search) Contains'),
        description: typed !== undefined ? vscode.l10n.t('contains "{0}"', typed) : vscode.l10n.t('contains the text'),
        detail: vscode.l10n.t('Any case, in names, IDs and emails of the loaded pages; more pages are fetched until a page of matches shows'),
      },
    ];
  };
  pick.items = itemsFor(pick.value);
  const current = pick.items.find((item) => item.mode === folder.filterMode);
  if (current) pick.activeItems = [current];
  return new Promise<FilterAnswer | undefined>((resolve) => {
    let result: FilterAnswer | undefined;
    const subscriptions = [
      pick.onDidChangeValue((value) => {
        const active = pick.activeItems[0]?.mode;
        pick.items = itemsFor(value);
        const keep = pick.items.find((item) => item.mode === active);
        if (keep) pick.activeItems = [keep];
      }),
      pick.onDidAccept(() => {
        const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
        result = { text: pick.value, mode: chosen?.mode ?? 'exact' };
        pick.hide();
      }),
      pick.onDidHide(() => {
        for (const s of subscriptions) s.dispose();
        pick.dispose();
        resolve(result);
      }),
    ];
    pick.show();
  });
}
