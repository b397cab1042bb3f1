import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { COMMAND_LINK, type HostileServer, startHostileServer } from '../fixtures/hostileServer';
import { useWorkbench } from './harness';

const ENVS = '/org/v2/environments';
const SAS = '/iam/v2/service-accounts';
const LIMIT = 500;
const PAGE = 50;
const HUGE_BYTES = 300 * 1024 * 1024;

void describe('explorer against a hostile server', () => {
  let server: HostileServer | undefined;
  // Filled in by the hook below, which runs before the harness starts the host and reads it.
  const env: Record<string, string> = {};
  before(async () => {
    server = await startHostileServer({
      '/org/v2/organizations': { kind: 'list', data: [{ id: 'org-hostile-1', display_name: 'Hostile org' }] },
      [ENVS]: { kind: 'endless', idPrefix: 'env', item: (id) => ({ id, display_name: `environment ${id}` }) },
      [SAS]: { kind: 'huge', bytes: HUGE_BYTES },
      '/iam/v2/users': { kind: 'list', data: [{ id: 'u-1', email: 'a@example.com', full_name: `Mallory\u202eexe. ${COMMAND_LINK}` }] },
    });
    Object.assign(env, {
      CONFLUENT_CLOUD_ENDPOINT: server.url, CONFLUENT_CLOUD_METRICS_ENDPOINT: server.url,
      CONFLUENT_CLOUD_API_KEY: 'HOSTILEKEY0000', CONFLUENT_CLOUD_API_SECRET: 'hostile-e2e-secret',
    });
  });
  const session = useWorkbench({
    name: 'hostile server', env,
    settings: { 'confluentCloud.loadAllLimit': LIMIT, 'confluentCloud.pageSize': PAGE, 'confluentCloud.maxResponseMegabytes': 32 },
  });
  after(async () => {
    await server?.close();
  });

  void it('Load all stops at the limit, an oversized list becomes an error row, and the host stays responsive', async () => {
    const wb = session.workbench;
    const hostile = server!;
    await wb.openViewContainer();
    await wb.expand(/Hostile org/);
    await wb.expand('Environments');
    await wb.treeRow(/environment env-0/).waitFor({ state: 'visible', timeout: 20_000 });
    await wb.contextMenu('Environments', 'Load All');
    const folder = wb.treeRow('Environments');
    await folder.locator('.label-description', { hasText: `${LIMIT} loaded, stopped at the limit` }).waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(hostile.count(ENVS), LIMIT / PAGE, 'one request per page up to the limit, none after');
    // Out of the way, so the other folders are on screen (the list only renders visible rows).
    await folder.locator('.monaco-tl-twistie').click();
    await session.page.waitForFunction((el) => el?.getAttribute('aria-expanded') === 'false', await folder.elementHandle(), { timeout: 10_000 });

    await wb.expand('Service accounts');
    await wb.treeRow(/Couldn't load service accounts: response too large/).waitFor({ state: 'visible', timeout: 60_000 });
    assert.ok(hostile.bytesSent(SAS) < HUGE_BYTES / 2, `${hostile.bytesSent(SAS)} bytes sent before the client hung up`);

    // Still responsive: another folder expands, and its hostile name shows as plain text.
    await wb.expand('Users');
    const user = wb.treeRow(/^Mallory/);
    await user.waitFor({ state: 'visible', timeout: 20_000 });
    const label = await user.locator('.label-name').innerText();
    assert.ok(!label.includes('\u202e'), 'the bidi override is not in the row');
    assert.match(label, /\[U\+202E\]/);
    // Inline actions are links too; only the label and description must have none.
    assert.equal(await user.locator('.label-name a, .label-description a').count(), 0, 'no link in the row text');
    assert.equal(hostile.count(ENVS), LIMIT / PAGE, 'nothing kept paging in the background');
  });
});
