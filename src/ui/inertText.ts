/**
 * The one place that makes text from a server safe to show. Names, IDs, error titles and details
 * can hold anything: `[x](command:…)` (a live link in notifications), `$(icon)` (an icon in the
 * status bar, progress titles and QuickPick rows), Markdown and HTML (in tooltips), bidi controls
 * that make `sa-1‮gpj.exe` read backwards, invisible characters that make two names look alike,
 * and ten kilobytes of detail. Every surface picks the helper for what it renders; each helper
 * returns text that shows exactly the characters it was given (made visible), never markup.
 * Pure: no vscode import, unit tested in plain Node.
 */

/** Longest label or description in the tree and in QuickPick rows, in characters. */
export const LABEL_MAX = 80;
/** Longest single value in a tooltip. */
export const TOOLTIP_MAX = 500;
/** Longest notification or dialog message; the full text goes to the output channel. */
export const MESSAGE_MAX = 300;

// Bidi embeddings, overrides and isolates, the marks, the Arabic letter mark, and the invisible
// format characters that have no business in a name: zero-width space and non-joiner, word
// joiner and invisible operators, the BOM, the soft hyphen, the Mongolian vowel separator, and
// the interlinear annotation and object replacement controls. U+200D (zero-width joiner) stays:
// it holds emoji sequences together and cannot reorder or hide text on its own.
const INVISIBLE = /[\u00ad\u061c\u180e\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;
// C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is matched
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** Shows an invisible or bidi character as its code point, e.g. `[U+202E]`. */
function visible(ch: string): string {
  return `[U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`;
}

/**
 * Makes hidden characters visible (`[U+202E]`) and turns control characters and line breaks
 * into single spaces, so the text shows on one line exactly as it is spelled.
 */
export function revealHidden(text: string): string {
  return text.replace(INVISIBLE, visible).replace(CONTROL, ' ');
}

/** Shortens to `max` characters (code points, so an emoji is never cut in half), ending in "…". */
export function cap(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, Math.max(0, max - 1)).join('')}…` : text;
}

/**
 * One plain line: hidden characters revealed, whitespace collapsed, capped. For tree labels and
 * descriptions and for prompts, which render no markup but must stay readable.
 */
export function plainLine(text: string, max = LABEL_MAX): string {
  // Cap a huge input before the regular expressions walk all of it.
  const head = text.length > max * 4 + 64 ? text.slice(0, max * 4 + 64) : text;
  return cap(revealHidden(head).replace(/\s+/g, ' ').trim(), max);
}

// A zero-width space between `]` and `(` (and between `$` and `(`) leaves the text looking the
// same but no longer forms a link or an icon. It is added after revealHidden, on purpose.
function breakLinksAndIcons(text: string): string {
  return text.replace(/\]\s*\(/g, ']\u200b(').replace(/\$\(/g, '$\u200b(');
}

/**
 * Text for a notification, a modal dialog, a progress title or the status bar, all of which
 * render `[label](command:…)` links and `$(icon)`: one line, links and icons broken, capped at
 * {@link MESSAGE_MAX}. Log the original in full where the user may need it.
 */
export function inertMessage(text: string, max = MESSAGE_MAX): string {
  // Capped again after breaking: the zero-width spaces count too.
  return cap(breakLinksAndIcons(plainLine(text, max)), max);
}

/**
 * Like {@link inertMessage} but keeps line breaks (for a modal dialog's `detail`, which shows
 * lines as they are). Each line is made inert and the whole is capped.
 */
export function inertDetail(text: string, max = MESSAGE_MAX * 2): string {
  const lines = cap(text.length > max * 2 ? text.slice(0, max * 2) : text, max).split(/\r\n|\r|\n/);
  return lines.map((line) => breakLinksAndIcons(revealHidden(line).replace(/[ \t]+/g, ' ').trimEnd())).join('\n');
}

/**
 * Text for a QuickPick label, description or detail, which render `$(icon)`: one line, capped,
 * `$(` escaped with a backslash (shown literally, and typing `$(` still finds it).
 */
export function pickText(text: string, max?: number): string;
export function pickText(text: string | undefined, max?: number): string | undefined;
export function pickText(text: string | undefined, max = LABEL_MAX): string | undefined {
  if (text === undefined) return undefined;
  // Capped again after escaping; a cut never separates a `$(` from its backslash in front.
  return cap(plainLine(text, max).replace(/\$\(/g, '\\$('), max);
}

/** A name inside a sentence or prompt: quoted, inert, one line, capped. */
export function quoted(name: string, max = LABEL_MAX): string {
  return `'${inertMessage(name, max)}'`;
}

// CommonMark lets any ASCII punctuation character be backslash-escaped, and an escaped character
// is always rendered literally. Escaping all of them (not just the "usual" specials) also defeats
// GFM autolinks (`www.x.com`, `https://…`), HTML (`<img>`), entities (`&#91;`), and codicons (`$(x)`).
const ASCII_PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

/**
 * Escapes untrusted text so that Markdown renders it as the same plain characters: no links, no
 * HTML, no emphasis, no code spans, no headings or lists. Hidden characters are revealed and
 * line breaks become spaces, because a line break could start a new Markdown block. Capped at
 * `max` characters before escaping.
 */
export function escapeMarkdown(text: string, max = TOOLTIP_MAX): string {
  return plainLine(text, max).replace(ASCII_PUNCTUATION, (ch) => `\\${ch}`);
}
