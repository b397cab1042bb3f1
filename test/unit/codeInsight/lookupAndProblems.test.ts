// Lookups, Problems-panel rules and the key review against the sandbox over real HTTP.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { FIXTURES, SEED_COUNTS } from '../../../sandbox/fixtures';
import { CompletionSource } from '../../../src/codeInsight/completionSource';
import { findReferences } from '../../../src/codeInsight/idPatterns';
import { MAX_BINDING_PAGES, MAX_KEY_PAGES, reviewOrganization } from '../../../src/codeInsight/keyReviewData';
import { computeProblems } from '../../../src/codeInsight/problems';
import { type LookupConnection, ResourceLookup } from '../../../src/codeInsight/resourceLookup';
import { findSecrets } from '../../../src/codeInsight/secretScan';
import { useHarness } from '../cloud/sandboxClient';

const ORG = FIXTURES.organization.id;
const SECRET = `cflt${'Ab3+/xYz9Q'.repeat(6)}`;

void describe('code insight against the sandbox', () => {
  const h = useHarness();
  const connection = (): LookupConnection => ({ id: 'c1', label: 'Sandbox Organization', orgId: ORG, client: h.client });
  const scan = (text: string) => ({ references: findReferences(text), secrets: findSecrets(text) });

  void it('finds each kind by ID, caches per organization + ID, and sends one request for concurrent lookups', async () => {
    const lookup = new ResourceLookup(() => [connection()]);
    const [a, b] = await Promise.all([lookup.lookup('serviceAccount', FIXTURES.paymentsServiceAccount.id), lookup.lookup('serviceAccount', FIXTURES.paymentsServiceAccount.id)]);
    assert.equal(a.status, 'found');
    assert.equal(b.status, 'found');
    assert.equal(h.hits(`/iam/v2/service-accounts/${FIXTURES.paymentsServiceAccount.id}`), 1);
    await lookup.lookup('serviceAccount', FIXTURES.paymentsServiceAccount.id);
    assert.equal(h.hits(`/iam/v2/service-accounts/${FIXTURES.paymentsServiceAccount.id}`), 1, 'the second lookup is cached');
    assert.equal((await lookup.lookup('user', FIXTURES.user.id)).status, 'found');
    assert.equal((await lookup.lookup('environment', FIXTURES.productionEnvironment.id)).status, 'found');
    assert.equal((await lookup.lookup('apiKey', FIXTURES.paymentsServiceAccount.apiKeyIds[0])).status, 'found');
    const cluster = await lookup.lookup('kafkaCluster', FIXTURES.productionCluster.id);
    assert.equal(cluster.status === 'found' && cluster.matches[0]?.kind === 'kafkaCluster' ? cluster.matches[0].resource.spec.environment.id : '', FIXTURES.productionEnvironment.id);
    assert.equal((await lookup.lookup('serviceAccount', 'sa-gone0001')).status, 'missing');
  });

  void it('an organization that cannot answer makes the result unknown, never "missing"', async () => {
    const broken = h.clientWith({ getCredentials: async () => ({ key: 'WRONG', secret: 'wrong' }), retry: { maxAttempts: 1 } });
    const lookup = new ResourceLookup(() => [connection(), { id: 'c2', label: 'Broken', client: broken }]);
    const result = await lookup.lookup('serviceAccount', 'sa-gone0001');
    assert.equal(result.status, 'unknown');
    const problems = await computeProblems(scan('id = "sa-gone0001"'), lookup);
    assert.deepEqual(problems, [], 'no "does not exist" claim while one organization cannot tell');
  });

  void it('reports unknown IDs, secrets with their key\'s owner, and CRNs whose parts disagree', async () => {
    const lookup = new ResourceLookup(() => [connection()]);
    const text = [
      'owner = "sa-gone0001"',
      `username="${FIXTURES.paymentsServiceAccount.apiKeyIds[0]}" password="${SECRET}"`,
      `crn = "crn://confluent.cloud/organization=${ORG}/environment=env-wrong01/cloud-cluster=${FIXTURES.productionCluster.id}"`,
      `key_crn = "crn://confluent.cloud/organization=${ORG}/user=${FIXTURES.user.id}/api-key=${FIXTURES.paymentsServiceAccount.apiKeyIds[1]}"`,
      `ok = "crn://confluent.cloud/organization=${ORG}/service-account=${FIXTURES.paymentsServiceAccount.id}"`,
    ].join('\n');
    const problems = await computeProblems(scan(text), lookup);
    const messages = problems.map((p) => `${p.code}: ${p.message}`);
    assert.deepEqual(messages, [
      'unknownId: service account sa-gone0001 does not exist in Sandbox Organization — deleted?',
      `plaintextSecret: API secret in plain text for key ${FIXTURES.paymentsServiceAccount.apiKeyIds[0]} owned by payments-service (Sandbox Organization).`,
      `crnMismatch: CRN parts do not belong together: Kafka cluster ${FIXTURES.productionCluster.id} is in environment ${FIXTURES.productionEnvironment.id}, not env-wrong01.`,
      'unknownId: environment env-wrong01 does not exist in Sandbox Organization — deleted?',
      `crnMismatch: CRN parts do not belong together: API key ${FIXTURES.paymentsServiceAccount.apiKeyIds[1]} belongs to ${FIXTURES.paymentsServiceAccount.id}, not ${FIXTURES.user.id}.`,
    ]);
    assert.ok(!messages.join('\n').includes(SECRET.slice(4, 30)), 'the secret never appears in a message');
    assert.ok(!h.sandbox.requests().some((r) => r.path.includes(SECRET.slice(4, 30))), 'the secret is never sent');
  });

  void it('fetches at most the budget of uncached IDs per pass; the next pass continues from the cache', async () => {
    const lookup = new ResourceLookup(() => [connection()]);
    const text = Array.from({ length: 20 }, (_, i) => `sa-miss${String(i).padStart(4, '0')}`).join('\n');
    h.sandbox.clearRequests();
    const first = await computeProblems(scan(text), lookup, 8);
    assert.equal(first.length, 8);
    assert.equal(h.hits('/iam/v2/service-accounts/'), 8);
    const second = await computeProblems(scan(text), lookup, 8);
    assert.equal(second.length, 16);
    assert.equal(h.hits('/iam/v2/service-accounts/'), 16, 'cached answers cost nothing');
  });

  void it('completion candidates: one page per list and organization, cached', async () => {
    const lookup = new ResourceLookup(() => [connection()]);
    const source = new CompletionSource(lookup);
    const accounts = await source.candidates(connection(), 'serviceAccount');
    assert.ok(accounts.some((a) => a.id === FIXTURES.paymentsServiceAccount.id && a.name === 'payments-service'));
    await source.candidates(connection(), 'serviceAccount');
    assert.equal(h.hits('/iam/v2/service-accounts', 'GET'), 1);
    const clusters = await source.candidates(connection(), 'kafkaCluster');
    assert.ok(clusters.some((c) => c.id === FIXTURES.productionCluster.id && c.environmentId === FIXTURES.productionEnvironment.id));
  });

  void it('key review: bounded paging, owner names, deleted owners and flags', async () => {
    const report = await reviewOrganization({ id: 'c1', label: 'Sandbox Organization', orgId: ORG, client: h.client }, { policyDays: 90, activityEnabled: false, now: Date.UTC(2026, 11, 1) });
    assert.equal(report.rows.length, MAX_KEY_PAGES * 100, 'the key listing stops at the cap');
    assert.match(report.notes[0] ?? '', new RegExp(`first 500 of ${SEED_COUNTS.apiKeys.toLocaleString()} keys`));
    const pay = report.rows.find((r) => r.keyId === FIXTURES.paymentsServiceAccount.apiKeyIds[0]);
    assert.equal(pay?.ownerName, 'payments-service');
    assert.ok(pay?.flags.includes('overdue'), 'seeded keys date from 2021');
    const ada = report.rows.find((r) => r.keyId === FIXTURES.user.apiKeyIds[0]);
    assert.ok(ada?.flags.includes('personalClusterKey'));
    assert.ok(report.rows.every((r) => !r.flags.includes('ownerDeleted')), 'every seeded owner exists');
    assert.ok(pay?.roleBindings?.includes('DeveloperRead on topic=payments-*'), pay?.roleBindings?.slice(0, 5).join(', '));
    assert.ok(pay?.roleBindings?.includes('CloudClusterAdmin on cloud-cluster=lkc-prod01'));
    assert.ok(report.requests <= MAX_KEY_PAGES + 20 + 20 + MAX_BINDING_PAGES, `bounded requests (${report.requests})`);
  });

  void it('a real secret the sandbox issued is flagged as an old-style secret next to its key, and only the key is looked up', async () => {
    const created = await h.client.apiKeys.create({ owner: { id: FIXTURES.disposableServiceAccount.id }, resource: null, display_name: 'leaked' });
    const secret = created.spec.secret ?? '';
    assert.equal(secret.length, 64, 'the sandbox issues 64-character secrets');
    const text = `CONFLUENT_CLOUD_API_KEY=${created.id}\nCONFLUENT_CLOUD_API_SECRET=${secret}\n`;
    const lookup = new ResourceLookup(() => [connection()]);
    h.sandbox.clearRequests();
    const problems = await computeProblems(scan(text), lookup);
    assert.deepEqual(problems.map((p) => p.message), [`API secret in plain text for key ${created.id} owned by disposable-service (Sandbox Organization).`]);
    assert.equal(text.slice(problems[0]?.start, problems[0]?.end), secret);
    assert.ok(!h.sandbox.requests().some((r) => r.path.includes(secret.slice(0, 16)) || JSON.stringify(r).includes(secret.slice(0, 16))), 'the secret is never sent');
  });
});
