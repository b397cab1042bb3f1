/**
 * What a paged folder says about itself: its filter tooltip, why it stopped loading, and what an
 * empty folder shows. Pure (no vscode) so the wording is unit tested in plain Node; `noun` is
 * the folder's plural noun ("service accounts"), `label` its name ("Service accounts").
 */
import * as l10n from '@vscode/l10n';
import { plainLine } from '../ui/inertText';
import { formatCount, limitText } from './labels';
import type { PagingStop } from './pageBuffer';

/** A row that says something instead of listing an item: its line and the tooltip's advice. */
export interface FolderNotice {
  readonly message: string;
  readonly hint: string;
}

/** The folder's tooltip: its label, and with a filter, how that filter matches. */
export function folderTooltip(label: string, filter: string | undefined, onServer: boolean): string {
  if (filter === undefined) return label;
  const text = plainLine(filter, 80);
  return onServer
    ? l10n.t({
      message: '{0} named exactly "{1}" (Confluent Cloud searches every page, exact and case-sensitive)',
      args: [label, text],
      comment: ['{0} is a folder name such as "Service accounts"; {1} is the filter text'],
    })
    : l10n.t({
      message: '{0} containing "{1}" in loaded pages (any case; more pages are fetched until a page of matches shows)',
      args: [label, text],
      comment: ['{0} is a folder name such as "Environments"; {1} is the filter text'],
    });
}

/** The note at the end of a folder that stopped paging on purpose, or undefined when it did not. */
export function stopNotice(stopped: PagingStop | undefined, loaded: number): FolderNotice | undefined {
  switch (stopped) {
    case 'limit':
      return {
        message: limitText(loaded),
        hint: l10n.t('The server has more. Raise the confluentCloud.loadAllLimit setting to load further, or filter the folder.'),
      };
    case 'repeatedToken':
    case 'noProgress':
      return {
        message: l10n.t({
          message: "{0} loaded, stopped: the server's pages go nowhere",
          args: [formatCount(loaded)],
          comment: ['{0} is a number of items, e.g. "1,500"'],
        }),
        hint: stopped === 'repeatedToken'
          ? l10n.t('The server sent a next-page token it had sent before; following it would never end.')
          : l10n.t('The server kept sending empty pages that promised more.'),
      };
    case undefined:
      return undefined;
  }
}

/** A folder whose first page was cancelled (collapsed or refreshed while it loaded). */
export function notLoadedNotice(): FolderNotice {
  return { message: l10n.t('Not loaded'), hint: l10n.t('Refresh the folder to load it.') };
}

/** "No service accounts", or with a filter "No service accounts match "pay"". */
export function emptyFolderText(noun: string, filter: string | undefined): string {
  return filter === undefined
    ? l10n.t({ message: 'No {0}', args: [noun], comment: ['{0} is a plural resource noun such as "service accounts"'] })
    : l10n.t({
      message: 'No {0} match "{1}"',
      args: [noun, filter],
      comment: ['{0} is a plural resource noun such as "service accounts"; {1} is the filter text'],
    });
}
