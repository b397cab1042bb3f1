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
    const item = new vscode.TreeItem(loading ? 'Loading…' : 'Load more…', vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = this.contextValue;
    item.iconPath = new vscode.ThemeIcon(loading ? 'loading~spin' : 'ellipsis');
    const total = this.folder.totalSize;
    const loaded = this.folder.loadedCount;
    item.description = total !== undefined ? `${formatCount(loaded)} of ${formatCount(total)} loaded` : `${formatCount(loaded)} loaded`;
    item.tooltip = this.folder.isFiltered
      ? 'Search further pages for matches'
      : `Load the next ${formatCount(this.folder.pageSize())} ${this.folder.noun}`;
    if (!loading) item.command = { title: 'Load more', command: ExplorerCommand.loadMore, arguments: [this] };
    return item;
  }
}
