/**
 * Access folder figures, measured through the real bundle's ExplorerProvider against the sandbox
 * (as in explorerBench.ts): how many requests the first page of each kind of Access folder costs,
 * split into role-binding lists and the lookups by ID that name clusters, environments and
 * principals in the rows.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { FIXTURES } from '../sandbox/fixtures';
import { loadExtension } from './explorerBench';

interface Node { kind: string; resourceId?: string }
interface Api { explorer: { getChildren(node?: Node): Promise<Node[]> }; registry: { dispose(): void } }

/** Requests of one first page. */
export interface AccessCost {
  readonly folder: string;
  readonly lists: number;
  readonly lookups: number;
}

function count(sandbox: Sandbox): { lists: number; lookups: number } {
  const all = sandbox.requests().filter((r) => r.method === 'GET');
  const lists = all.filter((r) => r.path === '/iam/v2/role-bindings').length;
  return { lists, lookups: all.length - lists };
}

async function child(api: Api, parent: Node, kind: string, id?: string): Promise<Node> {
  const found = (await api.explorer.getChildren(parent)).find((n) => n.kind === kind && (id === undefined || n.resourceId === id));
  if (!found) throw new Error(`no ${kind} ${id ?? ''}`);
  return found;
}

type Navigate = (api: Api, org: Node) => Promise<Node>;

const CASES: readonly (readonly [string, Navigate])[] = [
  ['organization', async (api, org) => child(api, org, 'accessFolder')],
  [`service account ${FIXTURES.paymentsServiceAccount.id} (130 bindings)`, async (api, org) =>
    child(api, await child(api, await child(api, org, 'serviceAccountsFolder'), 'serviceAccount', FIXTURES.paymentsServiceAccount.id), 'accessFolder')],
  [`user ${FIXTURES.user.id}`, async (api, org) =>
    child(api, await child(api, await child(api, org, 'usersFolder'), 'user', FIXTURES.user.id), 'accessFolder')],
  [`environment ${FIXTURES.productionEnvironment.id} (+ organization, inherited)`, async (api, org) =>
    child(api, await child(api, await child(api, org, 'environmentsFolder'), 'environment', FIXTURES.productionEnvironment.id), 'accessFolder')],
  [`cluster ${FIXTURES.productionCluster.id} (+ environment, organization)`, async (api, org) => {
    const env = await child(api, await child(api, org, 'environmentsFolder'), 'environment', FIXTURES.productionEnvironment.id);
    return child(api, await child(api, await child(api, env, 'kafkaClustersFolder'), 'kafkaCluster', FIXTURES.productionCluster.id), 'accessFolder');
  }],
];

/**
 * Each case in a fresh activation (an empty name cache), after loading only the folders on the
 * way to it, as a person clicking there would; only the Access folder's first page is counted.
 */
export async function runAccessBench(bundle: string): Promise<AccessCost[]> {
  const sandbox = await startSandbox({ port: 0, rateLimitPerMinute: 1_000_000 });
  Object.assign(process.env, {
    CONFLUENT_CLOUD_API_KEY: sandbox.apiKey, CONFLUENT_CLOUD_API_SECRET: sandbox.apiSecret,
    CONFLUENT_CLOUD_ENDPOINT: sandbox.url, CONFLUENT_CLOUD_METRICS_ENDPOINT: sandbox.url,
  });
  const { extension, vscode, fakeContext } = loadExtension(bundle);
  const root = resolve(__dirname, '..');
  // The composition root reads the manifest from `context.extension` (the lazily loaded features' stand-ins).
  const packageJSON = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as unknown;
  const out: AccessCost[] = [];
  try {
    for (const [folder, navigate] of CASES) {
      const api = extension.activate({ extension: { packageJSON }, ...(fakeContext(vscode, root) as object) });
      try {
        const [org] = await api.explorer.getChildren();
        if (!org) throw new Error('no organization from the environment');
        const access = await navigate(api, org);
        sandbox.clearRequests();
        await api.explorer.getChildren(access);
        out.push({ folder, ...count(sandbox) });
      } finally {
        api.registry.dispose();
      }
    }
    return out;
  } finally {
    await sandbox.close();
  }
}

// `npx tsx bench/accessBench.ts dist/extension.js` prints the figures alone.
if (require.main === module) {
  void runAccessBench(process.argv[2] ?? 'dist/extension.js').then((rows) => {
    for (const r of rows) console.log(`${r.folder}: ${r.lists} list + ${r.lookups} lookups`);
    process.exit(0);
  }, (error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
