import * as l10n from '@vscode/l10n';
import type { OrgConnection } from '../auth/orgConnection';
import { buildCrnPattern } from '../cloud/crn';
import type { NameSource } from '../explorer/accessText';
import { patternText } from '../explorer/accessText';
import { formatCount } from '../explorer/labels';
import { organizationIdOf } from './accessTargets';

/** How many binding sentences a delete confirmation lists. */
export const BINDING_PREVIEW_ROWS = 3;

/**
 * Lines for a delete confirmation about a principal's role bindings (the server removes them
 * with the account): the count and the first few as sentences. One request (a page of 100);
 * names come from what is loaded or cached, never fetched for this.
 */
export async function bindingPreviewLines(connection: OrgConnection, principalId: string, names: NameSource, signal?: AbortSignal): Promise<{ lines: string[]; total: number }> {
  const org = await organizationIdOf(connection, signal);
  const page = await connection.client.roleBindings.listPage({
    crnPattern: buildCrnPattern({ organization: org, nested: true }), principal: `User:${principalId}`, pageSize: 100, signal,
  });
  const more = page.nextPageToken !== undefined;
  const total = page.totalSize ?? page.items.length;
  if (total === 0) return { lines: [l10n.t('Role bindings: none.')], total };
  const shown = page.items.slice(0, BINDING_PREVIEW_ROWS).map((b) => `  ${l10n.t({ message: '{0} on {1}', args: [b.role_name, patternText(b.crn_pattern, names)], comment: ['{0} is a role, {1} the scope it is granted on'] })}`);
  const rest = total - shown.length;
  // Without a total from the server, a further page means there are more than counted.
  const atLeast = more && page.totalSize === undefined;
  return {
    lines: [
      atLeast ? l10n.t('Role bindings: {0}+, removed with it:', formatCount(total)) : l10n.t('Role bindings: {0}, removed with it:', formatCount(total)),
      ...shown,
      ...(rest > 0 ? [`  ${atLeast ? l10n.t('and {0}+ more', formatCount(rest)) : l10n.t('and {0} more', formatCount(rest))}`] : []),
    ],
    total,
  };
}

/** {@link bindingPreviewLines}, but a failure (e.g. 403) becomes a line: it must not block the delete. */
export async function bindingPreviewOrNote(connection: OrgConnection, principalId: string, names: NameSource, signal?: AbortSignal): Promise<string[]> {
  try {
    return (await bindingPreviewLines(connection, principalId, names, signal)).lines;
  } catch (error) {
    if (signal?.aborted) throw error;
    return [l10n.t("Role bindings: couldn't be listed with this API key (they are removed with it all the same).")];
  }
}
