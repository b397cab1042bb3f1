/**
 * Where document links go: a CRN links as a whole to its innermost resource, a bare ID to itself,
 * and IDs inside a CRN get no link of their own, so links never overlap. Pure: no vscode import.
 */
import type { Reference } from './idPatterns';

const REVEALABLE = new Set<string>(['environment', 'kafkaCluster', 'serviceAccount', 'user', 'apiKey']);

/** The link targets of a scan: one per bare ID, one per CRN (to its innermost ID). */
export function linkTargets(references: readonly Reference[]): { start: number; end: number; target: Reference }[] {
  const crns = references.filter((r) => r.kind === 'crn');
  const inside = (r: Reference): Reference | undefined => crns.find((c) => r !== c && r.start >= c.start && r.end <= c.end);
  const out: { start: number; end: number; target: Reference }[] = [];
  for (const crn of crns) {
    const ids = references.filter((r) => r.kind !== 'crn' && REVEALABLE.has(r.kind) && inside(r) === crn);
    const innermost = ids[ids.length - 1];
    if (innermost) out.push({ start: crn.start, end: crn.end, target: innermost });
  }
  for (const r of references) {
    if (r.kind !== 'crn' && REVEALABLE.has(r.kind) && !inside(r)) out.push({ start: r.start, end: r.end, target: r });
  }
  return out.sort((a, b) => a.start - b.start);
}
