/**
 * Inline validation for create/update inputs, mirroring what the Confluent Cloud specs accept so
 * the user hears about a problem while typing rather than from a 422. Pure (no vscode) so the
 * rules are unit tested. Names inside the messages are made safe by `src/ui/inertText.ts`.
 */
import * as l10n from '@vscode/l10n';
import { quoted } from '../ui/inertText';

/** Names, descriptions and IDs are at most this many characters (the specs' common limit). */
export const MAX_FIELD_LENGTH = 255;

/** Length in characters as the API counts them (code points, so an emoji counts once). */
export function charLength(value: string): number {
  return [...value].length;
}

function tooLong(value: string, what: string): string | undefined {
  const length = charLength(value);
  return length > MAX_FIELD_LENGTH
    ? l10n.t({ message: 'The {0} can be at most {1} characters (now {2}).', args: [what, MAX_FIELD_LENGTH, length], comment: ['{0} names the field ("name", "description")'] })
    : undefined;
}

/** A required name: not blank, at most 255 characters. `what` names the field in the messages. */
export function validateRequiredName(value: string, what = l10n.t({ message: 'name', comment: ['the field to fill in, as in "Enter a name."'] })): string | undefined {
  if (value.trim() === '') return l10n.t({ message: 'Enter a {0}.', args: [what], comment: ['{0} names the field ("service account name")'] });
  return tooLong(value, what);
}

/** An optional text such as a description or an API key name: at most 255 characters. */
export function validateOptionalText(value: string, what = l10n.t('description')): string | undefined {
  return tooLong(value, what);
}

// The shape the API checks: one @, something on both sides, a dot in the domain, no spaces.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An email address for an invitation. */
export function validateEmail(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return l10n.t('Enter the email address of the person to invite.');
  if (!EMAIL.test(trimmed)) return l10n.t("{0} is not an email address (expected name@example.com).", quoted(trimmed));
  return tooLong(trimmed, l10n.t('email address'));
}

/**
 * The "type the name to delete" check: the exact name, not trimmed or case-folded, because a
 * near miss should not delete something.
 */
export function validateConfirmation(value: string, expected: string): string | undefined {
  if (value === expected) return undefined;
  return value === '' ? l10n.t('Type {0} to confirm.', quoted(expected)) : l10n.t('The text does not match the name.');
}
