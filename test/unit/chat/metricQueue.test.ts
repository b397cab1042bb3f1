// The chat tools below the vscode.lm API, against the sandbox over real HTTP: the metric tool
// waits for the same RateQueue the metrics panel uses, and the organization lookup.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { FIXTURES } from '../../../sandbox/fixtures';
import { startSandbox, type Sandbox } from '../../../sandbox/server';
import { queryMetricTool } from '../../../src/chat/metricTool';
import { CursorStore, resolveConnection, type ToolConnection, type ToolContext } from '../../../src/chat/toolContext';
import { ToolInputError } from '../../../src/chat/toolErrors';
import { CloudClient } from '../../../src/cloud/cloudClient';
import { type QueueClock, RateQueue } from '../../../src/metrics/rateQueue';

/** A clock the test moves by hand, so the queue's refill is exact and nothing sleeps. */
class ManualClock implements QueueClock {
  private t = 0;
  private timers: { at: number; fn: () => void }[] = [];
  now(): number { return this.t; }
  setTimeout(fn: () => void, ms: number): unknown {
    const timer = { at: this.t + ms, fn };
    this.timers.push(timer);
    return timer;
  }
  clearTimeout(handle: unknown): void { this.timers = this.timers.filter((t) => t !== handle); }
  advance(ms: number): void {
    this.t += ms;
    const due = this.timers.filter((t) => t.at <= this.t);
    this.timers = this.timers.filter((t) => t.at > this.t);
    for (const t of due) t.fn();
  }
}

void describe('chat tools below the vscode.lm API', () => {
  let sandbox: Sandbox;
  let client: CloudClient;
  const metricsRequests = (): number => sandbox.requests().filter((r) => r.path.startsWith('/v2/metrics/')).length;
  const context = (connections: ToolConnection[], queue: RateQueue): ToolContext => ({
    connections: () => connections, metricsQueue: queue, executeCommand: () => Promise.reject(new Error('no commands here')),
    cursors: new CursorStore(), now: () => Date.now(),
  });

  before(async () => {
    sandbox = await startSandbox({ port: 0 });
    client = new CloudClient({
      endpoint: sandbox.url, metricsEndpoint: sandbox.url, env: {},
      getCredentials: async () => ({ key: sandbox.apiKey, secret: sandbox.apiSecret }),
    });
  });
  after(async () => {
    await client.close();
    await sandbox.close();
  });

  void it('the metric tool waits for a token of the shared queue before each request', async () => {
    const clock = new ManualClock();
    const queue = new RateQueue(5, clock); // a burst of 1, then one token every 15 s
    await queue.acquire(); // the panel spent the burst
    const connection = { id: 'c1', label: 'Sandbox', orgId: FIXTURES.organization.id, client };
    sandbox.clearRequests();
    const pending = queryMetricTool.run({ cluster: FIXTURES.productionCluster.id, metric: 'sent_bytes' }, context([connection], queue), new AbortController().signal);
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(queue.pending, 1, 'the tool is queued');
    assert.equal(metricsRequests(), 0, 'nothing sent while the budget is spent');
    clock.advance(15_000);
    const text = await pending;
    assert.equal(metricsRequests(), 1);
    assert.match(text, /`io\.confluent\.kafka\.server\/sent_bytes` on `lkc-prod01`, last 1h/);
  });

  void it('resolves the organization by label, ID or connection, and lists the choices otherwise', () => {
    const a = { id: 'c1', label: 'Prod', orgId: 'org-1', client };
    const b = { id: 'c2', label: 'Staging', orgId: 'org-2', client };
    const ctx = context([a, b], new RateQueue(50));
    assert.equal(resolveConnection(ctx, { organization: 'staging' }), b);
    assert.equal(resolveConnection(ctx, { organization: 'org-1' }), a);
    assert.equal(resolveConnection(ctx, { organization: 'c2' }), b);
    assert.throws(() => resolveConnection(ctx, {}), (e: unknown) => e instanceof ToolInputError && /`Prod` \(`org-1`\), `Staging` \(`org-2`\)/.test(e.message));
    assert.throws(() => resolveConnection(context([], new RateQueue(50)), {}), /Add Organization/);
  });
});
