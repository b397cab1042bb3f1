/**
 * Inline validation for create/update inputs, mirroring what the Confluent Cloud specs accept so
 * the user hears about a problem while typing rather than from a 422. Pure (no vscode) so the
 * rules are unit tested.
 */

/** Names, descriptions and IDs are at most this many characters (the specs' common limit). */
export const MAX_FIELD_LENGTH = 255;

/** Length in characters as the API counts them (code points, so an emoji counts once). */
export function charLength(value: string): number {
  return [...value].length;
}

function tooLong(value: string, what: string): string | undefined {
  const length = charLength(value);
  return length > MAX_FIELD_LENGTH ? `The ${what} can be at most ${MAX_FIELD_LENGTH} characters (now ${length}).` : undefined;
}

/** A required name: not blank, at most 255 characters. */
export function validateRequiredName(value: string, what = 'name'): string | undefined {
  if (value.trim() === '') return `Enter a ${what}.`;
  return tooLong(value, what);
}

/** An optional text such as a description or an API key name: at most 255 characters. */
export function validateOptionalText(value: string, what = 'description'): string | undefined {
  return tooLong(value, what);
}

// The shape the API checks: one @, something on both sides, a dot in the domain, no spaces.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An email address for an invitation. */
export function validateEmail(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return 'Enter the email address of the person to invite.';
  if (!EMAIL.test(trimmed)) return `'${trimmed}' is not an email address (expected name@example.com).`;
  return tooLong(trimmed, 'email address');
}

/**
 * The "type the name to delete" check: the exact name, not trimmed or case-folded, because a
 * near miss should not delete something.
 */
export function validateConfirmation(value: string, expected: string): string | undefined {
  if (value === expected) return undefined;
  return value === '' ? `Type ${quoteForPrompt(expected)} to confirm.` : 'The text does not match the name.';
}

/**
 * Shows a user-supplied name inside a prompt: quoted, one line, shortened. Names can hold
 * anything (newlines, bidi overrides), and prompts render plain text, so this only keeps the
 * prompt readable.
 */
export function quoteForPrompt(name: string, max = 80): string {
  // eslint-disable-next-line no-control-regex -- control and bidi characters are exactly what is removed
  const flat = inert(name.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]+/g, ' '));
  const chars = [...flat];
  return `'${chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : flat}'`;
}

/**
 * Keeps a name from acting as markup where VS Code renders some: `[text](command:…)` is a live
 * link in notifications and `$(icon)` an icon in the status bar and progress titles. A zero-width
 * space between the brackets and parentheses leaves the text looking the same but inert.
 */
export function inert(text: string): string {
  return text.replace(/\]\(/g, ']\u200b(').replace(/\$\(/g, '$\u200b(');
}

/**
 * Text from the API for QuickPick rows, which render `$(icon)`: escaped with a backslash (shown
 * literally, still found by typing it), on one line.
 */
export function pickText(text: string): string;
export function pickText(text: string | undefined): string | undefined;
export function pickText(text: string | undefined): string | undefined {
  // eslint-disable-next-line no-control-regex -- line breaks would be dropped by the row anyway
  return text?.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\$\(/g, '\\$(');
}
