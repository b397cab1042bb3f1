// Metrics API filters: field comparisons (EQ/GT/GTE, lexicographic on label values) combined with
// AND/OR/NOT. Parsing validates the whole tree up front so evaluation never meets a surprise.

import { badRequest } from '../failure';

export type Filter =
  | { field: string; op: 'EQ' | 'GT' | 'GTE'; value: string }
  | { op: 'AND' | 'OR'; filters: Filter[] }
  | { op: 'NOT'; filter: Filter };

const MAX_DEPTH = 16;

const invalid = (detail: string) => badRequest(detail, undefined, 'invalid_request');

export function parseFilter(raw: unknown, fields: ReadonlySet<string>, depth = 0): Filter {
  if (depth > MAX_DEPTH) throw invalid('filter is nested too deeply');
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw invalid('filter must be an object');
  const f = raw as Record<string, unknown>;
  switch (f.op) {
    case 'EQ': case 'GT': case 'GTE': {
      if (typeof f.field !== 'string') throw invalid(`filter with op ${f.op} needs a 'field'`);
      if (!fields.has(f.field)) throw invalid(`'${f.field.slice(0, 80)}' is not a valid filter field for this metric`);
      if (typeof f.value !== 'string' && typeof f.value !== 'number') throw invalid(`filter on '${f.field}' needs a string or integer 'value'`);
      return { field: f.field, op: f.op, value: String(f.value) };
    }
    case 'AND': case 'OR': {
      if (!Array.isArray(f.filters) || f.filters.length === 0) throw invalid(`filter with op ${f.op} needs a non-empty 'filters' array`);
      return { op: f.op, filters: f.filters.map((child: unknown) => parseFilter(child, fields, depth + 1)) };
    }
    case 'NOT':
      return { op: 'NOT', filter: parseFilter(f.filter, fields, depth + 1) };
    default:
      throw invalid(`filter op must be one of EQ, GT, GTE, AND, OR, NOT`);
  }
}

export function evaluate(filter: Filter, labels: Readonly<Record<string, string>>): boolean {
  if ('field' in filter) {
    const actual = labels[filter.field];
    if (actual === undefined) return false;
    if (filter.op === 'EQ') return actual === filter.value;
    if (filter.op === 'GT') return actual > filter.value;
    return actual >= filter.value;
  }
  if (filter.op === 'NOT') return !evaluate(filter.filter, labels);
  if (filter.op === 'AND') return filter.filters.every((f) => evaluate(f, labels));
  return filter.filters.some((f) => evaluate(f, labels));
}

/** Every value compared for equality against `field` anywhere in the tree. */
export function equalityValues(filter: Filter, field: string): string[] {
  if ('field' in filter) return filter.field === field && filter.op === 'EQ' ? [filter.value] : [];
  if (filter.op === 'NOT') return equalityValues(filter.filter, field);
  return filter.filters.flatMap((f) => equalityValues(f, field));
}

export function mentions(filter: Filter, field: string): boolean {
  if ('field' in filter) return filter.field === field;
  if (filter.op === 'NOT') return mentions(filter.filter, field);
  return filter.filters.some((f) => mentions(f, field));
}

/**
 * The only values `field` can take for the filter to pass, when the tree pins it down (EQ leaves
 * combined by AND/OR); undefined when it does not. Lets queries skip clusters they cannot match.
 */
export function pinnedValues(filter: Filter, field: string): Set<string> | undefined {
  if ('field' in filter) return filter.field === field && filter.op === 'EQ' ? new Set([filter.value]) : undefined;
  if (filter.op === 'NOT') return undefined;
  const children = filter.filters.map((f) => pinnedValues(f, field));
  if (filter.op === 'OR') {
    if (children.some((c) => c === undefined)) return undefined;
    return new Set(children.flatMap((c) => [...(c ?? [])]));
  }
  const pinned = children.filter((c): c is Set<string> => c !== undefined);
  if (pinned.length === 0) return undefined;
  return new Set([...(pinned[0] ?? [])].filter((v) => pinned.every((c) => c.has(v))));
}
