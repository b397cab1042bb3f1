/**
 * API key age against the rotation policy. Keys have no expiry and no "last used" field, and
 * Confluent advises rotating every 90 days, so age since creation is what can be measured.
 * Pure: no vscode import.
 */
import * as l10n from '@vscode/l10n';

export const DEFAULT_ROTATION_DAYS = 90;
const DAY_MS = 86_400_000;

/** Whole days since `createdAt` (RFC 3339), or undefined when it is absent or unparsable. */
export function keyAgeDays(createdAt: string | null | undefined, now: number): number | undefined {
  if (!createdAt) return undefined;
  const t = Date.parse(createdAt);
  if (!Number.isFinite(t)) return undefined;
  return Math.max(0, Math.floor((now - t) / DAY_MS));
}

/** The setting clamped to something meaningful (1 day … 10 years); default 90. */
export function rotationPolicyDays(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 1 ? Math.min(Math.floor(value), 3650) : DEFAULT_ROTATION_DAYS;
}

/** True when the key is older than the policy. */
export function isOverdue(ageDays: number | undefined, policyDays: number): boolean {
  return ageDays !== undefined && ageDays > policyDays;
}

/** Tree badge for an overdue key, e.g. `⚠ 412 d old`; undefined when within the policy. */
export function ageBadge(createdAt: string | null | undefined, policyDays: number, now: number): string | undefined {
  const age = keyAgeDays(createdAt, now);
  return isOverdue(age, policyDays) ? l10n.t({ message: '⚠ {0} d old', args: [age], comment: ['{0} is a number of days; "d" abbreviates days'] }) : undefined;
}

/** Tooltip line, e.g. `412 days (older than the 90-day rotation policy)`. */
export function ageText(createdAt: string | null | undefined, policyDays: number, now: number): string | undefined {
  const age = keyAgeDays(createdAt, now);
  if (age === undefined) return undefined;
  const comment = ['{0} is the rotation policy in days'];
  if (age === 1) {
    return isOverdue(age, policyDays)
      ? l10n.t({ message: '1 day (older than the {0}-day rotation policy)', args: [policyDays], comment })
      : l10n.t({ message: '1 day (within the {0}-day rotation policy)', args: [policyDays], comment });
  }
  const comments = ['{0} is the key\'s age in days, {1} the rotation policy in days'];
  return isOverdue(age, policyDays)
    ? l10n.t({ message: '{0} days (older than the {1}-day rotation policy)', args: [age, policyDays], comment: comments })
    : l10n.t({ message: '{0} days (within the {1}-day rotation policy)', args: [age, policyDays], comment: comments });
}
