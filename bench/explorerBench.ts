/**
 * Explorer figures, measured through the real bundle's ExplorerProvider against the sandbox (with
 * `vscode` resolved to bench/host/vscodeShim.cjs): requests per expanded page and per Load more,
 * first-page time as a ratio to one raw HTTP round trip for the same page, and heap per loaded
 * API-key node for 50,000 nodes (rows built, as the view builds them), and what is left after a
 * refresh: the heap, and how many of those row nodes are still alive.
 */
import { join, resolve } from 'node:path';
import { Pool } from 'undici';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { startHostileServer } from '../test/fixtures/hostileServer';
import { median, settledHeap } from './stats';

interface Node { kind: string }
interface FolderNode extends Node { loadMore(): Promise<void>; loadAll(signal: AbortSignal): Promise<void>; refresh(): void; loadedCount: number }
interface Api { explorer: { getChildren(node?: Node): Promise<Node[]>; }; registry: { dispose(): void } }
interface Extension { activate(context: unknown): Api }

export interface ExplorerFigures {
  readonly requestsFirstPage: number;
  readonly requestsLoadMore: number;
  readonly firstPageMs: number;
  readonly rawRoundTripMs: number;
  readonly firstPageRatio: number;
  readonly nodes: number;
  readonly bytesPerNode: number;
  readonly retainedAfterRefreshBytes: number;
  /** Of the API-key row nodes built before Refresh, how many a collection after it could not free. */
  readonly nodesAliveAfterRefresh: number;
  /** Requests Load all sent to a server that hands out a fresh page token forever. */
  readonly requestsLoadAllEndless: number;
  /** What that should be: `confluentCloud.loadAllLimit` ÷ page size (defaults: 10,000 ÷ 50). */
  readonly expectedLoadAllEndless: number;
}

// Defaults of confluentCloud.loadAllLimit and confluentCloud.pageSize (the shim's configuration
// answers every setting with its default).
const LOAD_ALL_LIMIT = 10_000;
const PAGE_SIZE = 50;

/**
 * Load all on the Environments folder of an organization whose server never ends its list:
 * every page full and a fresh token. Runs after the other figures, with the environment pointed
 * at the hostile server, so the new activation's organization talks to it.
 */
async function loadAllEndless(extension: Extension, vscode: unknown, fakeContext: (vscode: unknown, root: string) => unknown, root: string): Promise<number> {
  const server = await startHostileServer({
    '/org/v2/environments': { kind: 'endless', idPrefix: 'env', item: (id) => ({ id, display_name: id }) },
    '/org/v2/organizations': { kind: 'list', data: [{ id: 'org-bench', display_name: 'Endless' }] },
  });
  const saved = { ...process.env };
  Object.assign(process.env, { CONFLUENT_CLOUD_ENDPOINT: server.url, CONFLUENT_CLOUD_METRICS_ENDPOINT: server.url });
  const api = extension.activate(fakeContext(vscode, root));
  try {
    const [org] = await api.explorer.getChildren();
    if (!org) throw new Error('no organization from the environment');
    const folder = (await api.explorer.getChildren(org)).find((n) => n.kind === 'environmentsFolder') as FolderNode | undefined;
    if (!folder) throw new Error('no Environments folder');
    await api.explorer.getChildren(folder);
    await folder.loadAll(new AbortController().signal);
    return server.count('/org/v2/environments');
  } finally {
    api.registry.dispose();
    process.env = saved;
    await server.close();
  }
}

type StandIn = { vscode: unknown; fakeContext: (vscode: unknown, root: string) => unknown };

export function loadExtension(bundle: string): { extension: Extension } & StandIn {
  // First, so the bundle's require('vscode') gets the stand-in.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { vscode, fakeContext } = require(join(__dirname, 'host', 'standIn.cjs')) as StandIn;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const extension = require(resolve(bundle)) as Extension;
  return { extension, vscode, fakeContext };
}

async function allKeysFolder(api: Api): Promise<FolderNode> {
  const [org] = await api.explorer.getChildren();
  if (!org) throw new Error('no organization from the environment');
  const sections = await api.explorer.getChildren(org);
  const folder = sections.find((n) => n.kind === 'apiKeysFolder');
  if (!folder) throw new Error('no API keys folder under the organization');
  return folder as FolderNode;
}

function keyRequests(sandbox: Sandbox): number {
  return sandbox.requests().filter((r) => r.path === '/iam/v2/api-keys').length;
}

export async function runExplorerBench(bundle: string, options: { orgs?: number; rounds?: number; latencyMs?: number } = {}): Promise<ExplorerFigures> {
  const orgs = options.orgs ?? 10;
  const rounds = options.rounds ?? 15;
  const sandbox = await startSandbox({ port: 0, rateLimitPerMinute: 1_000_000, latencyMs: options.latencyMs ?? 0 });
  Object.assign(process.env, {
    CONFLUENT_CLOUD_API_KEY: sandbox.apiKey, CONFLUENT_CLOUD_API_SECRET: sandbox.apiSecret,
    CONFLUENT_CLOUD_ENDPOINT: sandbox.url, CONFLUENT_CLOUD_METRICS_ENDPOINT: sandbox.url,
  });
  const { extension, vscode, fakeContext } = loadExtension(bundle);
  const root = resolve(__dirname, '..');
  const pool = new Pool(sandbox.url, { connections: 1 });
  const auth = `Basic ${Buffer.from(`${sandbox.apiKey}:${sandbox.apiSecret}`).toString('base64')}`;
  const apis: Api[] = [];
  try {
    const api = extension.activate(fakeContext(vscode, root));
    apis.push(api);
    const folder = await allKeysFolder(api);

    sandbox.clearRequests();
    await api.explorer.getChildren(folder);
    const requestsFirstPage = keyRequests(sandbox);
    sandbox.clearRequests();
    await folder.loadMore();
    const requestsLoadMore = keyRequests(sandbox);

    // First page through the tree vs. the same request with bare undici, alternated.
    const treeTimes: number[] = [];
    const rawTimes: number[] = [];
    for (let i = 0; i < rounds; i++) {
      folder.refresh();
      let t = performance.now();
      await api.explorer.getChildren(folder);
      treeTimes.push(performance.now() - t);
      t = performance.now();
      const res = await pool.request({ method: 'GET', path: '/iam/v2/api-keys?page_size=50', headers: { authorization: auth } });
      await res.body.json();
      rawTimes.push(performance.now() - t);
    }

    // 50,000 nodes: the all-keys folder of `orgs` organizations, each fully loaded and its rows
    // built, as the view asks for them once Load all has redrawn the folder.
    const folders: { api: Api; folder: FolderNode }[] = [];
    for (let i = 1; i < orgs; i++) apis.push(extension.activate(fakeContext(vscode, root)));
    for (const a of apis) folders.push({ api: a, folder: await allKeysFolder(a) });
    for (const { folder: f } of folders) f.refresh();
    // The sandbox shares this process: keep its request log out of the figures.
    sandbox.clearRequests();
    const before = settledHeap();
    const alive: WeakRef<object>[] = [];
    for (const { api: a, folder: f } of folders) {
      await f.loadAll(new AbortController().signal);
      for (const row of await a.explorer.getChildren(f)) if (row.kind === 'apiKey') alive.push(new WeakRef(row));
    }
    sandbox.clearRequests();
    const after = settledHeap();
    const nodes = alive.length;
    for (const { folder: f } of folders) f.refresh();
    // A WeakRef's target stays alive until the job that made or read it ends: collect after it.
    const nextJob = (): Promise<void> => new Promise((done) => setImmediate(done));
    await nextJob();
    settledHeap();
    const nodesAliveAfterRefresh = alive.filter((ref) => ref.deref() !== undefined).length;
    // The references themselves are not the explorer's: drop them before weighing what is left.
    alive.length = 0;
    await nextJob();
    const released = settledHeap();

    const requestsLoadAllEndless = await loadAllEndless(extension, vscode, fakeContext, root);

    const firstPageMs = median(treeTimes);
    const rawRoundTripMs = median(rawTimes);
    return {
      requestsFirstPage, requestsLoadMore, firstPageMs, rawRoundTripMs, firstPageRatio: firstPageMs / rawRoundTripMs,
      nodes, bytesPerNode: (after - before) / nodes, retainedAfterRefreshBytes: released - before,
      nodesAliveAfterRefresh,
      requestsLoadAllEndless, expectedLoadAllEndless: LOAD_ALL_LIMIT / PAGE_SIZE,
    };
  } finally {
    for (const a of apis) a.registry.dispose();
    await pool.close();
    await sandbox.close();
  }
}
