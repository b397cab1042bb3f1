import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FIXTURES, READ_ONLY_API_KEY, READ_ONLY_API_SECRET } from '../../../sandbox/fixtures';
import { FixedWindowLimiter } from '../../../sandbox/rateLimit';
import type { Sandbox } from '../../../sandbox/server';
import { basic, call, get, launch } from './helpers';

const METRICS_QUERY = {
  aggregations: [{ metric: 'io.confluent.kafka.server/received_bytes' }],
  granularity: 'PT1H',
  intervals: ['2024-01-01T00:00:00Z/PT2H'],
  filter: { field: 'resource.kafka.id', op: 'EQ', value: FIXTURES.productionCluster.id },
};

void describe('sandbox rate limiting', () => {
  let sb: Sandbox;
  before(async () => { sb = await launch({ rateLimitPerMinute: 5, metricsRateLimitPerMinute: 2 }); });
  after(async () => { await sb.close(); });

  void it('counts down X-RateLimit-Remaining with a relative reset, then answers 429 with Retry-After', async () => {
    const remaining: number[] = [];
    for (let i = 0; i < 5; i++) {
      const reply = await get(sb, '/org/v2/environments');
      assert.equal(reply.status, 200);
      assert.equal(reply.headers.get('x-ratelimit-limit'), '5');
      remaining.push(Number(reply.headers.get('x-ratelimit-remaining')));
      const reset = Number(reply.headers.get('x-ratelimit-reset'));
      assert.ok(reset >= 1 && reset <= 60, `reset ${reset} is relative seconds, not an epoch`);
    }
    assert.deepEqual(remaining, [4, 3, 2, 1, 0]);
    const limited = await get(sb, '/iam/v2/users');
    assert.equal(limited.status, 429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= 60);
    assert.equal(limited.headers.get('x-ratelimit-remaining'), '0');
    assert.equal(limited.json.errors[0].status, '429');
    assert.ok(limited.headers.get('x-request-id'));
  });

  void it('limits per API key: another key has its own window', async () => {
    const other = await get(sb, '/org/v2/environments', { auth: basic(READ_ONLY_API_KEY, READ_ONLY_API_SECRET) });
    assert.equal(other.status, 200);
    assert.equal(other.headers.get('x-ratelimit-remaining'), '4');
  });

  void it('the Metrics API has its own limit and answers 429 with the metrics error body', async () => {
    for (let i = 0; i < 2; i++) {
      const reply = await call(sb, 'POST', '/v2/metrics/cloud/query', { body: METRICS_QUERY });
      assert.equal(reply.status, 200, reply.text);
      assert.equal(reply.headers.get('x-ratelimit-limit'), null, 'control-plane headers are not sent by the Metrics API');
      assert.equal(reply.headers.get('ratelimit-limit'), '2');
    }
    const limited = await call(sb, 'POST', '/v2/metrics/cloud/query', { body: METRICS_QUERY });
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    assert.equal(limited.json.errors[0].status, '429');
    assert.match(limited.json.errors[0].detail, /Too many requests/);
    assert.equal(limited.json.errors[0].title, undefined, 'metrics errors are not control-plane Failures');
  });

  void it('reset clears the rate-limit windows', async () => {
    sb.reset();
    assert.equal((await get(sb, '/org/v2/environments')).status, 200);
  });
});

void describe('FixedWindowLimiter', () => {
  void it('opens a new window after the period and reports the time left', () => {
    let now = 1_000_000;
    const limiter = new FixedWindowLimiter(2, 60_000, () => now);
    assert.equal(limiter.take('k').remaining, 1);
    now += 30_500;
    const second = limiter.take('k');
    assert.equal(second.remaining, 0);
    assert.equal(second.resetSeconds, 30);
    assert.equal(limiter.take('k').allowed, false);
    now += 29_500;
    assert.equal(limiter.take('k').allowed, true, 'new window');
  });
});
