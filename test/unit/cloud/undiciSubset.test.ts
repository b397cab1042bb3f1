// The client as it ships: every require('undici') in this process (this file runs in its own)
// gets the subset dist/undici.js is built from, so the checks below run the cloud client's
// transport on exactly the undici code the VSIX carries. The client's modules are required, not
// imported, so they load after the resolver below is in place (type imports are erased).
import assert from 'node:assert/strict';
import Module from 'node:module';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type * as SandboxModule from '../../../sandbox/server';
import type * as CloudModule from '../../../src/cloud/cloudClient';
import type * as DispatchersModule from '../../../src/cloud/dispatchers';
import type * as ErrorsModule from '../../../src/cloud/errors';
import type * as HttpModule from '../../../src/cloud/http';
import { REPO } from '../scratchBuild';
import { json, selfSignedCert, startHttpsServer, startProxy, startServer, type TestServer } from './servers';

const SUBSET = join(REPO, 'scripts', 'lib', 'undiciSubset.cjs');

type Resolve = (request: string, ...rest: unknown[]) => string;
const loader = Module as unknown as { _resolveFilename: Resolve };
const resolveFilename = loader._resolveFilename;
loader._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]): string {
  return request === 'undici' ? SUBSET : resolveFilename.call(this, request, ...rest);
};

type Cloud = typeof CloudModule;
type Transport = typeof HttpModule;
type Pipes = typeof DispatchersModule;
type Errors = typeof ErrorsModule;
let cloud: Cloud;
let transport: Transport;
let pipes: Pipes;
let errors: Errors;

const open: { close(): Promise<void> }[] = [];
before(() => {
  // Required after the resolver is in place, so their require('undici') takes the subset.
  /* eslint-disable @typescript-eslint/no-require-imports */
  cloud = require('../../../src/cloud/cloudClient') as Cloud;
  transport = require('../../../src/cloud/http') as Transport;
  pipes = require('../../../src/cloud/dispatchers') as Pipes;
  errors = require('../../../src/cloud/errors') as Errors;
  /* eslint-enable @typescript-eslint/no-require-imports */
});
after(async () => {
  await Promise.all(open.map((o) => o.close()));
});

function httpClient(baseUrl: string, options: { proxyUrl?: string; ca?: string; maxResponseBytes?: number } = {}) {
  const dispatchers = new pipes.Dispatchers({ env: {}, proxyUrl: () => options.proxyUrl, ...(options.ca ? { ca: options.ca } : {}) });
  open.push(dispatchers);
  return new transport.HttpClient({
    baseUrl, dispatchers, retry: { maxAttempts: 1 }, timeoutMs: () => 3_000,
    ...(options.maxResponseBytes ? { maxResponseBytes: () => options.maxResponseBytes! } : {}),
    getCredentials: async () => ({ key: 'KEY', secret: 'subset-test-secret' }),
  });
}

async function server(handler: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const s = await startServer(handler);
  open.push(s);
  return s;
}

void describe('the undici subset the VSIX ships', () => {
  void it('is what the extension asks for and nothing else', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const subset = require(SUBSET) as Record<string, unknown>;
    assert.deepEqual(Object.keys(subset).sort(), ['EnvHttpProxyAgent', 'Pool']);
    const pool = new (subset.Pool as new (origin: string) => { request?: unknown; close(): Promise<void> })('http://127.0.0.1:9');
    assert.equal(typeof pool.request, 'function', 'dispatchers keep their request() method');
    void pool.close();
  });

  void it('sends the path with its query, the body and the credentials, and parses the answer', async () => {
    const s = await server((req, res) => json(res, 201, { got: req.bodyText }));
    const http = httpClient(s.url);
    const res = await http.request({ method: 'POST', path: '/iam/v2/service-accounts?page_size=2', body: { display_name: 'a' }, action: 'create' });
    assert.equal(res.status, 201);
    assert.deepEqual(res.json, { got: JSON.stringify({ display_name: 'a' }) });
    assert.equal(s.requests[0]?.url, '/iam/v2/service-accounts?page_size=2');
    assert.match(String(s.requests[0]?.headers.authorization), /^Basic /);
  });

  void it('follows a redirect on the same origin and still caps a body that is too large', async () => {
    const s = await server((req, res) => {
      if (req.url === '/old') {
        res.writeHead(307, { location: '/new' }).end();
      } else if (req.url === '/big') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(`"${'x'.repeat(4096)}"`);
      } else {
        json(res, 200, { at: req.url });
      }
    });
    const http = httpClient(s.url, { maxResponseBytes: 1024 });
    assert.deepEqual((await http.request({ method: 'GET', path: '/old', action: 'get' })).json, { at: '/new' });
    const failure = await http.request({ method: 'GET', path: '/big', action: 'get' }).catch((e: unknown) => e);
    assert.ok(errors.isCloudApiError(failure));
    assert.equal(failure.reason, 'too-large');
  });

  void it('tunnels through a proxy (EnvHttpProxyAgent) without showing the proxy the credentials', async () => {
    const name = 'api.subset-test.invalid';
    const tls = selfSignedCert([name]);
    assert.ok(tls, 'openssl makes the test certificate');
    const target = await startHttpsServer(tls, (req, res) => json(res, 200, { path: req.url }));
    open.push(target);
    const proxy = await startProxy({ tunnel: true, resolve: (host) => (host === name ? '127.0.0.1' : host) });
    open.push(proxy);
    const http = httpClient(`https://${name}:${target.port}`, { proxyUrl: proxy.url, ca: tls.cert });
    const res = await http.request({ method: 'GET', path: '/org/v2/environments', action: 'list environments' });
    assert.deepEqual(res.json, { path: '/org/v2/environments' });
    assert.equal(proxy.connects.length, 1);
    assert.equal(proxy.connects[0]?.headers.authorization, undefined);
  });

  void it('pages through the sandbox with the full client', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startSandbox } = require('../../../sandbox/server') as typeof SandboxModule;
    const sandbox = await startSandbox({ port: 0 });
    open.push(sandbox);
    const client = new cloud.CloudClient({
      endpoint: sandbox.url, metricsEndpoint: sandbox.url, env: {},
      getCredentials: async () => ({ key: sandbox.apiKey, secret: sandbox.apiSecret }),
    });
    open.push(client);
    const first = await client.serviceAccounts.listPage({ pageSize: 7 });
    assert.equal(first.items.length, 7);
    assert.ok(first.nextPageToken);
    const second = await client.serviceAccounts.listPage({ pageSize: 7, pageToken: first.nextPageToken });
    assert.equal(second.items.length, 7);
    assert.notEqual(second.items[0]?.id, first.items[0]?.id);
  });
});
