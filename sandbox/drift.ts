// `--drift`: the live service does not match its specs exactly. Real responses have carried older
// api_version strings, fields the spec does not list, empty list metadata and `next` links naming the
// public host instead of the one the request went to. Which items drift is decided by a hash of their
// id, so a given item always drifts the same way.

import type { Context } from './api';
import { hashString } from './random';

const OLDER_VERSIONS: Record<string, string> = { 'iam/v2': 'iam/v1', 'org/v2': 'org/v1', 'cmk/v2': 'cmk/v2beta1' };

export function applyItemDrift<T extends Record<string, unknown>>(ctx: Context, item: T, id: string): T {
  if (!ctx.drift) return item;
  const h = hashString(`drift:${id}`);
  const out: Record<string, unknown> = { ...item };
  if (h % 5 === 0 && typeof out.api_version === 'string') out.api_version = OLDER_VERSIONS[out.api_version] ?? out.api_version;
  if (h % 3 === 0) {
    out.metadata = { ...(out.metadata as object), labels: { 'confluent.cloud/shard': `s${h % 17}` } };
    out.x_internal = { region_hint: 'us-west-2', flags: { legacy: true } };
  }
  if (h % 2 === 0 && typeof out.spec === 'object' && out.spec !== null) {
    const spec: Record<string, unknown> = { ...(out.spec as Record<string, unknown>) };
    // The 2022 API-keys spec had a `resources` array; some responses still carry it.
    if ('resource' in spec) spec.resources = spec.resource === null ? [] : [spec.resource];
    if (typeof spec.owner === 'object' && spec.owner !== null) spec.owner = { ...spec.owner, principal_type: 'INTERNAL' };
    out.spec = spec;
  }
  return out as T;
}

/** On the last page the metadata may be empty: without `next` there is nothing more to fetch anyway. */
export function applyListDrift(ctx: Context, metadata: Record<string, unknown>, hasMore: boolean): Record<string, unknown> {
  if (!ctx.drift || hasMore) return metadata;
  return {};
}
