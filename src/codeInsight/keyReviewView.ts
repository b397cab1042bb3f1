/**
 * "Review API Keys…": a tree view listing every key with owner, resource, age, last activity and
 * flags, sortable by column, with Rotate / Delete on each row (the existing key commands, which
 * accept `{ id, organization }`) and CSV export. A tree view rather than a webview: it is
 * keyboard accessible and themed for free, and renders API strings as plain text.
 */
import * as vscode from 'vscode';
import { describeLastSeen } from '../metrics/activityService';
import { flagLabel, rowsToCsv, type ReviewRow, type ReviewSortKey, sortRows } from './keyReviewModel';
import type { ReviewReport } from './keyReviewData';

export const KEY_REVIEW_VIEW = 'confluentCloud.keyReview';
export const KEY_REVIEW_CONTEXT = 'confluentCloud.keyReviewOpen';

/** A row element; `id` and `organization` make it a reference the key commands accept. */
export interface ReviewElement {
  readonly id: string;
  readonly organization: string;
  readonly row: ReviewRow;
}

/** The sort choices in menu order, with their labels in the display language. */
function sortLabels(): Readonly<Record<ReviewSortKey, string>> {
  return {
    flags: vscode.l10n.t('Most flags first'), age: vscode.l10n.t('Oldest first'), activity: vscode.l10n.t('Least recent activity first'),
    owner: vscode.l10n.t('Owner'), resource: vscode.l10n.t('Resource'), key: vscode.l10n.t('Key ID'),
  };
}

export class KeyReviewProvider implements vscode.TreeDataProvider<ReviewElement> {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;
  private report: ReviewReport | undefined;
  private sortKey: ReviewSortKey = 'flags';

  constructor(private readonly policyDays: () => number) {}

  get current(): ReviewReport | undefined {
    return this.report;
  }

  get sortedBy(): ReviewSortKey {
    return this.sortKey;
  }

  show(report: ReviewReport): void {
    this.report = report;
    this.emitter.fire();
  }

  sort(by: ReviewSortKey): void {
    this.sortKey = by;
    this.emitter.fire();
  }

  /** The rows in the order shown. */
  rows(): ReviewRow[] {
    return this.report ? sortRows(this.report.rows, this.sortKey) : [];
  }

  csv(): string {
    return rowsToCsv(this.rows(), this.policyDays());
  }

  getChildren(element?: ReviewElement): ReviewElement[] {
    if (element) return [];
    return this.rows().map((row) => ({ id: row.keyId, organization: row.organizationId, row }));
  }

  getTreeItem(element: ReviewElement): vscode.TreeItem {
    const { row } = element;
    const policy = this.policyDays();
    const item = new vscode.TreeItem(row.displayName ? `${row.keyId} · ${row.displayName}` : row.keyId, vscode.TreeItemCollapsibleState.None);
    item.id = `${row.organizationId}/${row.keyId}`;
    item.contextValue = 'keyReviewRow';
    item.iconPath = new vscode.ThemeIcon(row.flags.length ? 'warning' : 'key');
    const age = row.ageDays === undefined ? undefined : vscode.l10n.t({ message: '{0} d', args: [row.ageDays], comment: ['{0} is a number of days; "d" abbreviates days'] });
    item.description = [row.ownerName ?? row.ownerId, row.resource, age, ...row.flags.map((f) => flagLabel(f, policy))].filter(Boolean).join(' · ');
    const unknown = vscode.l10n.t('unknown');
    // The review looks back 30 days, so "none" is worded for that window (the hover's window is 7).
    const activity = row.lastActivity === undefined ? vscode.l10n.t('unknown (turn on {0}; Cloud keys have none)', 'confluentCloud.activity.enabled')
      : row.lastActivity === null ? vscode.l10n.t('no traffic in 30 days')
        : describeLastSeen({ lastActiveAt: row.lastActivity }, Date.now());
    const created = row.createdAt ?? unknown;
    const bindings = row.roleBindings ? row.roleBindings.join(', ') || vscode.l10n.t('none') : unknown;
    // Plain-text tooltip: API strings are never rendered as Markdown here.
    item.tooltip = [
      row.displayName ? vscode.l10n.t('API key {0} ({1})', row.keyId, row.displayName) : vscode.l10n.t('API key {0}', row.keyId),
      vscode.l10n.t('Organization: {0}', row.organization),
      vscode.l10n.t('Owner: {0}', row.ownerName ? vscode.l10n.t('{0} ({1})', row.ownerName, row.ownerId) : row.ownerId),
      vscode.l10n.t('Resource: {0}', row.resource),
      age ? vscode.l10n.t({ message: 'Created: {0} ({1} ago)', args: [created, age], comment: ['{1} is an age such as "12 d"'] }) : vscode.l10n.t('Created: {0}', created),
      vscode.l10n.t('Last activity: {0}', activity ?? unknown),
      vscode.l10n.t('Owner\'s role bindings: {0}', bindings),
      ...(row.flags.length ? [vscode.l10n.t('Flags: {0}', row.flags.map((f) => flagLabel(f, policy)).join('; '))] : []),
    ].join('\n');
    return item;
  }
}

/** The sort choices for the "Sort By…" quick pick. */
export function sortChoices(current: ReviewSortKey): (vscode.QuickPickItem & { key: ReviewSortKey })[] {
  const labels = sortLabels();
  return (Object.keys(labels) as ReviewSortKey[]).map((key) => ({ key, label: labels[key], description: key === current ? vscode.l10n.t('current') : undefined }));
}
