import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Locator } from 'playwright-core';
import { FIXTURES, HOSTILE_NAMES } from '../../sandbox/fixtures';
import { REPO_ROOT, useWorkbench } from './harness';

const SA_PATH = '/iam/v2/service-accounts';

void describe('explorer', () => {
  // Signed out: the organization is added through the UI, as a new user would.
  const session = useWorkbench({ name: 'explorer', signedOut: true });

  async function saRequests(): Promise<number> {
    const all = (await session.sandbox.requests()) as { method: string; path: string }[];
    return all.filter((r) => r.method === 'GET' && r.path === SA_PATH).length;
  }

  /** Waits until the open input box asks for something matching (the widget is reused between steps). */
  async function waitForStep(prompt: RegExp): Promise<void> {
    await session.workbench.quickInput().locator('.quick-input-message', { hasText: prompt }).waitFor({ state: 'visible', timeout: 20_000 });
  }

  /** Drags the side bar's sash so the screenshot shows descriptions, not ellipses. */
  async function widenSideBar(by: number): Promise<void> {
    const page = session.page;
    const box = await page.locator('.part.sidebar').boundingBox();
    if (!box) return;
    const right = box.x + box.width;
    const sashes = page.locator('.monaco-sash.vertical');
    for (let i = 0; i < (await sashes.count()); i++) {
      const sash = await sashes.nth(i).boundingBox();
      if (!sash || Math.abs(sash.x + sash.width / 2 - right) > 6 || sash.height < box.height / 2) continue;
      const x = sash.x + sash.width / 2;
      const y = sash.y + sash.height / 2;
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x + by, y, { steps: 10 });
      await page.mouse.up();
      return;
    }
  }

  /**
   * Rests the mouse on a row until its hover shows. Moving away first gives the row a fresh
   * mouse-enter; the retry covers a row that re-rendered under the pointer (e.g. when its folder's
   * count updated) and so never saw one.
   */
  async function hoverOver(row: Locator): Promise<Locator> {
    const hover = session.page.locator('.workbench-hover:visible').first();
    for (let attempt = 0; ; attempt++) {
      await session.page.mouse.move(5, 5);
      await row.hover();
      try {
        await hover.waitFor({ timeout: 4_000 });
        return hover;
      } catch (error) {
        if (attempt >= 4) throw error;
      }
    }
  }

  function description(label: string | RegExp) {
    return session.workbench.treeRow(label).locator('.label-description');
  }

  void it('adds the sandbox organization from the welcome view, with a wrong secret first', async () => {
    const wb = session.workbench;
    await wb.openViewContainer();
    const welcome = wb.viewPane('Explorer');
    await welcome.getByText(/No account at hand/).waitFor({ timeout: 20_000 });
    await welcome.locator('.monaco-button', { hasText: 'Add Organization' }).click();

    await wb.pickQuickItem('Custom endpoint…');
    await waitForStep(/Endpoint URL/);
    await wb.fillQuickInput('http://example.com');
    await wb.quickInput().getByText(/only allowed for this machine/).waitFor({ timeout: 10_000 });
    await wb.fillQuickInput(session.sandbox.url);
    await waitForStep(/^Cloud API key/);
    await wb.fillQuickInput(session.sandbox.apiKey);
    await waitForStep(/^Secret of API key/);
    await wb.fillQuickInput('not-the-secret');
    await wb.quickInput().getByText(/rejected \(401/).waitFor({ timeout: 20_000 });
    await wb.fillQuickInput(session.sandbox.apiSecret);
    await waitForStep(/^Name shown in the explorer/);
    const name = await wb.quickInput().locator('input').first().inputValue();
    assert.equal(name, FIXTURES.organization.displayName, 'the organization name is offered as the label');
    await wb.fillQuickInput(name);
    await wb.treeRow(FIXTURES.organization.displayName).waitFor({ timeout: 20_000 });
  });

  void it('expands service accounts lazily and loads exactly one more page', async () => {
    const wb = session.workbench;
    await session.sandbox.clearRequests();
    await wb.expand(FIXTURES.organization.displayName);
    assert.equal(await saRequests(), 0, 'nothing fetched before the folder opens');
    await wb.expand('Service accounts');
    await description('Service accounts').filter({ hasText: `50 of ${(1500).toLocaleString('en-US')}` }).waitFor({ timeout: 20_000 });
    assert.equal(await saRequests(), 1);

    // The list is virtual: scroll to its end, where "Load more…" is.
    const loadMore = wb.treeRow('Load more…');
    await wb.treeRow('Service accounts').hover();
    for (let i = 0; i < 20 && !(await loadMore.isVisible()); i++) await session.page.mouse.wheel(0, 600);
    await loadMore.click();
    await description('Service accounts').filter({ hasText: /^100 of/ }).waitFor({ timeout: 20_000 });
    assert.equal(await saRequests(), 2, 'Load more sent one request');

  });

  void it('the folder row\'s inline + button starts Create Service Account for that organization', async () => {
    const wb = session.workbench;
    const row = await wb.scrollToRow('Service accounts');
    await row.hover();
    const button = row.locator('.actions .action-label[aria-label^="Create Service Account"]');
    await button.waitFor({ state: 'visible', timeout: 20_000 });
    await button.click();
    const title = wb.quickInput().locator('.quick-input-title');
    await title.filter({ hasText: `Create Service Account in ${FIXTURES.organization.displayName}` }).waitFor({ timeout: 20_000 });
    await session.page.keyboard.press('Escape');
    await wb.quickInput().waitFor({ state: 'hidden', timeout: 20_000 });
  });

  void it('filters service accounts and copies a CRN into an editor', async () => {
    const wb = session.workbench;
    await wb.contextMenu('Service accounts', 'Filter…');
    await wb.fillQuickInput(FIXTURES.paymentsServiceAccount.displayName);
    await description('Service accounts').filter({ hasText: 'name = "payments-service" (exact)' }).waitFor({ timeout: 20_000 });
    await wb.treeRow(FIXTURES.paymentsServiceAccount.displayName).waitFor();

    await wb.contextMenu(FIXTURES.paymentsServiceAccount.displayName, 'Copy CRN');
    const pasted = await wb.pasteIntoNewEditor();
    assert.match(pasted.trim(), /^crn:\/\/.*service-account=sa-pay0001$/);
  });

  void it('shows a hostile name as plain text on hover', async () => {
    const wb = session.workbench;
    const hostile = HOSTILE_NAMES[0];
    await wb.openViewContainer();
    await wb.contextMenu('Service accounts', 'Filter…');
    await wb.fillQuickInput(hostile);
    const row = wb.treeRow(hostile);
    await row.waitFor({ timeout: 20_000 });
    const hover = await hoverOver(row);
    const text = await hover.innerText();
    assert.ok(text.includes(hostile), `the tooltip shows the literal name: ${text}`);
    assert.equal(await hover.locator('a[href^="command:"], a[data-href^="command:"], img').count(), 0, 'no links or images rendered');
  });

  void it('README screenshot: clusters, keys and a tooltip', async () => {
    const wb = session.workbench;
    await wb.contextMenu('Service accounts', 'Clear Filter');
    await session.page.locator('.part.sidebar .title-actions .action-label[aria-label^="Collapse All"]').click();
    await widenSideBar(260);
    await wb.expand(FIXTURES.organization.displayName);
    await wb.expand('Environments');
    await wb.expand(FIXTURES.productionEnvironment.displayName);
    await wb.expand('Kafka clusters');
    await wb.expand(FIXTURES.productionCluster.displayName);
    await wb.expand('Service accounts');
    await hoverOver(wb.treeRow(FIXTURES.productionCluster.displayName));
    await wb.screenshot(join(REPO_ROOT, 'media', 'screenshots', 'explorer.png'));
  });
});
