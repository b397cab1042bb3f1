import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Dispatchers } from '../../../src/cloud/dispatchers';
import { isCloudApiError } from '../../../src/cloud/errors';
import { HttpClient } from '../../../src/cloud/http';
import { json, selfSignedCert, startHttpsServer, startProxy, startServer, type TestServer } from './servers';

const open: { close(): Promise<void> }[] = [];
after(async () => {
  await Promise.all(open.map((o) => o.close()));
});

function client(baseUrl: string, dispatchers: Dispatchers): HttpClient {
  open.push(dispatchers);
  return new HttpClient({
    baseUrl, dispatchers, retry: { maxAttempts: 1 }, timeoutMs: () => 3000,
    getCredentials: async () => ({ key: 'KEY', secret: 'proxy-test-secret' }),
  });
}

// Loopback endpoints never use a proxy, so proxied traffic is tested against a made-up public name
// that only the test proxy knows how to reach (it dials 127.0.0.1 for it).
const PUBLIC_NAME = 'api.proxy-test.invalid';
const tls = selfSignedCert([PUBLIC_NAME]);

/** An HTTPS server for PUBLIC_NAME, and its URL as the client sees it. */
async function publicTarget(): Promise<{ server: TestServer; url: string }> {
  const server = await startHttpsServer(tls!, (req, res) => json(res, 200, { path: req.url }));
  open.push(server);
  return { server, url: `https://${PUBLIC_NAME}:${server.port}` };
}

async function tunnellingProxy() {
  const proxy = await startProxy({ tunnel: true, resolve: (host) => (host === PUBLIC_NAME ? '127.0.0.1' : host) });
  open.push(proxy);
  return proxy;
}

async function target(): Promise<TestServer> {
  const s = await startServer((req, res) => json(res, 200, { path: req.url }));
  open.push(s);
  return s;
}

void describe('proxy support', () => {
  void it('tunnels through the proxyUrl option (VS Code http.proxy)', { skip: !tls && 'openssl not available' }, async () => {
    const proxy = await tunnellingProxy();
    const t = await publicTarget();
    const http = client(t.url, new Dispatchers({ env: {}, proxyUrl: () => proxy.url, ca: tls!.cert }));
    const res = await http.request({ method: 'GET', path: '/org/v2/environments', action: 'list environments' });
    assert.deepEqual(res.json, { path: '/org/v2/environments' });
    assert.deepEqual(proxy.connects.map((c) => c.target), [`${PUBLIC_NAME}:${t.server.port}`]);
    assert.equal(proxy.connects[0]!.headers.authorization, undefined, 'the proxy never sees the credentials');
    assert.equal(t.server.requests.length, 1);
  });

  void it('reads the proxy setting per request, so changing it applies without a restart', { skip: !tls && 'openssl not available' }, async () => {
    const proxy = await tunnellingProxy();
    const t = await publicTarget();
    const setting: { url?: string } = {};
    const http = client(t.url, new Dispatchers({ env: {}, proxyUrl: () => setting.url, ca: tls!.cert }));
    // Without a proxy the made-up name does not resolve: the direct attempt fails, the proxied one works.
    const direct = await http.request({ method: 'GET', path: '/a', action: 'x' }).catch((e: unknown) => e);
    assert.ok(isCloudApiError(direct));
    assert.equal(direct.reason, 'network');
    setting.url = proxy.url;
    await http.request({ method: 'GET', path: '/b', action: 'x' });
    assert.equal(proxy.connects.length, 1);
    assert.deepEqual(t.server.requests.map((r) => r.url), ['/b']);
  });

  void it('tunnels https: through CONNECT without leaking credentials to the proxy', async () => {
    const proxy = await startProxy({ tunnel: false });
    open.push(proxy);
    const http = client('https://api.confluent.cloud', new Dispatchers({ env: {}, proxyUrl: () => proxy.url }));
    const err = await http.request({ method: 'GET', path: '/org/v2/environments', action: 'list environments' }).catch((e: unknown) => e);
    assert.ok(isCloudApiError(err));
    assert.equal(err.reason, 'network');
    assert.equal(proxy.connects.length, 1);
    assert.equal(proxy.connects[0]!.target, 'api.confluent.cloud:443');
    assert.equal(proxy.connects[0]!.headers.authorization, undefined);
    assert.ok(!err.message.includes('proxy-test-secret'));
  });

  void it('honours HTTPS_PROXY/HTTP_PROXY and NO_PROXY from the environment', { skip: !tls && 'openssl not available' }, async () => {
    const proxy = await tunnellingProxy();
    const t = await publicTarget();
    const viaEnv = client(t.url, new Dispatchers({ env: { HTTPS_PROXY: proxy.url }, ca: tls!.cert }));
    await viaEnv.request({ method: 'GET', path: '/env', action: 'x' });
    assert.equal(proxy.connects.length, 1);
    const viaHttpProxy = client(t.url, new Dispatchers({ env: { HTTP_PROXY: proxy.url }, ca: tls!.cert }));
    await viaHttpProxy.request({ method: 'GET', path: '/env2', action: 'x' });
    assert.equal(proxy.connects.length, 2, 'HTTP_PROXY also serves https: when HTTPS_PROXY is unset');
    const bypass = client(t.url, new Dispatchers({ env: { HTTPS_PROXY: proxy.url, NO_PROXY: PUBLIC_NAME }, ca: tls!.cert }));
    const err = await bypass.request({ method: 'GET', path: '/direct', action: 'x' }).catch((e: unknown) => e);
    assert.ok(isCloudApiError(err) && err.reason === 'network', 'went direct, where the made-up name does not resolve');
    assert.equal(proxy.connects.length, 2, 'NO_PROXY host must bypass the proxy');
    assert.deepEqual(t.server.requests.map((r) => r.url), ['/env', '/env2']);
  });

  void it('sends loopback traffic direct whatever http.proxy and HTTPS_PROXY say', async () => {
    const proxy = await startProxy({ tunnel: true });
    open.push(proxy);
    const t = await target();
    const env = { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url };
    for (const base of [t.url, t.url.replace('127.0.0.1', 'localhost')]) {
      const http = client(base, new Dispatchers({ env, proxyUrl: () => proxy.url }));
      await http.request({ method: 'GET', path: '/org/v2/environments', action: 'list environments' });
    }
    assert.equal(proxy.requests.length + proxy.connects.length, 0, 'the proxy must not see Authorization sent over plain http:');
    assert.equal(t.requests.length, 2);
    assert.ok(t.requests.every((r) => r.headers.authorization?.startsWith('Basic ')));
  });

  void it('rejects an unusable proxy URL with a policy error that does not echo it', async () => {
    const http = client('https://api.confluent.cloud', new Dispatchers({ env: {}, proxyUrl: () => 'not a url with user:pw' }));
    const err = await http.request({ method: 'GET', path: '/', action: 'x' }).catch((e: unknown) => e);
    assert.ok(isCloudApiError(err));
    assert.equal(err.reason, 'policy');
    assert.ok(!err.message.includes('user:pw'));
  });
});
