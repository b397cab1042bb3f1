import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSandbox, type Sandbox } from '../../../sandbox/server';
import { CloudClient, type CloudClientOptions } from '../../../src/cloud/cloudClient';
import { loadCloudClient } from '../../../src/cloud/cloudClientModule';
import { isCloudApiError } from '../../../src/cloud/errors';
import { type CloudClientModule, LazyCloudClient } from '../../../src/cloud/lazyCloudClient';

void describe('LazyCloudClient', () => {
  let sandbox: Sandbox;
  let options: CloudClientOptions;
  before(async () => {
    sandbox = await startSandbox({ port: 0 });
    options = {
      endpoint: sandbox.url, metricsEndpoint: sandbox.url, env: {},
      getCredentials: async () => ({ key: sandbox.apiKey, secret: sandbox.apiSecret }),
    };
  });
  after(() => sandbox.close());

  /** The real implementation module, with its loads counted. */
  function counted(): { load: () => CloudClientModule; loads: () => number } {
    let loads = 0;
    return { load: () => { loads += 1; return loadCloudClient(); }, loads: () => loads };
  }

  void it('loads the implementation on the first call, once, and talks to the sandbox through it', async () => {
    const { load, loads } = counted();
    const client = new LazyCloudClient(options, load);
    assert.equal(loads(), 0);
    assert.equal(client.loaded, false);
    const page = await client.serviceAccounts.listPage({ pageSize: 3 });
    assert.equal(page.items.length, 3);
    await client.environments.listPage({ pageSize: 1 });
    assert.equal(loads(), 1);
    await client.close();
  });

  void it('records rate-limit headers in the state it had before loading', async () => {
    const client = new LazyCloudClient(options, loadCloudClient);
    const seen: unknown[] = [];
    const unsubscribe = client.rateLimit.onDidChange((snapshot) => seen.push(snapshot));
    await client.organizations.listPage({ pageSize: 1 });
    assert.ok(client.rateLimit.current()?.limit !== undefined, 'the sandbox sends X-RateLimit-Limit');
    assert.ok(seen.length > 0, 'a listener added before the load hears about it');
    unsubscribe();
    await client.close();
  });

  void it('closing a client that was never used loads nothing; using it afterwards fails as cancelled', async () => {
    const { load, loads } = counted();
    const client = new LazyCloudClient(options, load);
    await client.close();
    assert.equal(loads(), 0);
    const failure = await client.environments.listPage({ pageSize: 1 }).catch((e: unknown) => e);
    assert.ok(isCloudApiError(failure));
    assert.equal(failure.reason, 'cancelled');
  });

  void it('hands out the very API objects of the implementation', () => {
    const client = new LazyCloudClient(options, loadCloudClient);
    assert.equal(client.apiKeys, client.apiKeys, 'one object per group, not a new one per access');
    assert.ok(client.metrics instanceof Object);
    assert.equal(loadCloudClient().CloudClient, CloudClient, 'unbundled, the loader answers the source module');
    client.dispose();
  });
});
