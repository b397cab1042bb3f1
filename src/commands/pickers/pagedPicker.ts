import * as vscode from 'vscode';
import type { StepResult } from '../../ui/multiStepInput';
import { pickText } from '../../ui/inertText';
import type { QuickInputFactory } from '../../ui/quickInputs';
import type { PageSource } from './pageSource';

/** Options of {@link pickPaged}. */
export interface PagedPickOptions<T> {
  readonly title: string;
  readonly step?: number | undefined;
  readonly totalSteps?: number | undefined;
  readonly placeholder: string;
  /** The row of an empty list, translated: "No service accounts". */
  readonly emptyLabel: string;
  /** The row of a page that failed to load, translated: "Couldn't load service accounts: {reason}". */
  readonly loadFailed: (reason: string) => string;
  readonly source: PageSource<T>;
  /**
   * Server-side lookup for the typed text, where the API has one (service accounts by exact
   * display name). Its matches are shown on top; the loaded pages are filtered as usual.
   */
  readonly search?: ((text: string) => PageSource<T>) | undefined;
  readonly toItem: (value: T) => vscode.QuickPickItem;
  readonly key: (value: T) => string;
  /** Fixed choices above the loaded ones, e.g. "Cloud API key (organization-wide)". */
  readonly leading?: readonly { readonly item: vscode.QuickPickItem; readonly value: T }[] | undefined;
  /** Pre-selects the item with this key once it is loaded. */
  readonly activeKey?: string | undefined;
  /** Where the QuickPick comes from; `vscode.window` unless the composition root passed one. */
  readonly factory?: QuickInputFactory | undefined;
}

type Entry<T> = vscode.QuickPickItem & { readonly value?: T; readonly more?: true };

const SEARCH_DELAY_MS = 300;
/**
 * Most requests one "Load more…" sends while pages come back empty (environments without
 * clusters); past it the row shows again, so a server paging nowhere costs clicks, not a loop.
 */
const MAX_REQUESTS_PER_LOAD = 10;

/**
 * A QuickPick over a paged list: the first page loads on open, a "Load more…" row fetches the
 * next page (one request) and typing filters what is loaded. Requests stop when the picker
 * closes. Shows a step counter and Back like the other wizard steps.
 */
export function pickPaged<T>(options: PagedPickOptions<T>): Promise<StepResult<T>> {
  const pick = (options.factory ?? vscode.window).createQuickPick<Entry<T>>();
  pick.title = options.title;
  pick.step = options.step;
  pick.totalSteps = options.totalSteps;
  pick.placeholder = options.placeholder;
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.ignoreFocusOut = true;
  pick.buttons = (options.step ?? 1) > 1 ? [vscode.QuickInputButtons.Back] : [];

  const abort = new AbortController();
  const loaded: T[] = [];
  const seen = new Set<string>();
  let found: T[] = [];
  let loadError: string | undefined;
  let loading = false;
  let searching = 0;
  let searchTimer: ReturnType<typeof setTimeout> | undefined;

  const entry = (value: T, alwaysShow = false): Entry<T> => ({ ...options.toItem(value), value, alwaysShow });
  const render = (focusKey?: string): void => {
    const count = loaded.length.toLocaleString();
    const foundKeys = new Set(found.map(options.key));
    const items: Entry<T>[] = [
      ...(options.leading ?? []).map(({ item, value }) => ({ ...item, value })),
      ...found.map((v) => entry(v, true)),
      ...loaded.filter((v) => !foundKeys.has(options.key(v))).map((v) => entry(v)),
    ];
    if (loadError) {
      items.push({ label: `$(error) ${loadError}`, detail: vscode.l10n.t('Select to try again'), more: true, alwaysShow: true });
    } else if (!options.source.done) {
      // Icons stay outside the messages, so a translation cannot break them.
      items.push({ label: `$(more) ${vscode.l10n.t('Load more…')}`, description: vscode.l10n.t('{0} loaded', count), more: true, alwaysShow: true });
    } else if (options.source.stopped === 'limit') {
      items.push({
        label: `$(info) ${vscode.l10n.t('{0} loaded, stopped at the limit', count)}`,
        detail: vscode.l10n.t({ message: 'Type to filter, or raise {0}', args: ['confluentCloud.loadAllLimit'], comment: ['{0} is a setting key'] }),
        alwaysShow: true,
      });
    } else if (options.source.stopped !== undefined) {
      items.push({ label: `$(info) ${vscode.l10n.t("{0} loaded, stopped: the server's pages go nowhere", count)}`, alwaysShow: true });
    } else if (items.length === 0) {
      items.push({ label: options.emptyLabel, alwaysShow: true });
    }
    pick.items = items;
    const focus = focusKey === undefined ? undefined : items.find((i) => i.value !== undefined && options.key(i.value) === focusKey);
    if (focus) pick.activeItems = [focus];
  };

  const loadMore = async (): Promise<void> => {
    if (loading || options.source.done) return;
    loading = true;
    pick.busy = true;
    loadError = undefined;
    const firstPage = loaded.length === 0;
    let firstNew: string | undefined;
    try {
      // Pages of a nested source can be empty (an environment without clusters): keep going
      // until something shows, one request at a time.
      let requests = 0;
      do {
        requests += 1;
        for (const value of await options.source.next(abort.signal)) {
          const key = options.key(value);
          if (seen.has(key)) continue;
          seen.add(key);
          loaded.push(value);
          firstNew ??= key;
        }
      } while (firstNew === undefined && !options.source.done && !abort.signal.aborted && requests < MAX_REQUESTS_PER_LOAD);
    } catch (error) {
      // Server text: inert (no icons) and short; the row is one line anyway.
      if (!abort.signal.aborted) loadError = pickText(options.loadFailed(error instanceof Error ? error.message : String(error)), 200);
    } finally {
      loading = false;
      pick.busy = searching > 0;
    }
    if (abort.signal.aborted) return;
    // After the first page, the preselected item (if loaded); after "Load more", the first new row,
    // so the keyboard user carries on where the list grew.
    const wanted = options.activeKey !== undefined && seen.has(options.activeKey) ? options.activeKey : undefined;
    render(firstPage ? wanted : firstNew);
  };

  const search = (text: string): void => {
    if (!options.search) return;
    if (searchTimer) clearTimeout(searchTimer);
    const query = text.trim();
    if (!query) {
      if (found.length) {
        found = [];
        render();
      }
      return;
    }
    searchTimer = setTimeout(() => {
      const source = options.search!(query);
      searching += 1;
      pick.busy = true;
      source.next(abort.signal).then((items) => {
        // A slower answer to an older query must not replace a newer one.
        if (pick.value.trim() === query && !abort.signal.aborted) {
          found = items;
          render();
        }
      }, () => undefined).finally(() => {
        searching -= 1;
        pick.busy = loading || searching > 0;
      });
    }, SEARCH_DELAY_MS);
  };

  return new Promise<StepResult<T>>((resolve) => {
    let settled = false;
    const finish = (result: StepResult<T>): void => {
      if (settled) return;
      settled = true;
      abort.abort();
      if (searchTimer) clearTimeout(searchTimer);
      resolve(result);
      pick.dispose();
    };
    pick.onDidTriggerButton((button) => {
      if (button === vscode.QuickInputButtons.Back) finish({ kind: 'back' });
    });
    pick.onDidChangeValue(search);
    pick.onDidAccept(() => {
      const chosen = pick.activeItems[0];
      if (!chosen) return;
      if (chosen.more) void loadMore();
      else if (chosen.value !== undefined) finish({ kind: 'value', value: chosen.value });
    });
    pick.onDidHide(() => finish(undefined));
    render();
    pick.show();
    void loadMore();
  });
}
