/**
 * Turns a range choice into the exact interval to query. Intervals are absolute (never `now`):
 * the API requires the body to be identical on every page, and `now` invalidates page tokens.
 */
import * as l10n from '@vscode/l10n';
import { effectiveGranularity, GRANULARITY_SECONDS, type Granularity } from './granularity';
import type { Controls, RangePreset, TimeRange } from './protocol';

export const PRESET_SECONDS: Readonly<Record<RangePreset, number>> = {
  '1h': 3600,
  '6h': 6 * 3600,
  '24h': 24 * 3600,
  '7d': 7 * 24 * 3600,
};

/** The API keeps a few days of data; anything before this is certainly empty. */
export const MAX_LOOKBACK_MS = 31 * 24 * 3600 * 1000;

export interface ResolvedInterval {
  /** Epoch ms, aligned to the granularity (buckets are aligned to UTC). */
  readonly start: number;
  readonly end: number;
  readonly granularity: Granularity;
}

/** Length of the range in seconds before alignment; the granularity is chosen from it. */
export function rangeSeconds(range: TimeRange, now: number): number {
  if (range.kind === 'preset') return PRESET_SECONDS[range.preset];
  return Math.max(0, (Math.min(range.end, now) - range.start) / 1000);
}

/** Why a custom range can't be queried, or undefined when it can. */
export function validateRange(range: TimeRange, now: number): string | undefined {
  if (range.kind === 'preset') return undefined;
  if (!Number.isFinite(range.start) || !Number.isFinite(range.end)) return l10n.t('Pick a start and an end.');
  if (range.end <= range.start) return l10n.t('The end must be after the start.');
  if (range.start >= now) return l10n.t('The start is in the future.');
  if (range.start < now - MAX_LOOKBACK_MS) return l10n.t('The start is more than 31 days ago; the Metrics API keeps less.');
  if (range.end - range.start < 2 * 60_000) return l10n.t('Pick a range of at least 2 minutes.');
  return undefined;
}

/**
 * Resolves controls to the interval actually queried. Both ends are floored to the bucket size so
 * the last bucket is complete in time and the interval never exceeds the granularity's cap.
 */
export function resolveInterval(controls: Pick<Controls, 'range' | 'granularity'>, now: number): ResolvedInterval {
  const seconds = rangeSeconds(controls.range, now);
  const granularity = effectiveGranularity(controls.granularity, seconds);
  const stepMs = GRANULARITY_SECONDS[granularity] * 1000;
  const rawEnd = controls.range.kind === 'preset' ? now : Math.min(controls.range.end, now);
  const end = Math.floor(rawEnd / stepMs) * stepMs;
  const rawStart = controls.range.kind === 'preset' ? end - seconds * 1000 : controls.range.start;
  // Never before the end minus the range: a preset stays exactly 1 h / 6 h / 24 h / 7 d long.
  const start = Math.min(Math.ceil(rawStart / stepMs) * stepMs, end - stepMs);
  return { start, end, granularity };
}

/** ISO 8601 `start/end` as the API wants it. */
export function isoInterval(start: number, end: number): string {
  return `${new Date(start).toISOString()}/${new Date(end).toISOString()}`;
}
