// Role bindings that exist in every seeded organization, whatever the seed, for tests to import.

import { FIXTURES } from './fixtures';

const ORG = `crn://confluent.cloud/organization=${FIXTURES.organization.id}`;
const PROD_ENV = `${ORG}/environment=${FIXTURES.productionEnvironment.id}`;
const PROD_CLUSTER = `${PROD_ENV}/cloud-cluster=${FIXTURES.productionCluster.id}`;
const PROD_KAFKA = `${PROD_CLUSTER}/kafka=${FIXTURES.productionCluster.id}`;
const PAYMENTS = `User:${FIXTURES.paymentsServiceAccount.id}`;

/** Topic names that must be shown literally. No `/` (it separates CRN segments); at most 249 characters, as in Kafka. */
export const HOSTILE_TOPIC_NAMES = [
  '[click](command:workbench.action.quit)',
  '$(icon) $(alert) ${env:HOME}',
  '**bold** _italic_ `code`',
  '<img src=x onerror=alert(1)>',
  '\u202Eevil-rtl-override\u202C',
  'zero\u200Bwidth\u200Djoiner',
  't'.repeat(249),
] as const;

export interface FixtureBinding { id: string; principal: string; roleName: string; crnPattern: string }

export const ROLE_BINDING_FIXTURES = {
  crn: { organization: ORG, productionEnvironment: PROD_ENV, productionCluster: PROD_CLUSTER },
  identityPool: 'pool-sbx0001',
  group: 'group-sbx0001',
  /** Schema Registry cluster named in the subject binding (the sandbox has no Schema Registry API). */
  schemaRegistry: 'lsrc-prod01',
  /** Bindings of payments-service in total: more than one page at the default page size of 100. */
  paymentsBindingCount: 130,
  /** payments-service's bindings on `ledger-000` … `ledger-123` (DeveloperRead, literal). */
  ledgerTopics: 124,
  orgAdmin: { id: 'rb-orgadm1', principal: `User:${FIXTURES.adminUser.id}`, roleName: 'OrganizationAdmin', crnPattern: ORG },
  envAdmin: { id: 'rb-envadm1', principal: `User:${FIXTURES.user.id}`, roleName: 'EnvironmentAdmin', crnPattern: PROD_ENV },
  clusterAdmin: { id: 'rb-clsadm1', principal: PAYMENTS, roleName: 'CloudClusterAdmin', crnPattern: PROD_CLUSTER },
  literalTopic: { id: 'rb-toplit1', principal: PAYMENTS, roleName: 'DeveloperWrite', crnPattern: `${PROD_KAFKA}/topic=payments` },
  prefixTopic: { id: 'rb-toppfx1', principal: PAYMENTS, roleName: 'DeveloperRead', crnPattern: `${PROD_KAFKA}/topic=payments-*` },
  consumerGroup: { id: 'rb-group01', principal: PAYMENTS, roleName: 'DeveloperRead', crnPattern: `${PROD_KAFKA}/group=payments-consumers` },
  transactionalId: { id: 'rb-txnid01', principal: PAYMENTS, roleName: 'DeveloperWrite', crnPattern: `${PROD_KAFKA}/transactional-id=payments-tx` },
  subject: { id: 'rb-subj001', principal: PAYMENTS, roleName: 'DeveloperRead', crnPattern: `${PROD_ENV}/schema-registry=lsrc-prod01/subject=payments-value` },
  allTopics: { id: 'rb-topall1', principal: 'User:pool-sbx0001', roleName: 'DeveloperRead', crnPattern: `${PROD_KAFKA}/topic=*` },
  groupPrincipal: { id: 'rb-grpdsc1', principal: 'Group:group-sbx0001', roleName: 'DataDiscovery', crnPattern: PROD_ENV },
  /**
   * A role the live service has but the shipped catalogue does not (the sandbox refuses it in POSTs), so
   * clients meet a binding they cannot describe.
   */
  unknownRole: { id: 'rb-unknwn1', principal: `User:${FIXTURES.user.id}`, roleName: 'KsqlAdmin', crnPattern: PROD_CLUSTER },
  /** The disposable service account's only binding, for cascade tests. */
  disposable: { id: 'rb-dispmv1', principal: `User:${FIXTURES.disposableServiceAccount.id}`, roleName: 'MetricsViewer', crnPattern: ORG },
} as const;

/** The fixed bindings above, in seed order. */
export const FIXTURE_BINDINGS: readonly FixtureBinding[] = [
  ROLE_BINDING_FIXTURES.orgAdmin, ROLE_BINDING_FIXTURES.envAdmin, ROLE_BINDING_FIXTURES.clusterAdmin,
  ROLE_BINDING_FIXTURES.literalTopic, ROLE_BINDING_FIXTURES.prefixTopic, ROLE_BINDING_FIXTURES.consumerGroup,
  ROLE_BINDING_FIXTURES.transactionalId, ROLE_BINDING_FIXTURES.subject, ROLE_BINDING_FIXTURES.allTopics,
  ROLE_BINDING_FIXTURES.groupPrincipal, ROLE_BINDING_FIXTURES.unknownRole, ROLE_BINDING_FIXTURES.disposable,
];
