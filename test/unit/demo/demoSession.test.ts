import { strict as assert } from 'node:assert';
import { connect, createServer } from 'node:net';
import { describe, it } from 'node:test';
import { DEFAULT_API_KEY, DEFAULT_API_SECRET, FIXTURES } from '../../../sandbox/fixtures';
import { credentialSnippet } from '../../../src/secretPanel/credentialSnippets';
import { DemoPortInUse, DemoSession, randomDemoKey } from '../../../src/demo/demoSession';
import { loadSandboxModule, type SandboxModule } from '../../../src/demo/sandboxModule';

function basic(key: string, secret: string): string {
  return `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;
}

/** A loader that counts how often the sandbox module is asked for. */
function countingLoader(): { load: () => SandboxModule; calls: () => number } {
  let calls = 0;
  return { load: () => { calls++; return loadSandboxModule(); }, calls: () => calls };
}

/** Resolves with the error code of a TCP connect to 127.0.0.1:port ('connected' if it worked). */
function connectResult(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => { socket.destroy(); resolve('connected'); });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? String(error)));
  });
}

/** The OS picks a free port, we release it: a port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

void describe('demo organization: session (embedded sandbox)', () => {
  void it('loads and starts nothing until the secret is first needed, then serves the seed on 127.0.0.1', async () => {
    const loader = countingLoader();
    const session = new DemoSession(loader.load, await freePort());
    try {
      assert.equal(loader.calls(), 0, 'constructing the session does not load the sandbox');
      assert.equal(session.running, false);
      assert.equal(await connectResult(session.port), 'ECONNREFUSED', 'no listener before the first request');
      assert.match(session.endpoint, /^http:\/\/127\.0\.0\.1:\d+$/);

      const secret = await session.secret();
      assert.equal(loader.calls(), 1);
      assert.equal(session.running, true);
      const res = await fetch(`${session.endpoint}/iam/v2/service-accounts?page_size=100`, { headers: { Authorization: basic(session.apiKey, secret) } });
      assert.equal(res.status, 200);
      const body = await res.json() as { data: { id: string }[] };
      assert.ok(body.data.some((sa) => sa.id === FIXTURES.paymentsServiceAccount.id), 'the seeded organization is served');
      await session.secret();
      assert.equal(loader.calls(), 1, 'later requests reuse the running server');
    } finally {
      await session.stop();
    }
  });

  void it('uses random credentials per session, and the sandbox\'s well-known key does not open it', async () => {
    const a = new DemoSession(loadSandboxModule, await freePort());
    const b = new DemoSession(loadSandboxModule, await freePort());
    try {
      const [secretA, secretB] = [await a.secret(), await b.secret()];
      assert.notEqual(a.apiKey, b.apiKey);
      assert.notEqual(secretA, secretB);
      assert.match(a.apiKey, /^[A-Z0-9]{16}$/, 'looks like a Cloud API key ID');
      assert.ok(secretA.length >= 40, 'a long random secret');
      assert.notEqual(a.apiKey, DEFAULT_API_KEY);
      const wellKnown = await fetch(`${a.endpoint}/iam/v2/service-accounts`, { headers: { Authorization: basic(DEFAULT_API_KEY, DEFAULT_API_SECRET) } });
      assert.equal(wellKnown.status, 401, 'the documented sandbox key is not accepted by a demo');
      const crossed = await fetch(`${a.endpoint}/iam/v2/service-accounts`, { headers: { Authorization: basic(b.apiKey, secretB) } });
      assert.equal(crossed.status, 401, "another session's key is not accepted");
      assert.equal(new Set(Array.from({ length: 50 }, randomDemoKey)).size, 50, 'keys do not repeat');
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  void it('offers no control endpoints and no read-only key to other local programs', async () => {
    const session = new DemoSession(loadSandboxModule, await freePort());
    try {
      await session.secret();
      const reset = await fetch(`${session.endpoint}/_sandbox/reset`, { method: 'POST' });
      assert.notEqual(reset.status, 200, 'no unauthenticated reset');
      const faults = await fetch(`${session.endpoint}/_sandbox/faults`, { method: 'POST', body: '{"spec":"500:1"}' });
      assert.notEqual(faults.status, 200, 'no fault injection');
      const readOnly = await fetch(`${session.endpoint}/iam/v2/service-accounts`, {
        headers: { Authorization: basic('SANDBOXREADONLY1', 'sandbox-read-only-secret-not-for-production') },
      });
      assert.equal(readOnly.status, 401, "the sandbox's public read-only key is refused");
    } finally {
      await session.stop();
    }
  });

  void it('reset brings back the seed: a created service account is gone afterwards', async () => {
    const session = new DemoSession(loadSandboxModule, await freePort());
    try {
      const auth = { Authorization: basic(session.apiKey, await session.secret()), 'Content-Type': 'application/json' };
      const created = await fetch(`${session.endpoint}/iam/v2/service-accounts`, {
        method: 'POST', headers: auth, body: JSON.stringify({ display_name: 'demo-reset-check', description: '' }),
      });
      assert.equal(created.status, 201);
      const { id } = await created.json() as { id: string };
      assert.equal((await fetch(`${session.endpoint}/iam/v2/service-accounts/${id}`, { headers: auth })).status, 200);
      session.reset();
      assert.equal((await fetch(`${session.endpoint}/iam/v2/service-accounts/${id}`, { headers: auth })).status, 404);
      const seeded = await fetch(`${session.endpoint}/iam/v2/service-accounts/${FIXTURES.paymentsServiceAccount.id}`, { headers: auth });
      assert.equal(seeded.status, 200, 'the seed is still there, and the session key still works');
    } finally {
      await session.stop();
    }
  });

  void it('stop closes the server and frees the port; the session cannot start again', async () => {
    const session = new DemoSession(loadSandboxModule, await freePort());
    await session.start();
    assert.equal(await connectResult(session.port), 'connected');
    await session.stop();
    assert.equal(session.running, false);
    assert.equal(await connectResult(session.port), 'ECONNREFUSED');
    await assert.rejects(session.start(), /removed/);
    // The port is free for anyone again.
    const again = new DemoSession(loadSandboxModule, session.port);
    await again.start();
    await again.stop();
  });

  void it('reports a taken port as DemoPortInUse (so the demo can move) and sends nothing there', async () => {
    const squatter = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const address = squatter.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    let connections = 0;
    squatter.on('connection', () => connections++);
    try {
      const session = new DemoSession(loadSandboxModule, port);
      await assert.rejects(session.secret(), (error: unknown) => error instanceof DemoPortInUse && error.port === port);
      assert.equal(session.running, false);
      assert.equal(connections, 0, 'the secret is never released, so no request goes to the other program');
      await session.stop();
    } finally {
      await new Promise<void>((resolve) => squatter.close(() => resolve()));
    }
  });

  void it('marks the insert-as snippets of a demo key as demo, in every format', () => {
    for (const format of ['dotenv', 'properties', 'kubernetes'] as const) {
      const input = { apiKey: 'ABCDEFGH12345678', apiSecret: 's3cr3t', bootstrapEndpoint: 'SASL_SSL://pkc-1.example:9092' };
      const demo = credentialSnippet(format, { ...input, demo: true }).text;
      const real = credentialSnippet(format, input).text;
      assert.match(demo.split('\n').filter((l) => l.startsWith('#')).join('\n'), /DEMO KEY: .*demo organization/, `${format} has a demo comment line`);
      assert.doesNotMatch(real, /demo/i, `${format} of a real key says nothing about a demo`);
    }
  });
});
