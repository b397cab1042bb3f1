import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FIXTURES, READ_ONLY_API_KEY, READ_ONLY_API_SECRET } from '../../../sandbox/fixtures';
import { isCloudApiError, type CloudApiError } from '../../../src/cloud/errors';
import { startHarness, useHarness } from './sandboxClient';

const h = useHarness();

async function failure(p: Promise<unknown>): Promise<CloudApiError> {
  try {
    await p;
  } catch (e) {
    assert.ok(isCloudApiError(e), `not a CloudApiError: ${String(e)}`);
    assert.ok(!e.message.includes('\n') && !e.message.includes(h.sandbox.apiSecret));
    return e;
  }
  assert.fail('expected the call to fail');
}

const countServiceAccounts = async (name: string): Promise<number> =>
  (await h.client.serviceAccounts.listPage({ displayName: name })).items.length;

void describe('error classes against the sandbox', () => {
  void it('400: names the parameter', async () => {
    const err = await failure(h.client.kafkaClusters.listPage({ environment: '' }));
    assert.equal(err.status, 400);
    assert.equal(err.code, 'invalid_filter');
    assert.equal(err.parameter, 'environment');
    assert.match(err.message, /^Couldn't list Kafka clusters: the query parameter 'environment' is required \(400 invalid_filter, request [0-9a-f]{8}…\)$/);
  });

  void it('401: wrong secret, not retried, secret never shown', async () => {
    const c = h.clientWith({ getCredentials: async () => ({ key: h.sandbox.apiKey, secret: 'definitely-wrong-secret' }) });
    const err = await failure(c.environments.listPage());
    assert.equal(err.status, 401);
    assert.equal(err.code, 'user_unauthenticated');
    assert.equal(h.hits('/org/v2/environments'), 1);
    assert.ok(!err.message.includes('definitely-wrong-secret'));
  });

  void it('403: read-only key cannot create', async () => {
    const c = h.clientWith({ getCredentials: async () => ({ key: READ_ONLY_API_KEY, secret: READ_ONLY_API_SECRET }) });
    const err = await failure(c.serviceAccounts.create({ display_name: 'nope' }));
    assert.equal(err.status, 403);
    assert.equal(err.code, 'user_unauthorized');
    assert.match(err.message, /^Couldn't create service account: /);
  });

  void it('404 and 409 carry code, detail and request id', async () => {
    const missing = await failure(h.client.serviceAccounts.get('sa-missing'));
    assert.equal(missing.status, 404);
    assert.ok(missing.requestId);
    const dup = await failure(h.client.serviceAccounts.create({ display_name: FIXTURES.paymentsServiceAccount.displayName }));
    assert.equal(dup.status, 409);
    assert.equal(dup.code, 'resource_already_exists');
    assert.match(dup.message, /^Couldn't create service account: a service account named 'payments-service' already exists \(409 resource_already_exists, request [0-9a-f]{8}…\)$/);
  });

  void it('422: keeps the JSON pointer', async () => {
    const err = await failure(h.client.apiKeys.create({ owner: { id: 'sa-doesnotexist' } }));
    assert.equal(err.status, 422);
    assert.equal(err.pointer, '/spec/owner/id');
  });

  void it('429: retried after Retry-After, also for a POST', async () => {
    h.sandbox.setFaults('429=1:x1@POST /iam/v2/service-accounts');
    const started = Date.now();
    await h.client.serviceAccounts.create({ display_name: 'after-429' });
    assert.ok(Date.now() - started >= 950);
    assert.equal(h.hits('/iam/v2/service-accounts', 'POST'), 2);
    assert.equal(await countServiceAccounts('after-429'), 1);
    assert.equal(h.client.rateLimit.current()?.limit, 3000);
  });

  void it('429 from the sandbox rate limiter surfaces retryAfterSeconds when waiting is too long', async () => {
    const limited = await startHarness({ rateLimitPerMinute: 2 });
    try {
      await limited.client.environments.listPage();
      await limited.client.environments.listPage();
      const err = await failure(limited.client.environments.listPage());
      assert.equal(err.status, 429);
      assert.ok(err.retryAfterSeconds !== undefined && err.retryAfterSeconds > 3);
      assert.equal(limited.client.rateLimit.current()?.remaining, 0);
    } finally {
      await limited.close();
    }
  });

  void it('5xx: a GET is retried until it succeeds', async () => {
    h.sandbox.setFaults('503:x2@GET /org/v2/environments');
    const page = await h.client.environments.listPage();
    assert.ok(page.items.length > 0);
    assert.equal(h.hits('/org/v2/environments'), 3);
  });

  void it('5xx after commit: a POST is sent once, so no duplicate is created', async () => {
    h.sandbox.setFaults('500-after-commit:x1@POST /iam/v2/service-accounts');
    const err = await failure(h.client.serviceAccounts.create({ display_name: 'exactly-once' }));
    assert.equal(err.status, 500);
    assert.equal(h.hits('/iam/v2/service-accounts', 'POST'), 1);
    assert.equal(await countServiceAccounts('exactly-once'), 1);
  });

  void it('connection dropped after commit: the API-key POST is not repeated', async () => {
    h.sandbox.setFaults('drop-after-commit:x1@POST /iam/v2/api-keys');
    const err = await failure(h.client.apiKeys.create({ owner: { id: FIXTURES.disposableServiceAccount.id } }));
    assert.equal(err.reason, 'network');
    assert.equal(h.hits('/iam/v2/api-keys', 'POST'), 1);
    const keys = await h.client.apiKeys.listPage({ owner: FIXTURES.disposableServiceAccount.id });
    assert.equal(keys.items.length, 1);
  });

  void it('HTML, malformed and empty bodies become clear errors', async () => {
    h.sandbox.setFaults('html=502:x4@GET /org/v2/environments');
    const html = await failure(h.client.environments.listPage());
    assert.equal(html.status, 502);
    assert.match(html.message, /HTML error page/);
    h.sandbox.setFaults('malformed:x1@GET /iam/v2/users');
    assert.equal((await failure(h.client.users.listPage())).reason, 'malformed');
    h.sandbox.setFaults('empty:x1@GET /iam/v2/users');
    const empty = await failure(h.client.users.get(FIXTURES.user.id));
    assert.equal(empty.reason, 'malformed');
    assert.match(empty.message, /empty/);
  });

  void it('logs every attempt without secrets', async () => {
    h.log.length = 0;
    h.sandbox.setFaults('503:x1@GET /iam/v2/users');
    const first = await h.client.users.listPage({ pageSize: 2 });
    await h.client.users.listPage({ pageSize: 2, pageToken: first.nextPageToken });
    assert.deepEqual(h.log.map((e) => [e.method, e.status, e.attempt]), [['GET', 503, 1], ['GET', 200, 2], ['GET', 200, 1]]);
    assert.ok(h.log.every((e) => e.requestId && e.ms >= 0));
    assert.equal(h.log[2]!.path, '/iam/v2/users?page_size=2&page_token=***');
    assert.ok(!JSON.stringify(h.log).includes(first.nextPageToken!));
  });
});

void describe('schema drift against the sandbox', () => {
  void it('ignores unknown fields, accepts older api_versions, empty metadata and public-host next links', async () => {
    const drift = await startHarness({ drift: true });
    try {
      let pages = 0;
      let keys = 0;
      for await (const page of drift.client.apiKeys.pages({ pageSize: 100, owner: FIXTURES.paymentsServiceAccount.id })) {
        pages++;
        keys += page.items.length;
        assert.ok(page.items.every((k) => !('x_internal' in k) && !('resources' in k.spec)));
      }
      assert.ok(keys >= 3 && pages >= 1);
      const all = [];
      for await (const page of drift.client.serviceAccounts.pages({ pageSize: 100 })) all.push(...page.items);
      assert.equal(all.length, 1500);
      assert.equal(drift.hits('/iam/v2/service-accounts'), 15);
      const cloudKey = await drift.client.apiKeys.get('PAYMENTSCLOUD001');
      assert.equal(cloudKey.spec.resource, null);
    } finally {
      await drift.close();
    }
  });
});
