import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Dispatchers } from '../../../src/cloud/dispatchers';
import { isCloudApiError } from '../../../src/cloud/errors';
import { HttpClient } from '../../../src/cloud/http';
import { json, startProxy, startServer, type TestServer } from './servers';

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

async function target(): Promise<TestServer> {
  const s = await startServer((req, res) => json(res, 200, { path: req.url }));
  open.push(s);
  return s;
}

void describe('proxy support', () => {
  void it('forwards through the proxyUrl option (VS Code http.proxy)', async () => {
    const proxy = await startProxy();
    open.push(proxy);
    const t = await target();
    const http = client(t.url, new Dispatchers({ env: {}, proxyUrl: () => proxy.url }));
    const res = await http.request({ method: 'GET', path: '/org/v2/environments', action: 'list environments' });
    assert.deepEqual(res.json, { path: '/org/v2/environments' });
    assert.equal(proxy.requests.length, 1);
    assert.equal(proxy.requests[0]!.url, `${t.url}/org/v2/environments`);
    assert.equal(t.requests.length, 1);
  });

  void it('reads the proxy setting per request, so changing it applies without a restart', async () => {
    const proxy = await startProxy();
    open.push(proxy);
    const t = await target();
    const setting: { url?: string } = {};
    const http = client(t.url, new Dispatchers({ env: {}, proxyUrl: () => setting.url }));
    await http.request({ method: 'GET', path: '/a', action: 'x' });
    setting.url = proxy.url;
    await http.request({ method: 'GET', path: '/b', action: 'x' });
    assert.deepEqual(proxy.requests.map((r) => new URL(r.url).pathname), ['/b']);
    assert.deepEqual(t.requests.map((r) => r.url), ['/a', '/b']);
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

  void it('honours HTTPS_PROXY/HTTP_PROXY and NO_PROXY from the environment', async () => {
    const proxy = await startProxy();
    open.push(proxy);
    const t = await target();
    const viaEnv = client(t.url, new Dispatchers({ env: { HTTP_PROXY: proxy.url } }));
    await viaEnv.request({ method: 'GET', path: '/env', action: 'x' });
    assert.equal(proxy.requests.length, 1);
    const bypass = client(t.url, new Dispatchers({ env: { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' } }));
    await bypass.request({ method: 'GET', path: '/direct', action: 'x' });
    assert.equal(proxy.requests.length, 1, 'NO_PROXY host must bypass the proxy');
    assert.deepEqual(t.requests.map((r) => r.url), ['/env', '/direct']);
  });

  void it('rejects an unusable proxy URL with a policy error that does not echo it', async () => {
    const t = await target();
    const http = client(t.url, new Dispatchers({ env: {}, proxyUrl: () => 'not a url with user:pw' }));
    const err = await http.request({ method: 'GET', path: '/', action: 'x' }).catch((e: unknown) => e);
    assert.ok(isCloudApiError(err));
    assert.equal(err.reason, 'policy');
    assert.ok(!err.message.includes('user:pw'));
    assert.equal(t.requests.length, 0);
  });
});
