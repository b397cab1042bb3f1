// The explorer against a hostile server on 127.0.0.1 (test/fixtures/hostileServer.ts), inside the
// real extension host: paging loops that must end, cancels that must stop them, and server text
// that must stay inert and short wherever the tree shows it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OrgConnection } from '../../src/auth/orgConnection';
import type { ExtensionApi } from '../../src/extension';
import { clusterItem, serviceAccountItem, userItem } from '../../src/commands/pickers/resourcePickers';
import { consoleUrl } from '../../src/explorer/consoleUrls';
import type { OrganizationNode } from '../../src/explorer/nodes/organizationNode';
import { COMMAND_LINK, type HostileServer, startHostileServer } from '../fixtures/hostileServer';
import { waitFor } from './helpers';
import { explorerApi, hideExplorerView, labelOf, usePageSize } from './explorerSupport';

const ENVS = '/org/v2/environments';
const SAS = '/iam/v2/service-accounts';
const USERS = '/iam/v2/users';
const KEYS = '/iam/v2/api-keys';
const LIMIT = 200;
const PAGE = 50;

const HOSTILE_NAME = `sa\u202eexe.gpj $(zap) ${COMMAND_LINK} ${'n'.repeat(5000)}`;

async function useLimit(limit: number | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('confluentCloud').update('loadAllLimit', limit, vscode.ConfigurationTarget.Global);
}

describe('explorer hardening: hostile server', () => {
  let server: HostileServer;
  let api: ExtensionApi;
  let connection: OrgConnection;
  let org: OrganizationNode;

  before(async () => {
    await hideExplorerView();
    server = await startHostileServer({
      [ENVS]: { kind: 'endless', idPrefix: 'env', item: (id) => ({ id, display_name: `environment ${id}` }) },
      [SAS]: { kind: 'list', data: [{ id: 'sa-hostile', display_name: HOSTILE_NAME, description: `${COMMAND_LINK}\n${'d'.repeat(5000)}` }] },
      [USERS]: { kind: 'error', status: 403, error: { status: '403', code: 'c'.repeat(5000), title: COMMAND_LINK, detail: `${COMMAND_LINK} ${'x'.repeat(10_000)}` } },
      [KEYS]: { kind: 'repeatedToken', idPrefix: 'KEY', item: (id) => ({ id, spec: { owner: { id: 'sa-1' }, resource: null } }) },
    });
    await usePageSize(PAGE);
    await useLimit(LIMIT);
    api = await explorerApi();
    connection = await api.registry.add({ label: 'Hostile', endpoint: server.url, metricsEndpoint: server.url, apiKey: 'HOSTILEKEY0000' }, 'hostile-secret-value');
    org = api.explorer.organizationNode(connection);
  });

  after(async () => {
    if (api?.registry.get(connection.id)) await api.registry.remove(connection);
    await usePageSize(undefined);
    await useLimit(undefined);
    await server?.close();
  });

  beforeEach(async () => {
    for (const folder of org.folders) await folder.applyFilter(undefined);
    org.refresh();
    server.reset();
  });

  it('expanding a folder sends one request, even when the server never ends', async () => {
    await api.explorer.getChildren(org.environments);
    assert.equal(server.count(ENVS), 1);
  });

  it('Load all stops at confluentCloud.loadAllLimit: limit ÷ page size requests, and says so', async () => {
    await api.explorer.getChildren(org.environments);
    await org.environments.loadAll(new AbortController().signal);
    assert.equal(server.count(ENVS), LIMIT / PAGE);
    assert.equal(org.environments.loadedCount, LIMIT);
    assert.equal(api.explorer.getTreeItem(org.environments).description, `${LIMIT} loaded, stopped at the limit`);
    const children = await api.explorer.getChildren(org.environments);
    const last = children.at(-1);
    assert.equal(last?.kind, 'empty');
    assert.equal(labelOf(last.getTreeItem()), `${LIMIT} loaded, stopped at the limit`);
    assert.ok(!children.some((c) => c.kind === 'loadMore'), 'no Load more past the limit');
  });

  it('a filter that never matches searches at most up to the limit', async () => {
    await api.explorer.getChildren(org.environments);
    await org.environments.applyFilter('matches-nothing');
    assert.equal(server.count(ENVS), LIMIT / PAGE);
  });

  it('a repeated page token ends the list', async () => {
    await api.explorer.getChildren(org.apiKeys);
    await org.apiKeys.loadAll(new AbortController().signal);
    assert.ok(server.count(KEYS) <= 3, `${server.count(KEYS)} requests`);
    assert.equal(org.apiKeys.stopped, 'repeatedToken');
  });

  for (const [what, stop] of [
    ['refreshed', () => org.environments.refresh()],
    ['collapsed', () => api.explorer.collapsed(org)],
  ] as const) {
    it(`Load all stops when its folder is ${what}`, async () => {
      // High enough that only the stop can end Load all within the test's time.
      await useLimit(5_000);
      try {
        await api.explorer.getChildren(org.environments);
        let pages = 0;
        await org.environments.loadAll(new AbortController().signal, () => {
          pages += 1;
          if (pages === 2) stop();
        });
        const sent = server.count(ENVS);
        assert.ok(sent <= 4, `${sent} requests after the ${what} folder stopped (${pages} pages, ${org.environments.loadedCount} loaded)`);
        // Nothing keeps going in the background.
        await new Promise((resolve) => setTimeout(resolve, 200));
        assert.equal(server.count(ENVS), sent);
      } finally {
        await useLimit(LIMIT);
      }
    });
  }

  it('Load all stops when its organization is removed', async () => {
    await useLimit(100_000);
    const other = await api.registry.add({ label: 'Hostile 2', endpoint: server.url, metricsEndpoint: server.url, apiKey: 'HOSTILEKEY0001' }, 'hostile-secret-value');
    try {
      const node = api.explorer.organizationNode(other);
      await api.explorer.getChildren(node.environments);
      let pages = 0;
      let removal: Promise<void> | undefined;
      await node.environments.loadAll(new AbortController().signal, () => {
        pages += 1;
        if (pages === 2) removal = api.registry.remove(other);
      });
      await removal;
      const sent = server.count(ENVS);
      assert.ok(sent <= 5, `${sent} requests`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(server.count(ENVS), sent);
    } finally {
      if (api.registry.get(other.id)) await api.registry.remove(other);
      await useLimit(LIMIT);
    }
  });

  it('hostile names show as short plain text with hidden characters revealed', async () => {
    const [node] = await api.explorer.getChildren(org.serviceAccounts);
    assert.ok(node);
    const item = api.explorer.getTreeItem(node);
    const label = labelOf(item);
    assert.ok([...label].length <= 80, `${label.length} characters`);
    assert.ok(!label.includes('\u202e'), 'no bidi override in the label');
    assert.match(label, /\[U\+202E\]/);
    assert.ok(typeof item.description === 'string' && item.description.length <= 120);
    const tooltip = item.tooltip;
    assert.ok(tooltip instanceof vscode.MarkdownString);
    assert.equal(tooltip.isTrusted, false);
    assert.equal(tooltip.supportThemeIcons, false);
    assert.equal(tooltip.supportHtml, false);
    assert.ok(!/(^|[^\\])\]\(/.test(tooltip.value), 'no live link in the tooltip');
    assert.ok(tooltip.value.length < 2000, `${tooltip.value.length} characters of tooltip`);
  });

  it('an error node takes no unbounded code and no live link from the server', async () => {
    const [node] = await api.explorer.getChildren(org.users);
    assert.equal(node?.kind, 'error');
    const item = api.explorer.getTreeItem(node);
    const label = labelOf(item);
    assert.ok(label.length <= 120, `${label.length} characters`);
    const tooltip = item.tooltip as vscode.MarkdownString;
    assert.equal(tooltip.isTrusted, false);
    assert.equal(tooltip.supportThemeIcons, false);
    assert.ok(!/(^|[^\\])\]\(/.test(tooltip.value), 'no live link in the tooltip');
    assert.ok(tooltip.value.length < 3000, `${tooltip.value.length} characters of tooltip`);
  });

  it('console links never leave their path segment and survive Uri.parse unchanged', () => {
    for (const id of ['.', '..', 'x/../../../../logout', 'x%2F..%2F..%2Flogout']) {
      assert.throws(() => consoleUrl({ kind: 'serviceAccount', id }), /not a valid resource ID/, id);
    }
    const url = consoleUrl({ kind: 'serviceAccount', id: 'sa-1abc' });
    assert.equal(vscode.Uri.parse(url).toString(true), url);
    assert.equal(vscode.Uri.parse(url).toString(), url);
  });

  it('the host stays responsive: other folders load while one is stopped', async () => {
    await api.explorer.getChildren(org.environments);
    await org.environments.loadAll(new AbortController().signal);
    const children = await waitFor(async () => {
      const list = await api.explorer.getChildren(org.serviceAccounts);
      return list.length > 0 ? list : undefined;
    }, 5000, 'service accounts');
    assert.equal(children[0]?.kind, 'serviceAccount');
  });
});

describe('explorer hardening: server text in QuickPick rows', () => {
  it('escapes $(icon) in IDs as well as names, and caps every part', () => {
    const rows = [
      serviceAccountItem({ id: '$(zap)sa-1', display_name: `$(alert)${'n'.repeat(500)}`, description: '$(x)\u202e' }),
      userItem({ id: '$(zap)u-1', email: '$(mail)a@b.c', full_name: null }),
      clusterItem({ cluster: { id: '$(zap)lkc-1', spec: { display_name: '$(zap)', cloud: 'AWS', region: '$(r)' } } as never, environment: { id: '$(e)', display_name: 'env' } }),
    ];
    for (const row of rows) {
      for (const text of [row.label, row.description, row.detail]) {
        if (text === undefined) continue;
        assert.doesNotMatch(text, /(^|[^\\])\$\(/, `unescaped icon in ${text}`);
        assert.ok([...text].length <= 80, `${text.length} characters`);
        assert.ok(!text.includes('\u202e'));
      }
    }
  });
});
