import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExplorerNode } from '../../src/explorer/nodes/explorerNode';
import { sandbox, waitFor } from './helpers';
import { childrenOf, hideExplorerView, sandboxOrg } from './explorerSupport';

async function useActivity(enabled: boolean | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('confluentCloud').update('activity.enabled', enabled, vscode.ConfigurationTarget.Global);
}

describe('metrics: last-seen activity in the tree', function () {
  this.timeout(60_000);

  before(async () => {
    await hideExplorerView();
    await sandbox.setFaults('');
  });
  after(async () => {
    await useActivity(undefined);
  });

  async function serviceAccount(id: string): Promise<ExplorerNode> {
    const { api, org } = await sandboxOrg();
    // The seed has more service accounts than one page; these two are on the first.
    const children = await childrenOf(api, org.serviceAccounts);
    const node = children.find((c) => 'resourceId' in c && c.resourceId === id);
    assert.ok(node, `${id} is on the first page`);
    return node;
  }

  async function description(node: ExplorerNode): Promise<string> {
    const { api } = await sandboxOrg();
    return String(api.explorer.getTreeItem(node).description ?? '');
  }

  it('adds nothing while the setting is off', async () => {
    await useActivity(false);
    const node = await serviceAccount('sa-pay0001');
    assert.doesNotMatch(await description(node), /active|no traffic/);
  });

  it('shows "active …" and "no traffic in 7 days" once enabled, from one query per cluster', async () => {
    await useActivity(true);
    await sandbox.clearRequests();
    const busy = await serviceAccount('sa-pay0001');
    const idle = await serviceAccount('sa-disp001');
    const busyText = await waitFor(async () => {
      const text = await description(busy);
      return /active/.test(text) ? text : undefined;
    }, 30_000, 'an activity badge');
    assert.match(busyText, / · active (in the last hour|\d+ h ago)$/);
    assert.match(await waitFor(async () => {
      const text = await description(idle);
      return /no traffic/.test(text) ? text : undefined;
    }, 30_000, 'a no-traffic badge'), / · no traffic in 7 days$/);
    const { connection } = await sandboxOrg();
    let clusters = 0;
    for await (const envs of connection.client.environments.pages({ pageSize: 100 })) {
      for (const env of envs.items) {
        for await (const page of connection.client.kafkaClusters.pages({ environment: env.id, pageSize: 100 })) clusters += page.items.length;
      }
    }
    const all = (await sandbox.requests()) as { method: string; path: string }[];
    const queries = all.filter((r) => r.path === '/v2/metrics/cloud/query').length;
    assert.ok(queries >= 1 && queries <= clusters, `${queries} queries for ${clusters} clusters: one per cluster, not one per account`);
  });
});
