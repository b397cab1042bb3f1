// List tools below the vscode.lm API against the sandbox: results stay within the size budget
// even when every name is 250 characters, and paging past a cut page loses and repeats nothing.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { SEED_COUNTS } from '../../../sandbox/fixtures';
import { startSandbox, type Sandbox } from '../../../sandbox/server';
import { listServiceAccountsTool } from '../../../src/chat/listTools';
import { CursorStore, type ToolContext } from '../../../src/chat/toolContext';
import { CloudClient } from '../../../src/cloud/cloudClient';
import { RateQueue } from '../../../src/metrics/rateQueue';

const RESULT_MAX = 8000;
const LONG = 60;

void describe('list tool size bounds', () => {
  let sandbox: Sandbox;
  let client: CloudClient;
  let ctx: ToolContext;
  const signal = new AbortController().signal;

  before(async () => {
    sandbox = await startSandbox({ port: 0 });
    client = new CloudClient({
      endpoint: sandbox.url, metricsEndpoint: sandbox.url, env: {},
      getCredentials: async () => ({ key: sandbox.apiKey, secret: sandbox.apiSecret }),
    });
    ctx = {
      connections: () => [{ id: 'c1', label: 'Sandbox', client }], metricsQueue: new RateQueue(50),
      executeCommand: () => Promise.reject(new Error('unused')), cursors: new CursorStore(), now: () => Date.now(),
    };
    for (let i = 0; i < LONG; i++) {
      const tag = String(i).padStart(3, '0');
      await client.serviceAccounts.create({ display_name: `${'w'.repeat(250)}${tag}`, description: `${'d'.repeat(250)}${tag}` });
    }
  });
  after(async () => {
    await client.close();
    await sandbox.close();
  });

  void it('pages through every account once, each result under the budget, long-name pages cut short', async () => {
    const seen: string[] = [];
    let pageToken: string | undefined;
    let calls = 0;
    let shortPages = 0;
    do {
      const text = await listServiceAccountsTool.run({ limit: 50, ...(pageToken ? { pageToken } : {}) }, ctx, signal);
      calls++;
      assert.ok(text.length <= RESULT_MAX, `call ${calls}: ${text.length} characters`);
      const ids = [...text.matchAll(/^- `(sa-[^`]+)`/gm)].map((m) => m[1]!);
      if (ids.length < 50) shortPages++;
      seen.push(...ids);
      pageToken = text.match(/"pageToken": "(p\d+)"/)?.[1];
    } while (pageToken && calls < 200);
    assert.equal(seen.length, SEED_COUNTS.serviceAccounts + LONG, 'every account listed');
    assert.equal(new Set(seen).size, seen.length, 'none twice');
    assert.ok(shortPages >= 2, 'pages of 250-character names were cut to fit');
  });

  void it('keeps a search within the budget too', async () => {
    const text = await listServiceAccountsTool.run({ query: 'wwwwwwwwww', limit: 50 }, ctx, signal);
    assert.ok(text.length <= RESULT_MAX, `${text.length} characters`);
    assert.match(text, new RegExp(`^${LONG} service accounts match`, 'm'));
    assert.match(text, /more: call confluentCloud_listServiceAccounts again/);
  });
});
