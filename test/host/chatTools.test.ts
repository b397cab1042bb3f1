import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FIXTURES, SEED_COUNTS } from '../../sandbox/fixtures';
import { ROLE_BINDING_FIXTURES } from '../../sandbox/roleBindingFixtures';
import { ORGANIZATION_CONNECTED_KEY } from '../../src/chat/chatTools';
import { CHAT_TOOLS } from '../../src/chat/toolList';
import { activateExtension, manifest, sandbox } from './helpers';
import { assertWellFormed, invoke, pageTokenOf, rowIds } from './chatToolsSupport';
import { freshSandbox, requests } from './commandsSupport';

interface ToolManifest {
  name: string; displayName: string; modelDescription: string; userDescription: string; toolReferenceName: string;
  canBeReferencedInPrompt: boolean; when: string; inputSchema: { type: string; properties: Record<string, unknown>; required?: string[] };
}

function contributedTools(ext: vscode.Extension<unknown>): ToolManifest[] {
  return (manifest(ext).contributes as { languageModelTools?: ToolManifest[] }).languageModelTools ?? [];
}

describe('chat tools: registration and read tools', () => {
  before(async () => {
    await freshSandbox();
  });
  afterEach(async () => {
    await sandbox.setFaults('');
  });

  it('vscode.lm.tools lists exactly the manifest tools, with the same schemas, gated on a connected organization', async () => {
    const ext = await activateExtension();
    const declared = contributedTools(ext);
    assert.ok(declared.length >= 12, 'at least 12 tools are declared');
    const registered = vscode.lm.tools.filter((t) => t.name.startsWith('confluentCloud_'));
    assert.deepEqual(registered.map((t) => t.name).sort(), declared.map((t) => t.name).sort(), 'registered and declared tools agree');
    assert.deepEqual(CHAT_TOOLS.map((t) => t.name).sort(), declared.map((t) => t.name).sort(), 'the code registers every declared tool');
    const refs = new Set<string>();
    for (const tool of declared) {
      assert.ok(tool.modelDescription.length > 60, `${tool.name} has a precise modelDescription`);
      assert.ok(tool.userDescription && tool.displayName, `${tool.name} has user-facing text`);
      assert.match(tool.toolReferenceName, /^cc[A-Z]\w+$/, `${tool.name} has a toolReferenceName`);
      assert.ok(!refs.has(tool.toolReferenceName), 'toolReferenceNames are unique');
      refs.add(tool.toolReferenceName);
      assert.equal(tool.when, ORGANIZATION_CONNECTED_KEY);
      assert.equal(tool.inputSchema.type, 'object');
      const info = registered.find((t) => t.name === tool.name)!;
      assert.deepEqual(info.inputSchema, tool.inputSchema, `${tool.name}: the host sees the declared schema`);
      for (const required of tool.inputSchema.required ?? []) assert.ok(required in tool.inputSchema.properties, `${tool.name}.${required} is a property`);
    }
    // The when clause is true here: the sandbox organization is connected from environment variables.
    assert.ok(registered.length > 0, 'the tools are visible while an organization is connected');
  });

  it('lists service accounts in pages of the requested size with a working continuation', async () => {
    const first = await invoke('confluentCloud_listServiceAccounts', { limit: 5 });
    assertWellFormed(first);
    assert.match(first, new RegExp(`Showing 5 of ${SEED_COUNTS.serviceAccounts.toLocaleString('en-US')} service accounts`));
    const firstIds = rowIds(first);
    assert.equal(firstIds.length, 5);
    const token = pageTokenOf(first);
    assert.ok(token, 'the first page offers a pageToken');
    const second = await invoke('confluentCloud_listServiceAccounts', { limit: 5, pageToken: token });
    const secondIds = rowIds(second);
    assert.equal(secondIds.length, 5);
    assert.deepEqual(secondIds.filter((id) => firstIds.includes(id)), [], 'the next page has other accounts');
    const wrong = await invoke('confluentCloud_listUsers', { limit: 5, pageToken: token });
    assert.match(wrong, /^Invalid input: pageToken `p\d+` is unknown or belongs to another query/);
  });

  it('caps a page at 50 rows however many are asked for', async () => {
    const text = await invoke('confluentCloud_listServiceAccounts', { limit: 1000 });
    assert.equal(rowIds(text).length, 50);
    assertWellFormed(text);
  });

  it('searches service accounts and shows hostile names as inert code spans', async () => {
    const text = await invoke('confluentCloud_listServiceAccounts', { query: 'payments' });
    assertWellFormed(text);
    assert.ok(rowIds(text).includes(FIXTURES.paymentsServiceAccount.id));
    assert.match(text, /`payments-service` — `Moves money between ledgers`/);
    const hostile = await invoke('confluentCloud_listServiceAccounts', { query: 'command:', limit: 50 });
    assertWellFormed(hostile);
    assert.ok(rowIds(hostile).length > 0, 'hostile names are found');
    assert.match(hostile, /`\[click\]\u200b\(command:workbench\.action\.quit\)`/, 'the link is broken and fenced');
  });

  it('lists API keys by owner and by resource, never with a secret', async () => {
    const byOwner = await invoke('confluentCloud_listApiKeys', { owner: FIXTURES.paymentsServiceAccount.id });
    assertWellFormed(byOwner);
    assert.deepEqual(rowIds(byOwner).sort(), [...FIXTURES.paymentsServiceAccount.apiKeyIds].sort());
    assert.match(byOwner, /`PAYMENTSCLOUD001` `payments cloud key`: owner `sa-pay0001`, Cloud API key \(organization-wide\)/);
    const byResource = await invoke('confluentCloud_listApiKeys', { resource: FIXTURES.productionCluster.id, query: 'ada laptop' });
    assert.deepEqual(rowIds(byResource), [FIXTURES.user.apiKeyIds[0]]);
    assert.doesNotMatch(byResource, /Cloud API key \(organization-wide\)/, 'only keys of that cluster');
    assert.doesNotMatch(byResource + byOwner, /secret":|[A-Za-z0-9+/]{40,}/);
  });

  it('lists users, environments and clusters across environments', async () => {
    const users = await invoke('confluentCloud_listUsers', { query: 'ada.lovelace' });
    assert.deepEqual(rowIds(users), [FIXTURES.user.id]);
    const envs = await invoke('confluentCloud_listEnvironments', {});
    assert.ok(rowIds(envs).includes(FIXTURES.productionEnvironment.id));
    const clusters = await invoke('confluentCloud_listKafkaClusters', { limit: 50 });
    assertWellFormed(clusters);
    assert.match(clusters, /`lkc-prod01` `orders-prod` in `env-prod01`: `AWS` `us-east-1`, `Dedicated`/);
    const inEnv = await invoke('confluentCloud_listKafkaClusters', { environment: FIXTURES.productionEnvironment.id });
    assert.ok(rowIds(inEnv).includes(FIXTURES.productionCluster.id));
  });

  it('explains a principal\'s access in bounded pages', async () => {
    const first = await invoke('confluentCloud_principalAccess', { principal: FIXTURES.paymentsServiceAccount.id });
    assertWellFormed(first);
    assert.match(first, new RegExp(`\`User:sa-pay0001\` \\(\`payments-service\`\\) has ${ROLE_BINDING_FIXTURES.paymentsBindingCount} role bindings`));
    const rows = first.split('\n').filter((l) => l.startsWith('- '));
    assert.equal(rows.length, 20, 'default page of 20');
    assert.match(rows[0]!, /`CloudClusterAdmin` on cluster `lkc-prod01` in environment `env-prod01` \(binding `rb-clsadm1`\)/, 'broadest scope first');
    assert.match(first, new RegExp(`${ROLE_BINDING_FIXTURES.paymentsBindingCount - 20} more: call confluentCloud_principalAccess again`));
    const second = await invoke('confluentCloud_principalAccess', { principal: FIXTURES.paymentsServiceAccount.id, pageToken: pageTokenOf(first) });
    const secondRows = second.split('\n').filter((l) => l.startsWith('- '));
    assert.equal(secondRows.length, 20);
    assert.deepEqual(secondRows.filter((r) => rows.includes(r)), []);
    const none = await invoke('confluentCloud_principalAccess', { principal: FIXTURES.disposableServiceAccount.id });
    assert.match(none, /has 1 role binding: `MetricsViewer` ×1/);
  });

  it('explains who can reach a topic: direct, prefix and inherited bindings', async () => {
    const text = await invoke('confluentCloud_resourceAccess', { cluster: FIXTURES.productionCluster.id, topic: 'payments-eu', limit: 50 });
    assertWellFormed(text);
    const line = (id: string): string | undefined => text.split('\n').find((l) => l.includes(`\`${id}\``));
    assert.match(line(ROLE_BINDING_FIXTURES.prefixTopic.id) ?? '', /`DeveloperRead` through the prefix binding on topics starting with `payments-`/);
    assert.match(line(ROLE_BINDING_FIXTURES.allTopics.id) ?? '', /`User:pool-sbx0001` `DeveloperRead` through the prefix binding on every topic/);
    assert.match(line(ROLE_BINDING_FIXTURES.clusterAdmin.id) ?? '', /inherited from cluster `lkc-prod01`/);
    assert.match(line(ROLE_BINDING_FIXTURES.envAdmin.id) ?? '', /inherited from environment `env-prod01`/);
    assert.match(line(ROLE_BINDING_FIXTURES.orgAdmin.id) ?? '', /inherited from the organization/);
    assert.equal(line(ROLE_BINDING_FIXTURES.literalTopic.id), undefined, 'topic=payments does not reach payments-eu');
    const cluster = await invoke('confluentCloud_resourceAccess', { cluster: FIXTURES.productionCluster.id });
    assert.match(cluster, /plus \d+ bindings on resources inside it/);
    assertWellFormed(cluster);
  });

  it('reviews one owner\'s keys: old ones listed, the Metrics API asked once per cluster', async () => {
    await sandbox.clearRequests();
    const text = await invoke('confluentCloud_reviewApiKeys', { owner: FIXTURES.paymentsServiceAccount.id, olderThanDays: 1 });
    assertWellFormed(text);
    assert.match(text, /Reviewed 3 API keys owned by `sa-pay0001`: 0 orphaned, \d idle, 3 older than 1 days/);
    assert.match(text, /Cloud API keys \(organization-wide\) are never marked idle/);
    assert.equal((await requests('POST', '/v2/metrics/cloud/query')).length, 1, 'one query for the one cluster the keys use');
  });

  it('reviews the whole organization within the size bound and at most 5 Metrics queries', async () => {
    await sandbox.clearRequests();
    const text = await invoke('confluentCloud_reviewApiKeys', { limit: 5 });
    assertWellFormed(text);
    assert.match(text, /Reviewed 5,000 API keys: 0 orphaned, \d+ idle, \d+ older than 90 days/);
    assert.doesNotMatch(text, /Reviewed the first/, 'all keys fit the scan limit');
    const queries = (await requests('POST', '/v2/metrics/cloud/query')).length;
    assert.ok(queries >= 1 && queries <= 5, `${queries} Metrics queries`);
    assert.match(text, /more: call confluentCloud_reviewApiKeys again with "category": "old"/);
  });

  it('queries a metric into a compact table, grouped or over time', async () => {
    await sandbox.clearRequests();
    const series = await invoke('confluentCloud_queryMetric', { cluster: FIXTURES.productionCluster.id, metric: 'received_bytes', range: '6h' });
    assertWellFormed(series);
    const rows = series.split('\n').filter((l) => /^\| \d{4}-/.test(l));
    assert.ok(rows.length >= 20 && rows.length <= 25, `about 24 buckets of 15 minutes, got ${rows.length}`);
    assert.match(series, /Total [\d.]+ [kMGT]?B, peak bucket/);
    const grouped = await invoke('confluentCloud_queryMetric', { cluster: FIXTURES.productionCluster.id, metric: 'received_bytes', groupBy: 'metric.topic', limit: 3 });
    assertWellFormed(grouped);
    assert.equal(grouped.split('\n').filter((l) => l.startsWith('| `')).length, 3);
    assert.match(grouped, /\d+ more groups: call confluentCloud_queryMetric again/);
    const sent = await requests('POST', '/v2/metrics/cloud/query');
    assert.equal(sent.length, 2, 'one request per query');
  });

  it('answers failures as results the model can act on', async () => {
    await sandbox.setFaults('403@GET /iam/v2/service-accounts');
    const forbidden = await invoke('confluentCloud_listServiceAccounts', {});
    assert.match(forbidden, /^403: the signed-in key lacks /);
    assert.doesNotMatch(forbidden, /\n\s+at /, 'no stack');
    await sandbox.setFaults('403@GET /iam/v2/role-bindings');
    assert.match(await invoke('confluentCloud_principalAccess', { principal: 'sa-pay0001' }), /^403: the signed-in key lacks a role that can read role bindings \(AccountAdmin, OrganizationAdmin\)/);
    await sandbox.setFaults('403@/v2/metrics/');
    assert.match(await invoke('confluentCloud_queryMetric', { cluster: 'lkc-prod01', metric: 'sent_bytes' }), /^403: the signed-in key lacks the MetricsViewer role/);
    await sandbox.setFaults('500@GET /iam/v2/api-keys');
    assert.match(await invoke('confluentCloud_listApiKeys', {}), /^500: Confluent Cloud failed on its side\. A read is safe to retry\./);
    await sandbox.setFaults('');
    assert.match(await invoke('confluentCloud_listUsers', { organization: 'no-such-org' }), /^Invalid input: no connected organization matches `no-such-org`/);
    assert.match(await invoke('confluentCloud_resourceAccess', { topic: 'orders' }), /^Invalid input: "topic" needs "cluster"/);
    assert.match(await invoke('confluentCloud_resourceAccess', { cluster: 'lkc-nope' }), /^Invalid input: no Kafka cluster `lkc-nope` was found/);
  });
});
