import type { OrgConnection } from '../../auth/orgConnection';
import type { LoadSubject } from '../errorText';
import { emptyFolderText, notLoadedNotice, stopNotice } from '../folderText';
import type { PagingStop } from '../pageBuffer';
import type { ExplorerNode } from './explorerNode';
import { EmptyNode, ErrorNode, NoticeNode } from './messageNodes';

/** What a folder's rows depend on besides its items, read from the folder when they are built. */
export interface FolderRowState {
  readonly connection: OrgConnection;
  /** The first page failed: one error row replaces everything. */
  readonly loadError: unknown;
  /** A later page failed: an error row after the items. */
  readonly moreError: unknown;
  readonly started: boolean;
  readonly hasMore: boolean;
  readonly stopped: PagingStop | undefined;
  readonly loaded: number;
  readonly filter: string | undefined;
  /** Says what could not be loaded; `more` is set per row. */
  readonly subject: Omit<LoadSubject, 'more'>;
  readonly loadMore: ExplorerNode;
  readonly retry: () => Promise<void>;
}

/**
 * A folder's children: its items, then what comes after them (a failure of the next page, Load
 * more, or why paging stopped), or in place of them what an empty or unloaded folder says.
 */
export function folderRows(folder: ExplorerNode, items: readonly ExplorerNode[], state: FolderRowState): ExplorerNode[] {
  const { connection } = state;
  if (state.loadError !== undefined) {
    return [new ErrorNode(connection, folder, { ...state.subject, more: false }, state.loadError, state.retry)];
  }
  const children = [...items];
  const notice = stopNotice(state.stopped, state.loaded);
  if (state.moreError !== undefined) {
    children.push(new ErrorNode(connection, folder, { ...state.subject, more: true }, state.moreError, state.retry));
  } else if (state.hasMore) {
    children.push(state.loadMore);
  } else if (notice) {
    children.push(new NoticeNode(connection, folder, notice.message, notice.hint));
  }
  if (children.length === 0 && !state.started) {
    // The first page was cancelled (the folder was collapsed or refreshed while it loaded).
    const notLoaded = notLoadedNotice();
    children.push(new NoticeNode(connection, folder, notLoaded.message, notLoaded.hint));
  } else if (children.length === 0) {
    children.push(new EmptyNode(connection, folder, emptyFolderText(state.subject.noun, state.filter)));
  }
  return children;
}
