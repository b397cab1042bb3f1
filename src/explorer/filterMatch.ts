/**
 * Client-side filtering of loaded resources. Pure, so it is unit tested in plain Node.
 */

/** Normalises a user-typed filter: trimmed, empty means "no filter". */
export function normalizeFilter(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * True when any of the fields contains the filter, ignoring case and accents. Matching on several
 * fields (name, ID, email…) means users can paste whatever they have at hand.
 */
export function matchesFilter(filter: string, fields: ReadonlyArray<string | undefined | null>): boolean {
  const needle = fold(filter);
  return fields.some((field) => !!field && fold(field).includes(needle));
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}
