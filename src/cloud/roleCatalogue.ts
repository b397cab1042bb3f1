// Confluent Cloud's predefined RBAC roles. Role definitions are not in the public API (the CLI reads a
// private endpoint), so this is a shipped table taken from Confluent Cloud's RBAC documentation. It is
// advice for pickers and labels, never a gate on what the API returns: a binding whose role is not listed
// here is still shown as it is (see `describeRole`).

import * as l10n from '@vscode/l10n';
import type { ScopeLevel } from './crn';

export interface RoleInfo {
  name: string;
  /** Levels a binding of this role may be made at. */
  levels: readonly ScopeLevel[];
  /** One line for pickers and tooltips, in the display language. */
  readonly description: string;
  /** Bound to topics, consumer groups, transactional IDs or subjects inside a cluster. */
  resourceLevel: boolean;
}

const KAFKA_AND_SUBJECTS: readonly ScopeLevel[] = ['topic', 'group', 'transactional-id', 'subject'];

/**
 * `describe` runs on each read: the table is built when the module loads, before activation has
 * configured the translations.
 */
function role(name: string, levels: readonly ScopeLevel[], describe: () => string): RoleInfo {
  return {
    name, levels, resourceLevel: levels.some((l) => KAFKA_AND_SUBJECTS.includes(l)),
    get description() {
      return describe();
    },
  };
}

/** Every known role, organization-wide roles first. */
export const ROLE_CATALOGUE: readonly RoleInfo[] = [
  role('OrganizationAdmin', ['organization'], () => l10n.t('Full access to everything in the organization, including billing and accounts.')),
  role('AccountAdmin', ['organization'], () => l10n.t('Manages users, service accounts, identity providers and their role bindings.')),
  role('BillingAdmin', ['organization'], () => l10n.t('Views and manages billing, payment and usage.')),
  role('ResourceKeyAdmin', ['organization'], () => l10n.t('Manages API keys for the resources in the organization.')),
  role('NetworkAdmin', ['organization', 'environment'], () => l10n.t('Manages networks, peering and private links.')),
  role('MetricsViewer', ['organization', 'environment', 'cloud-cluster'], () => l10n.t('Reads metrics through the Metrics API.')),
  role('Operator', ['organization', 'environment', 'cloud-cluster'], () => l10n.t('Views resources and their health; pauses and resumes connectors.')),
  role('EnvironmentAdmin', ['environment'], () => l10n.t('Full access to an environment and everything in it.')),
  role('DataSteward', ['organization', 'environment'], () => l10n.t('Manages schemas, tags and business metadata in Stream Governance.')),
  role('DataDiscovery', ['organization', 'environment'], () => l10n.t('Searches and views the Stream Catalog.')),
  role('FlinkAdmin', ['environment'], () => l10n.t('Manages Flink compute pools and every Flink statement in an environment.')),
  role('FlinkDeveloper', ['organization', 'environment'], () => l10n.t('Runs Flink statements and views compute pools.')),
  role('CloudClusterAdmin', ['cloud-cluster'], () => l10n.t('Full access to one Kafka cluster and its topics, groups and connectors.')),
  role('ResourceOwner', KAFKA_AND_SUBJECTS, () => l10n.t('Reads, writes and manages a resource, and grants others access to it.')),
  role('DeveloperManage', KAFKA_AND_SUBJECTS, () => l10n.t('Creates, alters and deletes a resource, without reading or writing data.')),
  role('DeveloperRead', ['topic', 'group', 'transactional-id', 'subject'], () => l10n.t('Reads data: consumes from topics, joins consumer groups, reads schemas.')),
  role('DeveloperWrite', ['topic', 'transactional-id', 'subject'], () => l10n.t('Writes data: produces to topics, uses transactional IDs, registers schemas.')),
];

const BY_NAME = new Map(ROLE_CATALOGUE.map((r) => [r.name, r]));

/** The catalogue entry, or undefined for a role this version does not know. */
export function roleInfo(name: string): RoleInfo | undefined {
  return BY_NAME.get(name);
}

/** Roles that may be bound at `level`, in catalogue order. */
export function rolesAt(level: ScopeLevel): RoleInfo[] {
  return ROLE_CATALOGUE.filter((r) => r.levels.includes(level));
}

/** True when the role is known and may be bound at `level`; unknown roles answer undefined (can't tell). */
export function roleAllowedAt(name: string, level: ScopeLevel): boolean | undefined {
  const info = roleInfo(name);
  return info === undefined ? undefined : info.levels.includes(level);
}

/** A description for any role name, known or not, so unknown roles are shown rather than dropped. */
export function describeRole(name: string): string {
  return roleInfo(name)?.description ?? l10n.t('A role this version of the extension does not describe.');
}
