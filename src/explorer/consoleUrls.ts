/**
 * Links into the Confluent Cloud web console. Only meaningful for organizations on the public
 * endpoint; the explorer hides the action elsewhere. Pure; unit tested in plain Node.
 */
import * as l10n from '@vscode/l10n';
import { unsafeSegmentReason } from '../cloud/pathSegment';
import { inertMessage } from '../ui/inertText';
import type { ResourceKind } from './resourceIds';

const CONSOLE = 'https://confluent.cloud';

/** What a console link needs to know about a resource. */
export interface ConsoleTarget {
  readonly kind: ResourceKind | 'organization';
  readonly id: string;
  /** Environment of a Kafka cluster. */
  readonly environmentId?: string | undefined;
}

// What Confluent Cloud IDs look like (env-…, lkc-…, sa-…, u-…, API keys): letters, digits and a
// few marks. Anything else is not a real ID, and refusing it keeps every link to one path segment
// with nothing to percent-encode, so `vscode.Uri.parse` (which decodes `%2F`) opens exactly this.
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_~-]{0,127}$/;

/** The ID as one path segment; throws for an ID that could leave its segment (`..`, `a/../b`, `%2F`). */
export function consoleSegment(id: string): string {
  const reason = unsafeSegmentReason(id);
  if (reason !== undefined || !SAFE_ID.test(id)) {
    throw new Error(l10n.t({
      message: "Can't open {0} in the Confluent Cloud console: it is not a valid resource ID.",
      args: [inertMessage(`'${id}'`, 60)],
      comment: ['{0} is the quoted ID'],
    }));
  }
  return id;
}

/**
 * The console page for a resource. Throws when an ID is not one safe path segment, so a hostile
 * ID such as `x/../../logout` can never open another console page.
 */
export function consoleUrl(target: ConsoleTarget): string {
  const id = target.kind === 'organization' ? '' : consoleSegment(target.id);
  switch (target.kind) {
    case 'organization':
      return `${CONSOLE}/environments`;
    case 'environment':
      return `${CONSOLE}/environments/${id}/clusters`;
    case 'kafkaCluster':
      return target.environmentId
        ? `${CONSOLE}/environments/${consoleSegment(target.environmentId)}/clusters/${id}/overview`
        : `${CONSOLE}/environments`;
    case 'serviceAccount':
      return `${CONSOLE}/settings/org/accounts/service-accounts/${id}/settings`;
    case 'user':
      return `${CONSOLE}/settings/org/accounts/users/${id}/settings`;
    case 'apiKey':
      return `${CONSOLE}/settings/api-keys/${id}/settings`;
    // Bindings have no page of their own; they are managed from the accounts pages.
    case 'roleBinding':
      return `${CONSOLE}/settings/org/accounts`;
  }
}
