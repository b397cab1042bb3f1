// Seeds role bindings after everything else, from a PRNG stream of their own, so adding them changed no
// other seeded record. Fixtures first (fixed ids), then bindings at every level across the organization.

import { FIXTURES } from './fixtures';
import { pick, randomInt, randomString, LOWER_ALNUM, type Rng } from './random';
import { FIXTURE_BINDINGS, HOSTILE_TOPIC_NAMES, ROLE_BINDING_FIXTURES } from './roleBindingFixtures';
import { rfc3339, type Store } from './state';

const EPOCH = Date.UTC(2022, 2, 1, 9, 0, 0);
const TOPICS = ['orders', 'clicks', 'audit', 'invoices', 'shipments', 'fraud-signals'];

export function seedRoleBindings(store: Store, rng: Rng): void {
  let clock = EPOCH;
  // Ids come from this stream, not the store's runtime one, so ids minted by API creates stay as they were.
  const seededId = (): string => {
    for (;;) {
      const id = `rb-${randomString(rng, LOWER_ALNUM, 7)}`;
      if (!store.roleBindings.has(id)) return id;
    }
  };
  const taken = new Set<string>();
  const add = (principal: string, roleName: string, crnPattern: string, fixedId?: string): void => {
    // The same principal, role and pattern twice would be a 409 through the API.
    const key = JSON.stringify([principal, roleName, crnPattern]);
    if (taken.has(key)) return;
    taken.add(key);
    clock += 60_000;
    const id = fixedId ?? seededId();
    const at = rfc3339(clock);
    store.roleBindings.set(id, { seq: store.nextSeq(), createdAt: at, updatedAt: at, id, principal, roleName, crnPattern });
  };
  store.identityPools.add(ROLE_BINDING_FIXTURES.identityPool);
  store.groups.add(ROLE_BINDING_FIXTURES.group);
  for (const rb of FIXTURE_BINDINGS) add(rb.principal, rb.roleName, rb.crnPattern, rb.id);

  const prodKafka = `${ROLE_BINDING_FIXTURES.crn.productionCluster}/kafka=${FIXTURES.productionCluster.id}`;
  const payments = `User:${FIXTURES.paymentsServiceAccount.id}`;
  for (let i = 0; i < ROLE_BINDING_FIXTURES.ledgerTopics; i++) add(payments, 'DeveloperRead', `${prodKafka}/topic=ledger-${String(i).padStart(3, '0')}`);
  for (const name of HOSTILE_TOPIC_NAMES) add(`User:${FIXTURES.user.id}`, 'DeveloperRead', `${prodKafka}/topic=${name}`);
  add(`User:${FIXTURES.user.id}`, 'ResourceOwner', `${prodKafka}/topic=${HOSTILE_TOPIC_NAMES[0]}-*`);

  const fixedAccounts = new Set<string>([FIXTURES.paymentsServiceAccount.id, FIXTURES.disposableServiceAccount.id]);
  const accounts = [...store.serviceAccounts.keys()].filter((id) => !fixedAccounts.has(id)).slice(0, 200);
  const users = [...store.users.keys()].filter((id) => id !== FIXTURES.adminUser.id && id !== FIXTURES.user.id).slice(0, 50);
  const someAccount = (): string => `User:${pick(rng, accounts)}`;
  const org = ROLE_BINDING_FIXTURES.crn.organization;
  add(`User:${pick(rng, users)}`, 'AccountAdmin', org);
  add(`User:${pick(rng, users)}`, 'BillingAdmin', org);
  add(someAccount(), 'MetricsViewer', org);
  add(`Group:${ROLE_BINDING_FIXTURES.group}`, 'FlinkDeveloper', org);

  for (const env of store.environments.values()) {
    const envCrn = `${org}/environment=${env.id}`;
    if (env.id !== FIXTURES.productionEnvironment.id) add(`User:${pick(rng, users)}`, 'EnvironmentAdmin', envCrn);
    add(someAccount(), 'Operator', envCrn);
    for (const cluster of store.clusters.values()) {
      if (cluster.environmentId !== env.id) continue;
      const clusterCrn = `${envCrn}/cloud-cluster=${cluster.id}`;
      const kafka = `${clusterCrn}/kafka=${cluster.id}`;
      if (cluster.id !== FIXTURES.productionCluster.id) add(someAccount(), 'CloudClusterAdmin', clusterCrn);
      // Granular Kafka RBAC does not exist on Basic clusters.
      if (cluster.kind === 'Basic') continue;
      const topics = randomInt(rng, 2, 5);
      for (let i = 0; i < topics; i++) {
        const topic = pick(rng, TOPICS);
        add(someAccount(), pick(rng, ['DeveloperRead', 'DeveloperWrite', 'DeveloperManage', 'ResourceOwner']), `${kafka}/topic=${topic}${rng() < 0.3 ? '-*' : ''}`);
      }
      add(someAccount(), 'DeveloperRead', `${kafka}/group=${pick(rng, TOPICS)}-consumers`);
      add(`User:${ROLE_BINDING_FIXTURES.identityPool}`, 'DeveloperWrite', `${kafka}/transactional-id=${pick(rng, TOPICS)}-*`);
    }
  }
}
