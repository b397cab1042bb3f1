// The predefined roles the sandbox accepts in role bindings, and the scope levels each may be bound at.
// The sandbox never imports the extension's code (it stands in for the real service), so this is its own
// copy of the facts in src/cloud/roleCatalogue.ts; test/unit/cloud/roleBindings.catalogue.test.ts keeps them equal.

export type BindingLevel =
  | 'organization' | 'environment' | 'cloud-cluster' | 'schema-registry'
  | 'topic' | 'group' | 'transactional-id' | 'subject';

const RESOURCES: readonly BindingLevel[] = ['topic', 'group', 'transactional-id', 'subject'];

export const SANDBOX_ROLES: Readonly<Record<string, readonly BindingLevel[]>> = {
  OrganizationAdmin: ['organization'],
  AccountAdmin: ['organization'],
  BillingAdmin: ['organization'],
  ResourceKeyAdmin: ['organization'],
  NetworkAdmin: ['organization', 'environment'],
  MetricsViewer: ['organization', 'environment', 'cloud-cluster'],
  Operator: ['organization', 'environment', 'cloud-cluster'],
  EnvironmentAdmin: ['environment'],
  DataSteward: ['organization', 'environment'],
  DataDiscovery: ['organization', 'environment'],
  FlinkAdmin: ['environment'],
  FlinkDeveloper: ['organization', 'environment'],
  CloudClusterAdmin: ['cloud-cluster'],
  ResourceOwner: RESOURCES,
  DeveloperManage: RESOURCES,
  DeveloperRead: ['topic', 'group', 'transactional-id', 'subject'],
  DeveloperWrite: ['topic', 'transactional-id', 'subject'],
};
