import * as l10n from '@vscode/l10n';
import { buildCrnPattern } from '../../cloud/crn';
import type { RoleBinding } from '../../cloud/schemas/roleBinding';
import { parsePrincipal, patternText, principalText } from '../../explorer/accessText';
import { pickText } from '../../ui/inertText';
import type { StepResult } from '../../ui/multiStepInput';
import { pickPaged } from './pagedPicker';
import { tokenSource } from './pageSource';
import type { PickerContext, PickerPosition } from './resourcePickers';

/**
 * Role bindings across the organization (`organization=<org>/*`), paged: one request per page.
 * Rows read "DeveloperRead · sa-1 · topic 'orders'"; typing filters what is loaded.
 */
export function pickRoleBinding(
  ctx: PickerContext, at: PickerPosition, organization: string, placeholder = l10n.t('Select a role binding'),
): Promise<StepResult<RoleBinding>> {
  const { client } = ctx.connection;
  const crnPattern = buildCrnPattern({ organization, nested: true });
  return pickPaged<RoleBinding>({
    ...at, factory: ctx.factory, placeholder,
    emptyLabel: l10n.t('No role bindings'), loadFailed: (reason) => l10n.t("Couldn't load role bindings: {0}", reason),
    source: tokenSource((pageToken, signal) => client.roleBindings.listPage({ crnPattern, pageSize: ctx.pageSize, signal, ...(pageToken ? { pageToken } : {}) })),
    toItem: (rb) => ({
      label: pickText(`${rb.role_name} · ${principalText(parsePrincipal(rb.principal))}`),
      description: pickText(rb.id),
      detail: pickText(patternText(rb.crn_pattern), 200),
    }),
    key: (rb) => rb.id,
  });
}
