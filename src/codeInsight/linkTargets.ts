/**
 * Where document links go: a CRN links as a whole to its innermost resource, a bare ID to itself,
 * and IDs inside a CRN get no link of their own, so links never overlap. Pure: no vscode import.
 */
import { crnContaining, type Reference } from './idPatterns';

const REVEALABLE = new Set<string>(['environment', 'kafkaCluster', 'serviceAccount', 'user', 'apiKey']);

/** The link targets of a scan: one per bare ID, one per CRN (to its innermost ID). */
export function linkTargets(references: readonly Reference[]): { start: number; end: number; target: Reference }[] {
  const crns = references.filter((r) => r.kind === 'crn');
  const out: { start: number; end: number; target: Reference }[] = [];
  // The last revealable ID inside each CRN (references are in text order).
  const innermost = new Map<Reference, Reference>();
  for (const r of references) {
    if (r.kind === 'crn' || !REVEALABLE.has(r.kind)) continue;
    const crn = crnContaining(crns, r.start);
    if (crn) innermost.set(crn, r);
    else out.push({ start: r.start, end: r.end, target: r });
  }
  for (const [crn, target] of innermost) out.push({ start: crn.start, end: crn.end, target });
  return out.sort((a, b) => a.start - b.start);
}
