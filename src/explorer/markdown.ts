/**
 * Markdown helpers for tooltips. Everything that comes from the API (names, descriptions, emails)
 * is untrusted: a service account may be called `[click](command:…)` or `<img onerror=…>`.
 * This module never imports vscode so it can be unit tested in plain Node.
 */

// CommonMark lets any ASCII punctuation character be backslash-escaped, and an escaped character
// is always rendered literally. Escaping all of them (not just the "usual" specials) also defeats
// GFM autolinks (`www.x.com`, `https://…`), HTML (`<img>`), entities (`&#91;`), and codicons (`$(x)`).
const ASCII_PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

/**
 * Escapes untrusted text so that Markdown renders it as the same plain characters: no links, no
 * HTML, no emphasis, no code spans, no headings or lists. Line breaks become spaces because the
 * values are shown inline in a tooltip and a line break could start a new Markdown block.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
    .replace(ASCII_PUNCTUATION, (ch) => `\\${ch}`);
}

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
  const lines = [`**${escapeMarkdown(title)}**`];
  for (const [label, value] of fields) {
    const line = markdownField(label, value);
    if (line) lines.push(line);
  }
  // Two trailing spaces force a line break without starting a new paragraph.
  return lines.join('  \n');
}
