/**
 * Hostile-server figures: how much of a 300 MB streamed response (no Content-Length) the server
 * gets to send before the client's 32 MB cap closes the connection, the heap left after that
 * failure, and how many requests `pages()` sends to a server that hands out a fresh next-page
 * token forever (maxItems 10,000 at page size 100).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { CloudClient } from '../src/cloud/cloudClient';
import { isCloudApiError } from '../src/cloud/errors';
import { settledHeap } from './stats';

export interface HostileFigures {
  readonly streamedBytes: number;
  /** Bytes the server had written to the socket when the client closed it. */
  readonly sentBeforeCap: number;
  readonly capBytes: number;
  readonly failedAs: string;
  readonly heapBeforeBytes: number;
  readonly heapAfterBytes: number;
  readonly endlessRequests: number;
  readonly endlessItems: number;
}

const MB = 1024 * 1024;

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function closeAll(server: Server, sockets: Set<Socket>): Promise<void> {
  for (const s of sockets) s.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}

export async function runHostileBench(streamedBytes = 300 * MB): Promise<HostileFigures> {
  const sockets = new Set<Socket>();
  let sent = 0;
  let requests = 0;
  const chunk = Buffer.alloc(64 * 1024, 'x');
  const server = createServer((req, res) => {
    requests++;
    if (req.url?.endsWith('/stream')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      let written = 0;
      const pump = (): void => {
        while (!res.destroyed && written < streamedBytes) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        if (!res.destroyed) res.end();
      };
      res.on('close', () => (sent = res.socket?.bytesWritten ?? written));
      req.socket.on('close', () => (sent = Math.max(sent, req.socket.bytesWritten)));
      pump();
      return;
    }
    const n = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('page_token') ?? 0);
    const items = Array.from({ length: 100 }, (_v, i) => ({ id: `sa-${n * 100 + i}`, display_name: 'x', metadata: {} }));
    const text = JSON.stringify({ data: items, metadata: { next: `/iam/v2/service-accounts?page_token=${n + 1}` } });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const url = await listen(server);
  const client = new CloudClient({ endpoint: url, metricsEndpoint: url, env: {}, getCredentials: async () => ({ key: 'k', secret: 'bench-secret' }) });
  try {
    const capped = async (): Promise<string> => {
      requests = 0;
      try {
        await client.environments.get('stream');
        return 'succeeded';
      } catch (error) {
        return isCloudApiError(error) ? `${error.reason} after ${requests} request(s)` : String(error);
      }
    };
    // Once to load and compile every module on the path, so the heap figures compare like with like.
    await capped();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const heapBeforeBytes = settledHeap();
    const failedAs = await capped();
    // Let the closed socket's last events land before reading the figures.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const heapAfterBytes = settledHeap();

    requests = 0;
    let endlessItems = 0;
    for await (const page of client.serviceAccounts.pages({ pageSize: 100, maxItems: 10_000 })) endlessItems += page.items.length;
    return {
      streamedBytes, sentBeforeCap: sent, capBytes: 32 * MB, failedAs, heapBeforeBytes, heapAfterBytes,
      endlessRequests: requests, endlessItems,
    };
  } finally {
    await client.close();
    await closeAll(server, sockets);
  }
}
