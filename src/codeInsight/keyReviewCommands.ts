/**
 * Commands of the API key review: open (collect and show), sort, export CSV, refresh, close.
 */
import * as vscode from 'vscode';
import type { OrgRegistry } from '../auth/orgRegistry';
import type { RateQueue } from '../metrics/rateQueue';
import type { RegisterCommand } from './commandRegistrar';
import { type ReviewReport, reviewAll } from './keyReviewData';
import type { ReviewSortKey } from './keyReviewModel';
import { KEY_REVIEW_CONTEXT, KEY_REVIEW_VIEW, type KeyReviewProvider, sortChoices } from './keyReviewView';

export const KeyReviewCommand = {
  open: 'confluentCloud.reviewApiKeys',
  sort: 'confluentCloud.keyReview.sort',
  exportCsv: 'confluentCloud.keyReview.exportCsv',
  refresh: 'confluentCloud.keyReview.refresh',
  close: 'confluentCloud.keyReview.close',
} as const;

const SORT_KEYS = new Set<string>(['age', 'owner', 'resource', 'activity', 'flags', 'key']);

export interface KeyReviewDeps {
  readonly register: RegisterCommand;
  readonly log: vscode.LogOutputChannel;
  readonly registry: OrgRegistry;
  readonly provider: KeyReviewProvider;
  readonly queue: RateQueue;
  readonly policyDays: () => number;
  readonly activityEnabled: () => boolean;
}

export function registerKeyReviewCommands(deps: KeyReviewDeps): vscode.Disposable[] {
  // Refresh reviews what the last Review API Keys… did: one organization or all.
  let lastScope: unknown;

  /** From an organization's (or its API keys folder's) context menu: that organization only. */
  const collect = async (arg?: unknown): Promise<ReviewReport | undefined> => {
    const from = (arg as { connection?: { id?: unknown } } | undefined)?.connection?.id;
    const picked = typeof from === 'string' ? deps.registry.get(from) : undefined;
    const connections = picked ? [picked] : deps.registry.list();
    if (connections.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Add a Confluent Cloud organization first (Confluent Cloud: Add Organization…).'));
      return undefined;
    }
    const report = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reviewing API keys'), cancellable: true },
      async (_progress, token) => {
        const abort = new AbortController();
        const cancel = token.onCancellationRequested(() => abort.abort());
        try {
          return await reviewAll(connections, {
            policyDays: deps.policyDays(), activityEnabled: deps.activityEnabled(), signal: abort.signal,
            beforeMetricsRequest: () => deps.queue.acquire(abort.signal),
          });
        } finally {
          cancel.dispose();
        }
      },
    );
    deps.provider.show(report);
    await vscode.commands.executeCommand('setContext', KEY_REVIEW_CONTEXT, true);
    await vscode.commands.executeCommand(`${KEY_REVIEW_VIEW}.focus`);
    deps.log.info(`key review: ${report.rows.length} keys, ${report.requests} requests${report.notes.length ? `; ${report.notes.join('; ')}` : ''}`);
    if (report.notes.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t({ message: 'API key review shows {0}.', args: [report.notes.join('; ')], comment: ['{0} lists what the caps left out, e.g. "Org: the first 500 keys"'] }));
    }
    return report;
  };

  return [
    deps.register(KeyReviewCommand.open, (arg?: unknown) => {
      lastScope = arg;
      return collect(arg);
    }, { singleFlight: true }),
    deps.register(KeyReviewCommand.refresh, () => collect(lastScope), { singleFlight: true }),

    deps.register(KeyReviewCommand.sort, async (by?: unknown) => {
      let key: ReviewSortKey | undefined = typeof by === 'string' && SORT_KEYS.has(by) ? by as ReviewSortKey : undefined;
      key ??= (await vscode.window.showQuickPick(sortChoices(deps.provider.sortedBy), { placeHolder: vscode.l10n.t('Sort API keys by') }))?.key;
      if (key) deps.provider.sort(key);
      return key;
    }),

    deps.register(KeyReviewCommand.exportCsv, async (target?: unknown) => {
      if (!deps.provider.current) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Run Review API Keys… first.'));
        return undefined;
      }
      const uri = target instanceof vscode.Uri ? target : await vscode.window.showSaveDialog({
        title: vscode.l10n.t('Export API Key Review'), filters: { CSV: ['csv'] }, saveLabel: vscode.l10n.t('Export'),
      });
      if (!uri) return undefined;
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(deps.provider.csv()));
      vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Exported {0} keys', deps.provider.rows().length), 3000);
      return uri.toString();
    }),

    deps.register(KeyReviewCommand.close, () => vscode.commands.executeCommand('setContext', KEY_REVIEW_CONTEXT, false)),
  ];
}
