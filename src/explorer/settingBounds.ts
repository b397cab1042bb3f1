/**
 * Defaults and bounds of the explorer's paging settings, and how a raw setting value is read.
 * Pure (no vscode), so the unit tests check them against the request side and the manifest.
 */
import { clampPageSize, MAX_PAGE_SIZE, MIN_PAGE_SIZE } from '../cloud/pagination';

/** Default and bounds of `confluentCloud.pageSize`: the bounds are the request's own. */
export const PAGE_SIZE = { default: 50, min: MIN_PAGE_SIZE, max: MAX_PAGE_SIZE } as const;

/**
 * The `confluentCloud.pageSize` setting as a page size: clamped exactly like a request's
 * `page_size` (one clamp, one set of bounds), with the default for junk where a request would
 * leave the size to the server.
 */
export function pageSizeSetting(value: unknown): number {
  return clampPageSize(typeof value === 'number' ? value : undefined) ?? PAGE_SIZE.default;
}

/** Default and floor of `confluentCloud.loadAllLimit`. */
export const LOAD_ALL_LIMIT = { default: 10_000, min: 1 } as const;

/** Clamps the item limit of paging loops; junk falls back to the default. */
export function loadAllLimitSetting(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return LOAD_ALL_LIMIT.default;
  return Math.max(LOAD_ALL_LIMIT.min, Math.floor(value));
}
