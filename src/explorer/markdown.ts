/**
 * Markdown for tooltips. Everything that comes from the API (names, descriptions, emails) is
 * untrusted: a service account may be called `[click](command:…)` or `<img onerror=…>`; values
 * are escaped by the shared helper in `src/ui/inertText.ts`. No vscode import: unit tested in
 * plain Node.
 */
import { escapeMarkdown } from '../ui/inertText';

// Kept importable from here for the modules that already do; the helper lives in src/ui.
export { escapeMarkdown };

/** Longest tooltip title (a name) before it is shortened. */
const TITLE_MAX = 200;

/** One `**label:** value` tooltip line with the value escaped. */
export function markdownField(label: string, value: string | number | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  return `**${escapeMarkdown(label)}:** ${escapeMarkdown(String(value))}`;
}

/**
 * Builds tooltip Markdown from a title and fields; empty fields are skipped. The title and every
 * value are escaped here, so callers pass raw API strings.
 */
export function tooltipMarkdown(title: string, fields: ReadonlyArray<readonly [string, string | number | undefined]>): string {
  const lines = [`**${escapeMarkdown(title, TITLE_MAX)}**`];
  for (const [label, value] of fields) {
    const line = markdownField(label, value);
    if (line) lines.push(line);
  }
  // Two trailing spaces force a line break without starting a new paragraph.
  return lines.join('  \n');
}
