/**
 * Text for tool results and confirmations. Everything a server returned (names, descriptions,
 * error details, even IDs) goes through {@link inert}: the model may quote a result back into the
 * chat, which renders Markdown, so server text must not be able to become a link, a command, an
 * icon, emphasis or HTML there. A code span shows its content literally in every renderer; the
 * shared helpers additionally break `](` and `$(` and make bidi and invisible characters visible.
 * Pure: no vscode import.
 */
import { inertMessage } from '../ui/inertText';

/** Longest server string shown in one result cell. */
export const CELL_MAX = 120;

/**
 * A server string as an inert Markdown code span: one line, hidden characters revealed, links
 * and icons broken, capped, fenced with more backticks than the text contains.
 */
export function inert(text: string | null | undefined, max = CELL_MAX): string {
  const value = inertMessage(text ?? '', max);
  if (value === '') return '``';
  const longestRun = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  // A span that starts or ends with a backtick needs a space inside the fence (CommonMark).
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/** What every result starts with, so the model always knows which organization answered. */
export function organizationLine(label: string, orgId: string | undefined): string {
  return `Organization: ${inert(label)}${orgId ? ` (${inert(orgId)})` : ''}`;
}

/** "Showing 20 of 1,500." / "Showing 20." */
export function countLine(shown: number, total: number | undefined, noun: string): string {
  return total !== undefined ? `Showing ${shown} of ${total.toLocaleString('en-US')} ${noun}.` : `Showing ${shown} ${noun}.`;
}

/**
 * The sentence that tells the model how to get the rest, or undefined on the last page.
 * `remaining` is known for searches and for lists that report a total.
 */
export function moreLine(remaining: number | undefined, pageToken: string | undefined, toolName: string): string | undefined {
  if (!pageToken) return undefined;
  const how = `call ${toolName} again with the same arguments and "pageToken": "${pageToken}"`;
  return remaining !== undefined && remaining > 0
    ? `${remaining.toLocaleString('en-US')} more: ${how}.`
    : `More available: ${how}.`;
}

/** Characters the listed rows of one result may take, so a result stays under about 8,000. */
export const ROWS_BUDGET = 6500;

/**
 * How many of `rows` fit in `budget` characters (at least one, so paging always makes progress).
 * Long server names can make 50 rows far larger than 50 short ones; the rest go to the next page.
 */
export function fitRows(rows: readonly string[], budget = ROWS_BUDGET): number {
  let used = 0;
  for (let i = 0; i < rows.length; i++) {
    used += rows[i]!.length + 1;
    if (used > budget) return Math.max(1, i);
  }
  return rows.length;
}

/** Joins non-empty lines. */
export function lines(...parts: (string | undefined | false)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join('\n');
}
