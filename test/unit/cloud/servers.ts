// Purpose-built HTTP servers for transport edge cases the sandbox cannot produce. They speak
// real HTTP over loopback; each records what it received so tests can count and inspect requests.
import { execFileSync } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface Recorded {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
}

export interface TestServer {
  url: string;
  port: number;
  requests: Recorded[];
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage & { bodyText: string }, res: ServerResponse, n: number) => void;

function track(server: Server): () => Promise<void> {
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return () => new Promise<void>((resolve) => {
    for (const s of sockets) s.destroy();
    server.close(() => resolve());
  });
}

function attach(server: Server, handler: Handler, requests: Recorded[]): void {
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const bodyText = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: bodyText, at: Date.now() });
      handler(Object.assign(req, { bodyText }), res, requests.length);
    });
  });
}

async function listen(server: Server, scheme: string): Promise<{ url: string; port: number }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `${scheme}://127.0.0.1:${port}`, port };
}

/** Starts a plain HTTP server on 127.0.0.1 with the given handler. */
export async function startServer(handler: Handler): Promise<TestServer> {
  const server = createServer();
  const requests: Recorded[] = [];
  attach(server, handler, requests);
  const close = track(server);
  return { ...(await listen(server, 'http')), requests, close };
}

/** Self-signed certificate for 127.0.0.1, localhost and `dnsNames`, or undefined when openssl is unavailable. */
export function selfSignedCert(dnsNames: readonly string[] = []): { key: string; cert: string } | undefined {
  try {
    const san = ['IP:127.0.0.1', 'DNS:localhost', ...dnsNames.map((n) => `DNS:${n}`)].join(',');
    const out = execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', '/CN=127.0.0.1', '-addext', `subjectAltName=${san}`, '-keyout', '-', '-out', '-',
    ], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const key = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/.exec(out)?.[0];
    const cert = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(out)?.[0];
    return key && cert ? { key, cert } : undefined;
  } catch {
    return undefined;
  }
}

/** Starts an HTTPS server with the given key pair. */
export async function startHttpsServer(tls: { key: string; cert: string }, handler: Handler): Promise<TestServer> {
  const server = createHttpsServer(tls);
  const requests: Recorded[] = [];
  attach(server, handler, requests);
  const close = track(server);
  return { ...(await listen(server, 'https')), requests, close };
}

export interface ProxyServer extends TestServer {
  connects: { target: string; headers: IncomingMessage['headers'] }[];
}

/**
 * A tiny forward proxy: absolute-form requests are forwarded to the target, CONNECT requests are
 * recorded and either tunnelled (`tunnel: true`) or refused with 403. `resolve` maps a tunnel's
 * host name to the address actually dialled, so a made-up public name can reach a local server.
 */
export async function startProxy(options: { tunnel?: boolean; resolve?: (host: string) => string } = {}): Promise<ProxyServer> {
  const server = createServer();
  const requests: Recorded[] = [];
  const connects: ProxyServer['connects'] = [];
  attach(server, (req, res) => {
    const target = new URL(req.url ?? '/');
    void forward(target, req, res);
  }, requests);
  server.on('connect', (req: IncomingMessage, socket: Socket) => {
    connects.push({ target: req.url ?? '', headers: req.headers });
    if (!options.tunnel) {
      socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    const [host, port] = (req.url ?? '').split(':');
    const up = connect(Number(port), options.resolve?.(host ?? '') ?? host, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      up.pipe(socket);
      socket.pipe(up);
    });
    up.on('error', () => socket.destroy());
    socket.on('error', () => up.destroy());
  });
  const close = track(server);
  return { ...(await listen(server, 'http')), requests, connects, close };
}

async function forward(target: URL, req: IncomingMessage & { bodyText: string }, res: ServerResponse): Promise<void> {
  const { request } = await import('node:http');
  const headers = { ...req.headers };
  delete headers['proxy-connection'];
  const up = request({ host: target.hostname, port: target.port, path: target.pathname + target.search, method: req.method, headers }, (upRes) => {
    res.writeHead(upRes.statusCode ?? 502, upRes.headers);
    upRes.pipe(res);
  });
  up.on('error', () => res.writeHead(502).end());
  up.end(req.bodyText);
}

/** Writes a JSON response. */
export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Fast retry policy for tests: the code paths are the same, the waits are milliseconds. */
export const fastRetry = { maxAttempts: 4, baseMs: 5, capMs: 20, maxRetryAfterMs: 5_000 };
