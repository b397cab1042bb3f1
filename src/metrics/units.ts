/**
 * Display units for Metrics API values. Counters arrive as sums per bucket; the chart shows them
 * as rates per second so that changing the granularity doesn't change the height of the line.
 * Gauges (retained bytes, partitions, connections, lag) are shown as they are.
 * Shared by host (CSV headers) and webview (axes, tooltips): no vscode, no DOM.
 */
import * as l10n from '@vscode/l10n';

export const UNIT_KINDS = ['bytes', 'bytesPerSecond', 'count', 'perSecond', 'percent', 'seconds'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface DisplayUnit {
  readonly kind: UnitKind;
  /** What is counted, plural: "records", "requests". Empty when the metric doesn't say. */
  readonly noun: string;
}

/** Just the fields of a metric descriptor that decide its unit. */
export interface UnitSource {
  readonly name: string;
  /** GAUGE_INT64 | GAUGE_DOUBLE | COUNTER_INT64 | COUNTER_DOUBLE */
  readonly type: string;
  /** UCUM, e.g. "By", "1", "s", "%". */
  readonly unit: string;
}

const NOUNS: readonly [RegExp, string][] = [
  [/records/, 'records'],
  [/request_count$/, 'requests'],
  [/connection/, 'connections'],
  [/partition_count$/, 'partitions'],
  [/authentication/, 'authentications'],
  [/offsets?$/, 'offsets'],
];

export function isCounter(type: string): boolean {
  return type.startsWith('COUNTER');
}

export function displayUnitFor(source: UnitSource): DisplayUnit {
  const counter = isCounter(source.type);
  const noun = NOUNS.find(([re]) => re.test(source.name))?.[1] ?? '';
  switch (source.unit) {
    case 'By':
      return { kind: counter ? 'bytesPerSecond' : 'bytes', noun: '' };
    case 's':
      return { kind: 'seconds', noun: '' };
    case '%':
    case 'Percent':
      return { kind: 'percent', noun: '' };
    default:
      return { kind: counter ? 'perSecond' : 'count', noun };
  }
}

/** Converts one API bucket value to the displayed value (counters become per-second rates). */
export function toDisplayValue(value: number, type: string, granularitySeconds: number): number {
  return isCounter(type) ? value / granularitySeconds : value;
}

/** Unit label for axis titles and CSV headers: "bytes/s", "records/s", "partitions". */
export function unitLabel(unit: DisplayUnit): string {
  switch (unit.kind) {
    case 'bytes':
      return 'bytes';
    case 'bytesPerSecond':
      return 'bytes/s';
    case 'perSecond':
      return `${unit.noun || 'events'}/s`;
    case 'count':
      return unit.noun || 'count';
    case 'percent':
      return '%';
    case 'seconds':
      return 's';
  }
}

// Decimal prefixes, as the Confluent Cloud console uses for throughput.
const BYTE_STEPS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'] as const;
const COUNT_STEPS = ['', 'k', 'M', 'G', 'T'] as const;

function scaled(value: number, steps: readonly string[]): { n: number; suffix: string } {
  let n = value;
  let i = 0;
  while (Math.abs(n) >= 1000 && i < steps.length - 1) {
    n /= 1000;
    i++;
  }
  return { n, suffix: steps[i] ?? '' };
}

/** At most 3 significant digits, no trailing zeros: 1.5, 12.3, 999, 0.012. */
function compact(n: number): string {
  if (n === 0) return '0';
  const abs = Math.abs(n);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return String(Number(n.toFixed(digits)));
}

/** Short form for axis ticks and the legend: "1.5 MB/s", "12.3k records/s", "42 partitions". */
export function formatShort(value: number | null | undefined, unit: DisplayUnit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  switch (unit.kind) {
    case 'bytes':
    case 'bytesPerSecond': {
      const { n, suffix } = scaled(value, BYTE_STEPS);
      return `${compact(n)} ${suffix}${unit.kind === 'bytesPerSecond' ? '/s' : ''}`;
    }
    case 'perSecond':
    case 'count': {
      const { n, suffix } = scaled(value, COUNT_STEPS);
      const label = unitLabel(unit);
      return `${compact(n)}${suffix} ${label}`;
    }
    case 'percent':
      return `${compact(value)} %`;
    case 'seconds':
      return `${compact(value)} s`;
  }
}

// Built on first use: creating a NumberFormat loads locale data (about 2 ms), which would
// otherwise be paid by whatever command first loads the features bundle.
let exactFormat: Intl.NumberFormat | undefined;
function exactNumber(value: number): string {
  exactFormat ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
  return exactFormat.format(value);
}

/**
 * Exact form for tooltips: every integer digit kept, plus the short form when it reads easier,
 * e.g. "1,536,000 bytes/s (1.54 MB/s)".
 */
export function formatExact(value: number | null | undefined, unit: DisplayUnit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return l10n.t('no data');
  const exact = `${exactNumber(value)} ${unitLabel(unit)}`;
  const short = formatShort(value, unit);
  return Math.abs(value) >= 1000 ? `${exact} (${short})` : exact;
}
