// Builds the seeded organization. Everything comes from one PRNG stream, consumed in a fixed order,
// so the same seed always yields the same organization. The fixtures from fixtures.ts are inserted at
// fixed positions, and HOSTILE_NAMES are spread across every kind of name the UI shows.

import { FIXTURES, HOSTILE_NAMES, SEED_COUNTS, DEFAULT_API_KEY } from './fixtures';
import { createRng, pick, randomInt, randomString, shuffle, LOWER_ALNUM, UPPER_ALNUM, type Rng } from './random';
import { seedRoleBindings } from './roleBindingSeed';
import { Store, rfc3339, type AuthType, type Cluster, type ClusterKind, type Stamped } from './state';

const REGIONS: Record<Cluster['cloud'], string[]> = {
  AWS: ['us-east-1', 'us-west-2', 'eu-central-1', 'ap-southeast-2'],
  GCP: ['us-central1', 'europe-west1', 'asia-southeast1'],
  AZURE: ['eastus', 'westeurope', 'australiaeast'],
};
const KINDS: ClusterKind[] = ['Basic', 'Standard', 'Dedicated', 'Enterprise'];
const EXTRA_ENVIRONMENTS = ['Staging', 'Development', 'Analytics 📊 Ünïcode', '[click](command:workbench.action.quit)'];
const CLUSTER_NAMES = ['events', 'clickstream', 'billing', 'telemetry', 'audit-log', '<img src=x onerror=alert(1)>', 'ledger **bold**'];
const TEAMS = ['orders', 'billing', 'search', 'ledger', 'fraud', 'shipping', 'identity', 'catalog', 'inventory', 'growth'];
const ROLES = ['producer', 'consumer', 'connector', 'ksql', 'stream-app', 'etl', 'mirror', 'monitor'];
const FIRST = ['Ada', 'Grace', 'Alan', 'Zoë', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Ken', 'Frances', 'José', 'Søren', '李', 'Siobhán'];
const LAST = ['Hopper', 'Turing', 'Ångström', 'Hamilton', 'Ritchie', 'Liskov', 'Thompson', 'Allen', "O'Brien", 'Nuñez', '小龙', 'Kowalski'];

const EPOCH = Date.UTC(2021, 0, 4, 9, 0, 0);

export function seedOrganization(seed: number): Store {
  const rng = createRng(seed);
  const store = new Store(FIXTURES.organization.id, seed);
  let clock = EPOCH;
  const stamp = (): Stamped => {
    clock += randomInt(rng, 1, 40) * 60_000;
    const updated = rng() < 0.3 ? clock + randomInt(rng, 1, 500) * 3_600_000 : clock;
    return { seq: store.nextSeq(), createdAt: rfc3339(clock), updatedAt: rfc3339(updated) };
  };

  const org = FIXTURES.organization;
  store.organizations.set(org.id, { ...stamp(), id: org.id, displayName: org.displayName, jitEnabled: false });

  seedEnvironments(store, rng, stamp);
  const serviceAccountIds = seedServiceAccounts(store, rng, stamp);
  const userIds = seedUsers(store, rng, stamp);
  seedApiKeys(store, rng, stamp, serviceAccountIds, userIds);
  seedInvitations(store, rng, stamp);
  // Last, on a stream of its own, so the records above are the same as before bindings existed.
  seedRoleBindings(store, createRng(seed ^ 0x7b1d0000));
  return store;
}

type Stamper = () => Stamped;

function seedEnvironments(store: Store, rng: Rng, stamp: Stamper): void {
  const prod = FIXTURES.productionEnvironment;
  store.environments.set(prod.id, { ...stamp(), id: prod.id, displayName: prod.displayName, streamGovernance: prod.streamGovernance });
  const fixtureCluster = FIXTURES.productionCluster;
  addCluster(store, rng, stamp, prod.id, {
    id: fixtureCluster.id, displayName: fixtureCluster.displayName, cloud: fixtureCluster.cloud,
    region: fixtureCluster.region, kind: fixtureCluster.kind,
  });
  const extraProdClusters = randomInt(rng, 0, 2);
  for (let i = 0; i < extraProdClusters; i++) addCluster(store, rng, stamp, prod.id, {});

  const extra = randomInt(rng, 2, 3);
  const names = shuffle(rng, EXTRA_ENVIRONMENTS).slice(0, extra);
  for (const displayName of names) {
    const id = store.newId('env-', store.environments, 6);
    store.environments.set(id, { ...stamp(), id, displayName, ...(rng() < 0.5 ? { streamGovernance: 'ESSENTIALS' } : {}) });
    const clusters = randomInt(rng, 1, 3);
    for (let i = 0; i < clusters; i++) addCluster(store, rng, stamp, id, {});
  }
}

function addCluster(store: Store, rng: Rng, stamp: Stamper, environmentId: string, fixed: Partial<Cluster>): void {
  const cloud = fixed.cloud ?? pick(rng, ['AWS', 'GCP', 'AZURE'] as const);
  const kind = fixed.kind ?? pick(rng, KINDS);
  const id = fixed.id ?? store.newId('lkc-', store.clusters, 6);
  store.clusters.set(id, {
    ...stamp(),
    id,
    environmentId,
    displayName: fixed.displayName ?? `${pick(rng, CLUSTER_NAMES)}-${randomString(rng, LOWER_ALNUM, 3)}`,
    availability: kind === 'Basic' ? 'SINGLE_ZONE' : pick(rng, ['SINGLE_ZONE', 'MULTI_ZONE'] as const),
    cloud,
    region: fixed.region ?? pick(rng, REGIONS[cloud]),
    kind,
    ...(kind === 'Dedicated' ? { cku: randomInt(rng, 2, 6) } : {}),
    phase: 'PROVISIONED',
    endpointId: `pkc-${randomString(rng, LOWER_ALNUM, 5)}`,
  });
}

function seedServiceAccounts(store: Store, rng: Rng, stamp: Stamper): string[] {
  const add = (id: string, displayName: string, description: string): void => {
    store.serviceAccounts.set(id, { ...stamp(), id, displayName, description });
  };
  const pay = FIXTURES.paymentsServiceAccount;
  add(pay.id, pay.displayName, pay.description);
  add(FIXTURES.disposableServiceAccount.id, FIXTURES.disposableServiceAccount.displayName, '');
  // Same letters, different case: display_name filtering is exact.
  add(store.newId('sa-', store.serviceAccounts), 'Payments-Service', 'Not the payments-service fixture');
  for (const name of HOSTILE_NAMES) add(store.newId('sa-', store.serviceAccounts), name, pick(rng, HOSTILE_NAMES));
  let n = 0;
  while (store.serviceAccounts.size < SEED_COUNTS.serviceAccounts) {
    n++;
    const description = rng() < 0.3 ? '' : rng() < 0.05 ? pick(rng, HOSTILE_NAMES) : `Runs the ${pick(rng, TEAMS)} pipeline`;
    add(store.newId('sa-', store.serviceAccounts), `${pick(rng, TEAMS)}-${pick(rng, ROLES)}-${n}`, description);
  }
  // Fixture accounts keep exactly their documented keys.
  const fixed = new Set<string>([FIXTURES.disposableServiceAccount.id, pay.id]);
  return [...store.serviceAccounts.keys()].filter((id) => !fixed.has(id));
}

function seedUsers(store: Store, rng: Rng, stamp: Stamper): string[] {
  const add = (id: string, email: string, fullName: string, authType: AuthType): void => {
    store.users.set(id, { ...stamp(), id, email, fullName, authType });
  };
  add(FIXTURES.adminUser.id, FIXTURES.adminUser.email, FIXTURES.adminUser.fullName, 'AUTH_TYPE_LOCAL');
  add(FIXTURES.user.id, FIXTURES.user.email, FIXTURES.user.fullName, 'AUTH_TYPE_SSO');
  let n = 0;
  while (store.users.size < SEED_COUNTS.users) {
    n++;
    const first = pick(rng, FIRST);
    const last = pick(rng, LAST);
    const fullName = n % 50 === 0 ? pick(rng, HOSTILE_NAMES) : `${first} ${last}`;
    add(store.newId('u-', store.users, 6), `user${n}.${randomString(rng, LOWER_ALNUM, 4)}@example.com`, fullName,
      rng() < 0.3 ? 'AUTH_TYPE_SSO' : 'AUTH_TYPE_LOCAL');
  }
  const fixed = new Set<string>([FIXTURES.adminUser.id, FIXTURES.user.id]);
  return [...store.users.keys()].filter((id) => !fixed.has(id));
}

function seedApiKeys(store: Store, rng: Rng, stamp: Stamper, serviceAccountIds: string[], userIds: string[]): void {
  const add = (id: string, ownerId: string, resourceId: string | null, displayName: string, description = ''): void => {
    store.apiKeys.set(id, { ...stamp(), id, ownerId, resourceId, displayName, description });
  };
  const prodCluster = FIXTURES.productionCluster.id;
  add(DEFAULT_API_KEY, FIXTURES.adminUser.id, null, 'sandbox default key', 'Cloud key used to call the sandbox');
  const [pay1, pay2, payCloud] = FIXTURES.paymentsServiceAccount.apiKeyIds;
  add(pay1, FIXTURES.paymentsServiceAccount.id, prodCluster, 'payments producer');
  add(pay2, FIXTURES.paymentsServiceAccount.id, prodCluster, 'payments consumer');
  add(payCloud, FIXTURES.paymentsServiceAccount.id, null, 'payments cloud key');
  add(FIXTURES.user.apiKeyIds[0], FIXTURES.user.id, prodCluster, 'ada laptop');
  const clusterIds = [...store.clusters.keys()];
  while (store.apiKeys.size < 5000) {
    const ownerId = rng() < 0.8 ? pick(rng, serviceAccountIds) : pick(rng, userIds);
    const resourceId = rng() < 0.25 ? null : pick(rng, clusterIds);
    const roll = rng();
    const displayName = roll < 0.4 ? '' : roll < 0.43 ? pick(rng, HOSTILE_NAMES) : `${pick(rng, TEAMS)} ${pick(rng, ROLES)} key`;
    const id = randomString(rng, UPPER_ALNUM, 16);
    if (!store.apiKeys.has(id)) add(id, ownerId, resourceId, displayName, rng() < 0.1 ? 'rotated quarterly' : '');
  }
}

function seedInvitations(store: Store, rng: Rng, stamp: Stamper): void {
  const statuses = ['INVITE_STATUS_SENT', 'INVITE_STATUS_SENT', 'INVITE_STATUS_ACCEPTED', 'INVITE_STATUS_EXPIRED'];
  const add = (id: string, email: string, status: string): void => {
    const stamped = stamp();
    store.invitations.set(id, {
      ...stamped, id, email, status, authType: 'AUTH_TYPE_LOCAL',
      expiresAt: rfc3339(Date.parse(stamped.createdAt) + 30 * 86_400_000),
      userId: store.newId('u-', store.users, 6), creatorId: FIXTURES.adminUser.id,
    });
  };
  add(FIXTURES.invitation.id, FIXTURES.invitation.email, 'INVITE_STATUS_SENT');
  for (const status of statuses) add(store.newId('i-', store.invitations, 6), `invitee.${randomString(rng, LOWER_ALNUM, 5)}@example.com`, status);
}
