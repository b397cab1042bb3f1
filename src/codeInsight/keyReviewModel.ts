/**
 * The rows of "Review API Keys…": one per key with owner, resource, age, last activity and the
 * hygiene flags, plus sorting and CSV export. Pure: no vscode import, unit tested in plain Node.
 */
import * as l10n from '@vscode/l10n';
import type { ApiKey } from '../cloud/schemas/apiKey';
import { csvCell } from '../metrics/csv';
import { isOverdue, keyAgeDays } from './keyAge';

export type ReviewFlag = 'overdue' | 'noTraffic' | 'ownerDeleted' | 'personalClusterKey';

/** What is known about a key's owner. */
export interface OwnerInfo {
  readonly name?: string | undefined;
  /** The owner could not be found (404): a key left behind, or a deleted account. */
  readonly deleted?: boolean | undefined;
  /** Role bindings of the owner, e.g. `DeveloperRead on topic=orders`; undefined when unknown. */
  readonly roleBindings?: readonly string[] | undefined;
}

export interface ReviewRow {
  readonly organization: string;
  readonly organizationId: string;
  readonly keyId: string;
  readonly displayName: string;
  readonly ownerId: string;
  readonly ownerName?: string | undefined;
  readonly resource: string;
  readonly createdAt?: string | undefined;
  readonly ageDays?: number | undefined;
  /** Epoch ms of the owner's newest traffic; `null` = none in the activity window; undefined = unknown. */
  readonly lastActivity?: number | null | undefined;
  readonly roleBindings?: readonly string[] | undefined;
  readonly flags: readonly ReviewFlag[];
}

export type ReviewSortKey = 'age' | 'owner' | 'resource' | 'activity' | 'flags' | 'key';

export interface RowInput {
  readonly organization: string;
  readonly organizationId: string;
  readonly key: ApiKey;
  readonly owner?: OwnerInfo | undefined;
  readonly lastActivity?: number | null | undefined;
  readonly policyDays: number;
  readonly now: number;
}

/** Builds one row and its flags. */
export function reviewRow(input: RowInput): ReviewRow {
  const { key, owner } = input;
  const ownerId = key.spec.owner.id;
  const resource = key.spec.resource?.id ?? 'Cloud';
  const ageDays = keyAgeDays(key.metadata?.created_at, input.now);
  const flags: ReviewFlag[] = [];
  if (isOverdue(ageDays, input.policyDays)) flags.push('overdue');
  if (input.lastActivity === null) flags.push('noTraffic');
  if (owner?.deleted) flags.push('ownerDeleted');
  // A user's own key on a cluster ties an application to a person's account.
  if (ownerId.startsWith('u-') && resource.startsWith('lkc-')) flags.push('personalClusterKey');
  return {
    organization: input.organization,
    organizationId: input.organizationId,
    keyId: key.id,
    displayName: key.spec.display_name ?? '',
    ownerId,
    ownerName: owner?.name,
    resource,
    createdAt: key.metadata?.created_at ?? undefined,
    ageDays,
    lastActivity: input.lastActivity,
    roleBindings: owner?.roleBindings,
    flags,
  };
}

/** Short text for a flag, as shown in the report and the CSV. */
export function flagLabel(flag: ReviewFlag, policyDays: number): string {
  switch (flag) {
    case 'overdue': return l10n.t('older than {0} days', policyDays);
    case 'noTraffic': return l10n.t('no traffic in 30 days');
    case 'ownerDeleted': return l10n.t('owner deleted');
    case 'personalClusterKey': return l10n.t("a user's personal key on a cluster");
  }
}

/** Traffic older than this counts as "no traffic in 30 days". */
export const NO_TRAFFIC_DAYS = 30;

/** Normalises a last-seen time: activity older than 30 days is reported as none. */
export function activityWithin30Days(lastActiveAt: number | null | undefined, now: number): number | null | undefined {
  if (lastActiveAt === undefined || lastActiveAt === null) return lastActiveAt;
  return now - lastActiveAt > NO_TRAFFIC_DAYS * 86_400_000 ? null : lastActiveAt;
}

const compareText = (a: string, b: string): number => a.localeCompare(b);

/** Rows sorted by a column; worst first for age, flags and activity (oldest, most, none). */
export function sortRows(rows: readonly ReviewRow[], by: ReviewSortKey): ReviewRow[] {
  const out = [...rows];
  const tie = (a: ReviewRow, b: ReviewRow): number => compareText(a.keyId, b.keyId);
  const activityRank = (r: ReviewRow): number => (r.lastActivity === null ? -Infinity : r.lastActivity === undefined ? Infinity : r.lastActivity);
  out.sort((a, b) => {
    switch (by) {
      case 'age': return (b.ageDays ?? -1) - (a.ageDays ?? -1) || tie(a, b);
      case 'owner': return compareText(a.ownerName ?? a.ownerId, b.ownerName ?? b.ownerId) || tie(a, b);
      case 'resource': return compareText(a.resource, b.resource) || tie(a, b);
      case 'activity': return activityRank(a) - activityRank(b) || tie(a, b);
      case 'flags': return b.flags.length - a.flags.length || (b.ageDays ?? -1) - (a.ageDays ?? -1) || tie(a, b);
      case 'key': return tie(a, b);
    }
  });
  return out;
}

/** RFC 4180 CSV of the rows (CRLF), every API string neutralised against formula injection. */
export function rowsToCsv(rows: readonly ReviewRow[], policyDays: number): string {
  const header = ['organization', 'key', 'display_name', 'owner_id', 'owner_name', 'resource', 'created_at', 'age_days', 'last_activity', 'role_bindings', 'flags'];
  const lines = [header.join(',')];
  for (const r of rows) {
    lines.push([
      csvCell(r.organization), csvCell(r.keyId), csvCell(r.displayName), csvCell(r.ownerId), csvCell(r.ownerName ?? ''),
      csvCell(r.resource), csvCell(r.createdAt ?? ''), r.ageDays === undefined ? '' : String(r.ageDays),
      r.lastActivity === undefined ? 'unknown' : r.lastActivity === null ? 'none' : new Date(r.lastActivity).toISOString(),
      csvCell(r.roleBindings ? r.roleBindings.join('; ') : 'unknown'),
      csvCell(r.flags.map((f) => flagLabel(f, policyDays)).join('; ')),
    ].join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
