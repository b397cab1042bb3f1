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

const SORT_LABELS: Readonly<Record<ReviewSortKey, string>> = {
  flags: 'Most flags first', age: 'Oldest first', activity: 'Least recent activity first',
  owner: 'Owner', resource: 'Resource', key: 'Key ID',
};

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
    const age = row.ageDays === undefined ? undefined : `${row.ageDays} d`;
    item.description = [row.ownerName ?? row.ownerId, row.resource, age, ...row.flags.map((f) => flagLabel(f, policy))].filter(Boolean).join(' · ');
    const activity = row.lastActivity === undefined ? 'unknown (turn on confluentCloud.activity.enabled; Cloud keys have none)'
      : describeLastSeen(row.lastActivity === null ? 'none' : { lastActiveAt: row.lastActivity }, Date.now())?.replace('7 days', '30 days');
    // Plain-text tooltip: API strings are never rendered as Markdown here.
    item.tooltip = [
      `API key ${row.keyId}${row.displayName ? ` (${row.displayName})` : ''}`,
      `Organization: ${row.organization}`,
      `Owner: ${row.ownerName ? `${row.ownerName} (${row.ownerId})` : row.ownerId}`,
      `Resource: ${row.resource}`,
      `Created: ${row.createdAt ?? 'unknown'}${age ? ` (${age} ago)` : ''}`,
      `Last activity: ${activity ?? 'unknown'}`,
      `Owner's role bindings: ${row.roleBindings ? row.roleBindings.join(', ') || 'none' : 'unknown'}`,
      ...(row.flags.length ? [`Flags: ${row.flags.map((f) => flagLabel(f, policy)).join('; ')}`] : []),
    ].join('\n');
    return item;
  }
}

/** The sort choices for the "Sort By…" quick pick. */
export function sortChoices(current: ReviewSortKey): (vscode.QuickPickItem & { key: ReviewSortKey })[] {
  return (Object.keys(SORT_LABELS) as ReviewSortKey[]).map((key) => ({ key, label: SORT_LABELS[key], description: key === current ? 'current' : undefined }));
}
