import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FIXTURES } from '../../sandbox/fixtures';
import { ROLE_BINDING_FIXTURES } from '../../sandbox/roleBindingFixtures';
import { REPO_ROOT, useWorkbench } from './harness';
import { sandboxJson } from './sandboxCalls';
import { until } from './until';

const ORG = FIXTURES.organization.displayName;
const SA = FIXTURES.disposableServiceAccount;
const PATTERN = `${ROLE_BINDING_FIXTURES.crn.productionCluster}/kafka=${FIXTURES.productionCluster.id}/topic=orders-*`;

interface Recorded { method: string; path: string; status: number }

void describe('Access: grant and revoke from the tree', () => {
  const session = useWorkbench({ name: 'access' });
  const dialog = () => session.page.locator('.monaco-dialog-box');

  async function bindingsOf(principal: string): Promise<{ id: string; role_name: string; crn_pattern: string }[]> {
    const query = new URLSearchParams({ crn_pattern: `${ROLE_BINDING_FIXTURES.crn.organization}/*`, principal });
    return (await sandboxJson<{ data: { id: string; role_name: string; crn_pattern: string }[] }>(session.sandbox, `/iam/v2/role-bindings?${query.toString()}`)).data;
  }

  async function writes(method: string): Promise<Recorded[]> {
    return ((await session.sandbox.requests()) as Recorded[]).filter((r) => r.method === method && r.path.startsWith('/iam/v2/role-bindings'));
  }

  void it('right-click a service account → Grant Role… → DeveloperRead on a topic prefix → listed in Access → Revoke', async () => {
    const wb = session.workbench;
    await wb.openViewContainer();
    await wb.expand(ORG);
    await wb.expand('Service accounts');
    await wb.contextMenu(SA.displayName, 'Grant Role…');

    // The principal is preset by the row: the first step is the scope.
    await wb.pickQuickItem('Topics starting with');
    await wb.pickQuickItem(FIXTURES.productionCluster.displayName);
    await wb.quickInput().locator('.quick-input-message', { hasText: /^Topic prefix/ }).waitFor({ timeout: 20_000 });
    await wb.fillQuickInput('orders-');
    await wb.pickQuickItem(/^DeveloperRead/);
    // Nothing is granted before the user sees principal, role and scope.
    const confirmation = wb.quickInput().locator('.monaco-list-row', { hasText: 'Grant DeveloperRead to disposable-service' });
    await confirmation.waitFor({ timeout: 20_000 });
    assert.match(await confirmation.innerText(), /topics starting with 'orders-' · orders-prod \(Production\)/);
    assert.equal((await writes('POST')).length, 0);
    await confirmation.click();
    await until(async () => (await writes('POST')).length > 0, async () => `the POST; requests: ${JSON.stringify(((await session.sandbox.requests()) as Recorded[]).slice(-8))}`);

    const posts = await writes('POST');
    assert.equal(posts.length, 1, 'exactly one POST');
    const granted = (await bindingsOf(`User:${SA.id}`)).filter((b) => b.crn_pattern === PATTERN);
    assert.deepEqual(granted.map((b) => b.role_name), ['DeveloperRead'], 'that principal and pattern');

    await wb.expand(SA.displayName);
    // The account's Access folder (level 4: organization, Service accounts, account, Access), not
    // the organization's own (level 2).
    const folder = session.page.locator('.part.sidebar .monaco-list-row[role="treeitem"][aria-level="4"]')
      .filter({ has: session.page.locator('.label-name', { hasText: /^\s*Access\s*$/ }) }).first();
    await folder.waitFor({ timeout: 20_000 });
    await folder.locator('.monaco-tl-twistie').click();
    const row = session.page.locator('.part.sidebar .monaco-list-row[role="treeitem"]', { hasText: "topics starting with 'orders-'" }).first();
    await row.waitFor({ timeout: 20_000 });
    assert.match(await row.innerText(), /DeveloperRead/);
    assert.match(await row.innerText(), /orders-prod \(Production\)/);
    // Wider side bar for the README picture, so the sentences are readable in full.
    const edge = (await session.page.locator('.part.sidebar').boundingBox())?.x ?? 0;
    const right = edge + ((await session.page.locator('.part.sidebar').boundingBox())?.width ?? 0);
    let box: { x: number; y: number; width: number; height: number } | null = null;
    for (const sash of await session.page.locator('.monaco-sash.vertical').all()) {
      const b = await sash.boundingBox();
      if (b && Math.abs(b.x + b.width / 2 - right) < 8 && b.height > 200) box = b;
    }
    if (box) {
      await session.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await session.page.mouse.down();
      await session.page.mouse.move(box.x + 420, box.y + box.height / 2, { steps: 8 });
      await session.page.mouse.up();
    }
    await wb.screenshot(join(REPO_ROOT, 'media', 'screenshots', 'access.png'), { target: session.page.locator('.part.sidebar') });

    await row.click({ button: 'right' });
    const menu = session.page.locator('.monaco-menu').first();
    const revoke = menu.locator('.action-item:not(.disabled) .action-label', { hasText: 'Revoke Role…' }).first();
    await revoke.waitFor({ state: 'visible', timeout: 20_000 });
    await revoke.hover();
    await revoke.click();
    // A click that lands while the menu is still settling can be swallowed on a loaded machine;
    // the hovered entry has focus then, so Enter runs it (as Workbench.contextMenu does).
    try {
      await menu.waitFor({ state: 'hidden', timeout: 2_000 });
    } catch {
      await session.page.keyboard.press('Enter');
    }
    await dialog().waitFor({ timeout: 20_000 });
    const text = await dialog().innerText();
    assert.match(text, /Revoke the role binding/);
    assert.match(text, /disposable-service/);
    assert.match(text, /Role: DeveloperRead/);
    assert.match(text, /topics starting with 'orders-'/);
    assert.equal((await writes('DELETE')).length, 0, 'nothing revoked before the confirmation');
    await dialog().locator('.monaco-button', { hasText: 'Revoke' }).click();
    await row.waitFor({ state: 'detached', timeout: 20_000 });
    assert.equal((await writes('DELETE')).length, 1, 'exactly one DELETE');
    assert.equal((await bindingsOf(`User:${SA.id}`)).filter((b) => b.crn_pattern === PATTERN).length, 0);
  });
});
