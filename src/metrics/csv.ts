/**
 * CSV export of what the chart shows. Labels come from the API (topic and principal names are
 * user-chosen), so every cell is quoted when needed and formula-looking text is neutralised.
 */
import type { ChartSeries } from './protocol';

/**
 * RFC 4180 quoting, plus a leading apostrophe for cells a spreadsheet would run as a formula
 * (`=`, `+`, `-`, `@`, tab, CR), the usual CSV-injection defence.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function numberCell(value: number | null | undefined): string {
  // Numbers are ours, never a formula; a negative value must stay a number, so no csvCell here.
  return value === null || value === undefined || !Number.isFinite(value) ? '' : String(value);
}

/**
 * One row per bucket: ISO timestamp (UTC) then one column per series. The unit goes into each
 * header ("orders (bytes/s)") so the file explains itself. CRLF line ends per RFC 4180.
 */
export function toCsv(timestamps: readonly number[], series: readonly ChartSeries[], unit: string): string {
  const header = ['timestamp', ...series.map((s) => `${s.label} (${unit})`)].map(csvCell).join(',');
  const lines = [header];
  timestamps.forEach((t, i) => {
    lines.push([new Date(t * 1000).toISOString(), ...series.map((s) => numberCell(s.values[i]))].join(','));
  });
  return `${lines.join('\r\n')}\r\n`;
}
