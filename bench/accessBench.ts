/**
 * Access folder figures, measured through the real bundle's ExplorerProvider against the sandbox
 * (as in explorerBench.ts): how many requests the first page of each kind of Access folder costs,
 * split into role-binding lists and the lookups by ID that name clusters, environments and
 * principals in the rows.
 */
import { resolve } from 'node:path';
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

export async function runAccessBench(bundle: string): Promise<AccessCost[]> {
  const sandbox = await startSandbox({ port: 0, rateLimitPerMinute: 1_000_000 });
  Object.assign(process.env, {
    CONFLUENT_CLOUD_API_KEY: sandbox.apiKey, CONFLUENT_CLOUD_API_SECRET: sandbox.apiSecret,
    CONFLUENT_CLOUD_ENDPOINT: sandbox.url, CONFLUENT_CLOUD_METRICS_ENDPOINT: sandbox.url,
  });
  const { extension, vscode, fakeContext } = loadExtension(bundle);
  const api = extension.activate(fakeContext(vscode, resolve(__dirname, '..')));
  const out: AccessCost[] = [];
  const measure = async (folder: string, node: Node): Promise<void> => {
    sandbox.clearRequests();
    await api.explorer.getChildren(node);
    out.push({ folder, ...count(sandbox) });
  };
  try {
    const [org] = await api.explorer.getChildren();
    if (!org) throw new Error('no organization from the environment');
    // Nothing else loaded: every name in the rows costs a lookup, and the organization ID one request.
    await measure('organization (nothing else loaded)', await child(api, org, 'accessFolder'));
    const accounts = await child(api, org, 'serviceAccountsFolder');
    const users = await child(api, org, 'usersFolder');
    const envs = await child(api, org, 'environmentsFolder');
    const sa = await child(api, accounts, 'serviceAccount', FIXTURES.paymentsServiceAccount.id);
    await measure(`service account ${FIXTURES.paymentsServiceAccount.id} (130 bindings)`, await child(api, sa, 'accessFolder'));
    const user = await child(api, users, 'user', FIXTURES.user.id);
    await measure(`user ${FIXTURES.user.id}`, await child(api, user, 'accessFolder'));
    const env = await child(api, envs, 'environment', FIXTURES.productionEnvironment.id);
    await measure(`environment ${FIXTURES.productionEnvironment.id} (+ organization, inherited)`, await child(api, env, 'accessFolder'));
    const cluster = await child(api, await child(api, env, 'kafkaClustersFolder'), 'kafkaCluster', FIXTURES.productionCluster.id);
    await measure(`cluster ${FIXTURES.productionCluster.id} (+ environment, organization)`, await child(api, cluster, 'accessFolder'));
    return out;
  } finally {
    api.registry.dispose();
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
