/**
 * Links into the Confluent Cloud web console. Only meaningful for organizations on the public
 * endpoint; the explorer hides the action elsewhere. Pure; unit tested in plain Node.
 */
import type { ResourceKind } from './resourceIds';

const CONSOLE = 'https://confluent.cloud';

/** What a console link needs to know about a resource. */
export interface ConsoleTarget {
  readonly kind: ResourceKind | 'organization';
  readonly id: string;
  /** Environment of a Kafka cluster. */
  readonly environmentId?: string | undefined;
}

/** The console page for a resource. */
export function consoleUrl(target: ConsoleTarget): string {
  const id = encodeURIComponent(target.id);
  switch (target.kind) {
    case 'organization':
      return `${CONSOLE}/environments`;
    case 'environment':
      return `${CONSOLE}/environments/${id}/clusters`;
    case 'kafkaCluster':
      return target.environmentId
        ? `${CONSOLE}/environments/${encodeURIComponent(target.environmentId)}/clusters/${id}/overview`
        : `${CONSOLE}/environments`;
    case 'serviceAccount':
      return `${CONSOLE}/settings/org/accounts/service-accounts/${id}/settings`;
    case 'user':
      return `${CONSOLE}/settings/org/accounts/users/${id}/settings`;
    case 'apiKey':
      return `${CONSOLE}/settings/api-keys/${id}/settings`;
  }
}
