// The sandbox against hostile clients: huge metrics queries, requests Node cannot parse, clients that
// hang up mid-body, and web pages (cross-site or DNS-rebinding) reaching the /_sandbox/ controls.
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { FIXTURES } from '../../../sandbox/fixtures';
import type { Sandbox } from '../../../sandbox/server';
import { call, get, launch } from './helpers';

const QUERY = '/v2/metrics/cloud/query';
const ON_CLUSTER = { field: 'resource.kafka.id', op: 'EQ', value: FIXTURES.productionCluster.id };

/** Writes `raw` on a fresh socket and collects everything until the server closes it (2 s at most). */
function rawExchange(sb: Sandbox, raw: string | Buffer): Promise<string> {
  const { port } = new URL(sb.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(raw));
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
    socket.setTimeout(2_000, () => socket.destroy());
  });
}

/** Status and JSON body of a raw HTTP/1.1 response. */
function parseRaw(text: string): { status: number; body: { errors: { status: string; code: string; detail: string }[] } } {
  const [head = '', body = ''] = text.split('\r\n\r\n');
  return { status: Number(head.split(' ')[1]), body: JSON.parse(body) as never };
}

/** A request with explicit Host/Origin headers (fetch would not let us set Host). */
function controlRequest(sb: Sandbox, method: string, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const { port } = new URL(sb.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers: { 'content-length': '0', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

void describe('sandbox hardening', () => {
  let sb: Sandbox;
  before(async () => { sb = await launch(); });
  after(async () => { await sb.close(); });

  void it('refuses a metrics query spanning too many buckets at once, in the API envelope', async () => {
    const started = Date.now();
    const reply = await call(sb, 'POST', QUERY, {
      body: { aggregations: [{ metric: 'io.confluent.kafka.server/received_bytes' }], granularity: 'PT1H', intervals: ['1970-01-01T00:00:00Z/2100-01-01T00:00:00Z'], filter: ON_CLUSTER },
    });
    assert.equal(reply.status, 400, reply.text);
    assert.equal(reply.json.errors[0].status, '400');
    assert.match(reply.json.errors[0].detail, /at most 10000 are allowed/);
    assert.ok(Date.now() - started < 1_000, `answered in ${Date.now() - started} ms`);
    // The same span at a granularity that keeps it small still works.
    const daily = await call(sb, 'POST', QUERY, {
      body: { aggregations: [{ metric: 'io.confluent.kafka.server/received_bytes' }], granularity: 'P1D', intervals: ['2024-01-01T00:00:00Z/2025-01-01T00:00:00Z'], filter: ON_CLUSTER },
    });
    assert.equal(daily.status, 200, daily.text);
  });

  void it('keeps answering other requests while a large but allowed query runs', async () => {
    const big = call(sb, 'POST', QUERY, {
      body: { aggregations: [{ metric: 'io.confluent.kafka.server/received_bytes' }], granularity: 'PT1H', intervals: ['2024-01-01T00:00:00Z/P365D'], filter: ON_CLUSTER },
    });
    const started = Date.now();
    const [bigReply] = await Promise.all([big, get(sb, '/org/v2/environments')]);
    assert.equal(bigReply.status, 200);
    assert.ok(Date.now() - started < 10_000);
  });

  void it('answers an oversized header block (a 20 KB token) with 431 in the error envelope', async () => {
    const text = await rawExchange(sb, `GET /org/v2/environments?page_token=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    const { status, body } = parseRaw(text);
    assert.equal(status, 431);
    assert.equal(body.errors[0]?.code, 'request_header_fields_too_large');
    assert.match(text, /X-Request-Id: [0-9a-f-]{36}/i);
  });

  void it('answers a request Node cannot parse with 400 in the error envelope', async () => {
    const text = await rawExchange(sb, 'GET /org/v2/environments\u0001 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    const { status, body } = parseRaw(text);
    assert.equal(status, 400);
    assert.equal(body.errors[0]?.status, '400');
    assert.equal(body.errors[0]?.code, 'bad_request');
  });

  void it('logs a client hanging up mid-body quietly, without an unexpected-error stack', async () => {
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      const text = await rawExchange(sb, 'POST /iam/v2/service-accounts HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"display_name":');
      assert.equal(text, '', 'nothing to answer: the socket timed out on our side and closed');
      // Give the server a moment to notice the close.
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      console.error = original;
    }
    assert.deepEqual(errors, []);
    assert.equal((await get(sb, '/org/v2/environments')).status, 200, 'still serving');
  });

  void it('refuses /_sandbox/ requests whose Host is not loopback (DNS rebinding)', async () => {
    for (const host of ['evil.example', 'evil.example:8787', '127.0.0.1.evil.example', '10.0.0.5:8787']) {
      const reply = await controlRequest(sb, 'POST', '/_sandbox/reset', { host });
      assert.equal(reply.status, 403, host);
      const body = JSON.parse(reply.body) as { errors: { status: string }[] };
      assert.equal(body.errors[0]?.status, '403');
    }
  });

  void it('refuses /_sandbox/ requests carrying a browser Origin (CSRF)', async () => {
    for (const origin of ['http://evil.example', 'null', sb.url]) {
      const reply = await controlRequest(sb, 'POST', '/_sandbox/faults', { host: new URL(sb.url).host, origin, 'content-type': 'text/plain' });
      assert.equal(reply.status, 403, origin);
    }
    const faults = await controlRequest(sb, 'GET', '/_sandbox/faults', { host: new URL(sb.url).host });
    assert.deepEqual(JSON.parse(faults.body), { rules: [] }, 'no fault was injected');
  });

  void it('still serves /_sandbox/ to local tools on 127.0.0.1, localhost and [::1] with any port', async () => {
    const { port } = new URL(sb.url);
    for (const host of ['127.0.0.1', `127.0.0.1:${port}`, `localhost:${port}`, 'LOCALHOST', `[::1]:${port}`]) {
      const reply = await controlRequest(sb, 'GET', '/_sandbox/info', { host });
      assert.equal(reply.status, 200, host);
    }
    const viaFetch = await fetch(`${sb.url}/_sandbox/requests`);
    assert.equal(viaFetch.status, 200, 'fetch from Node (the test harnesses) sends no Origin');
  });
});
