import * as vscode from 'vscode';
import { ExplorerCommand } from '../commandIds';
import { formatCount } from '../labels';
import { ExplorerNode } from './explorerNode';
import type { FolderItem, PagedFolderNode } from './pagedFolderNode';

/** The last child of a folder with more pages: clicking it fetches exactly the next page. */
export class LoadMoreNode extends ExplorerNode {
  readonly kind = 'loadMore' as const;

  constructor(readonly folder: PagedFolderNode<FolderItem>) {
    super(folder.connection, folder);
  }

  get id(): string {
    return `${this.folder.id}/#loadMore`;
  }

  getTreeItem(): vscode.TreeItem {
    const loading = this.folder.isLoading;
    const item = new vscode.TreeItem(loading ? vscode.l10n.t('Loading…') : vscode.l10n.t('Load more…'), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = this.contextValue;
    item.iconPath = new vscode.ThemeIcon(loading ? 'loading~spin' : 'ellipsis');
    const total = this.folder.totalSize;
    const loaded = this.folder.loadedCount;
    item.description = total !== undefined
      ? vscode.l10n.t({ message: '{0} of {1} loaded', args: [formatCount(loaded), formatCount(total)], comment: ['{0} items loaded of {1} in total'] })
      : vscode.l10n.t({ message: '{0} loaded', args: [formatCount(loaded)], comment: ['{0} is a number of items'] });
    item.tooltip = this.folder.isFiltered
      ? vscode.l10n.t('Search further pages for matches')
      : vscode.l10n.t({
        message: 'Load the next {0} {1}',
        args: [formatCount(this.folder.pageSize()), this.folder.noun],
        comment: ['{0} is the page size, {1} a plural noun such as "service accounts"'],
      });
    if (!loading) item.command = { title: vscode.l10n.t('Load more'), command: ExplorerCommand.loadMore, arguments: [this] };
    return item;
  }
}
