// A new user's first minutes in the real workbench: where the extension opens, the keyboard on
// tree rows, adding the same organization twice, the secret view's focus and warnings, a
// rotation whose new secret was never stored, and the walkthrough.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FIXTURES } from '../../sandbox/fixtures';
import { useWorkbench } from './harness';
import { sandboxStatus } from './sandboxCalls';
import { until } from './until';

const ORG = FIXTURES.organization.displayName;

void describe('newcomer', () => {
  const session = useWorkbench({ name: 'newcomer' });
  const dialog = () => session.page.locator('.monaco-dialog-box');

  const sandboxGet = (path: string): Promise<number> => sandboxStatus(session.sandbox, path);

  /**
   * Waits for a notification and presses one of its buttons. This workbench announces
   * notifications to screen readers at once but may not pop a toast in a headless window, so the
   * message is awaited in the live region and the button pressed in the notification center.
   */
  async function notificationAction(text: RegExp, button: string): Promise<void> {
    const page = session.page;
    await page.locator('.monaco-alert', { hasText: text }).first().waitFor({ state: 'attached', timeout: 20_000 });
    const item = page.locator('.notification-list-item', { hasText: text }).first();
    if (!(await item.isVisible())) await session.workbench.runCommand('Notifications: Show Notifications');
    await item.locator('.monaco-button', { hasText: button }).first().click();
  }

  /** Create API Key… on the disposable service account, for the production cluster; returns the key ID. */
  async function createKey(name: string): Promise<string> {
    const wb = session.workbench;
    await wb.expand('Service accounts');
    await wb.contextMenu(FIXTURES.disposableServiceAccount.displayName, 'Create API Key…');
    await wb.pickQuickItem(FIXTURES.productionCluster.displayName);
    await wb.quickInput().locator('.quick-input-message', { hasText: /^Name of the key/ }).waitFor({ timeout: 20_000 });
    await wb.fillQuickInput(name);
    await wb.quickInput().locator('.quick-input-message', { hasText: /^Description/ }).waitFor({ timeout: 20_000 });
    await wb.fillQuickInput('');
    await wb.editorTab(new RegExp(`^API Key ${name}`)).waitFor({ timeout: 30_000 });
    const view = wb.webview();
    await view.locator('#api-key').waitFor({ timeout: 20_000 });
    return (await view.locator('#api-key').innerText()).trim();
  }

  /** Answers the delete confirmation, whichever form it takes (a button, or typing the name). */
  async function confirmDelete(name: string): Promise<void> {
    await dialog().waitFor({ timeout: 20_000 });
    const button = dialog().locator('.monaco-button', { hasText: /^(Delete|Continue…)$/ }).first();
    const label = (await button.innerText()).trim();
    await button.click();
    if (label === 'Continue…') await session.workbench.fillQuickInput(name);
  }

  void it('opens on the Confluent Cloud view with the organization expanded, named and identified', async () => {
    const wb = session.workbench;
    // No click on the activity bar: a first start shows the view by itself.
    await until(async () => (await wb.sideBarTitle().innerText()).toLowerCase().startsWith('confluent cloud'), 'the Confluent Cloud view');
    const row = wb.treeRow(ORG);
    await row.waitFor({ timeout: 30_000 });
    await until(async () => (await row.getAttribute('aria-expanded')) === 'true', 'the organization expanded');
    assert.equal(await row.locator('.label-description').innerText(), `${FIXTURES.organization.id} · from environment`);
    await until(async () => (await wb.treeLabels()).includes('Environments'), 'its folders showing');
    const status = session.page.locator('.part.statusbar [aria-label^="Confluent Cloud organization"]').first();
    await status.waitFor({ timeout: 20_000 });
    assert.equal(await status.getAttribute('aria-label'), `Confluent Cloud organization ${ORG}`, 'no icon names read out');
  });

  void it('Ctrl+C copies the selected row\'s ID, F2 renames it and Delete asks before deleting', async () => {
    const wb = session.workbench;
    const page = session.page;
    await wb.expand('Environments');
    const env = FIXTURES.productionEnvironment;
    await wb.treeRow(env.displayName).click();
    await page.evaluate(() => navigator.clipboard.writeText(''));
    // The selection reaches the key bindings' context a moment after the click.
    await until(async () => {
      await page.keyboard.press('Control+C');
      return (await wb.clipboardText()) === env.id;
    }, 'Ctrl+C to copy the environment ID');

    await page.keyboard.press('F2');
    const input = wb.quickInput().locator('input').first();
    await input.waitFor({ state: 'visible', timeout: 20_000 });
    assert.equal(await input.inputValue(), env.displayName, 'the rename box starts from the current name');
    await page.keyboard.press('Escape');
    await input.waitFor({ state: 'hidden', timeout: 10_000 });

    await wb.treeRow(env.displayName).click();
    await page.keyboard.press('Delete');
    await dialog().waitFor({ timeout: 20_000 });
    assert.match(await dialog().innerText(), /Delete the environment/);
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'hidden', timeout: 10_000 });
    assert.equal(await sandboxGet(`/org/v2/environments/${env.id}`), 200, 'nothing was deleted');
  });

  void it('Add Organization keeps a stable step count and recognises an organization that is already there', async () => {
    const wb = session.workbench;
    const widget = wb.quickInput();
    await wb.runCommand('Confluent Cloud: Add Organization…');
    await widget.locator('.monaco-list-row', { hasText: 'Custom endpoint…' }).waitFor({ timeout: 20_000 });
    assert.match(await widget.innerText(), /1\/4/);
    await wb.pickQuickItem('Custom endpoint…');
    await widget.locator('.quick-input-message', { hasText: /Endpoint URL/ }).waitFor({ timeout: 20_000 });
    const endpointStep = await widget.innerText();
    assert.match(endpointStep, /1\/4/, 'the custom endpoint is part of step 1');
    assert.doesNotMatch(endpointStep, /\/5/);
    await wb.fillQuickInput(`${session.sandbox.url}/`);
    await widget.locator('.quick-input-message', { hasText: /^Cloud API key/ }).waitFor({ timeout: 20_000 });
    assert.match(await widget.innerText(), /2\/4/);
    await wb.fillQuickInput(session.sandbox.apiKey);

    assert.equal(await widget.locator('.quick-input-message', { hasText: /^Secret of API key/ }).isVisible(), false, 'the secret is not asked for');
    await notificationAction(/is already in the explorer with this endpoint and API key/, 'Reveal');
    await until(async () => (await wb.treeRow(ORG).getAttribute('aria-selected')) === 'true', 'the existing organization selected');
    assert.equal((await wb.treeLabels()).filter((l) => l === ORG).length, 1, 'still one organization');
  });

  void it('the secret view takes the focus, warns before closing with the secret unstored, and offers to delete the key after', async () => {
    const wb = session.workbench;
    const key = await createKey('newcomer unused');
    const view = wb.webview();
    await until(() => view.locator('#copy-secret').evaluate((el) => el === document.activeElement && document.hasFocus()), 'focus on Copy Secret');
    assert.match(await view.locator('#unstored').innerText(), /Not stored yet/);

    await view.locator('button', { hasText: 'Done, I have stored the secret' }).click();
    await dialog().waitFor({ timeout: 20_000 });
    assert.match(await dialog().innerText(), /Close without storing the secret/);
    await dialog().locator('.monaco-button', { hasText: 'Close Without Storing' }).click();
    await wb.editorTab(/^API Key newcomer unused/).waitFor({ state: 'detached', timeout: 10_000 });

    await notificationAction(new RegExp(`secret of API key ${key} was not copied or inserted`), 'Delete Key…');
    await confirmDelete(key);
    await until(async () => (await sandboxGet(`/iam/v2/api-keys/${key}`)) === 404, 'the unused key deleted');
  });

  void it('rotation asks before deleting the old key while the new secret was never copied or inserted', async () => {
    const wb = session.workbench;
    const oldKey = await createKey('newcomer rotate');
    let view = wb.webview();
    await view.locator('#copy-secret').click();
    await view.locator('#unstored').waitFor({ state: 'hidden', timeout: 10_000 });
    await view.locator('button', { hasText: 'Done, I have stored the secret' }).click();
    await wb.editorTab(/^API Key newcomer rotate/).waitFor({ state: 'detached', timeout: 10_000 });

    await wb.expand(FIXTURES.disposableServiceAccount.displayName);
    await wb.expand(/^API keys/);
    await wb.contextMenu(oldKey, 'Rotate API Key…');
    await dialog().waitFor({ timeout: 20_000 });
    await dialog().locator('.monaco-button', { hasText: 'Create New Key' }).click();
    await wb.editorTab(/rotated/).waitFor({ timeout: 30_000 });
    view = wb.webview();
    await view.locator('#delete-old').waitFor({ timeout: 20_000 });

    // Straight to "delete the old key" without storing the new secret: asked first, cancel keeps it.
    await view.locator('#delete-old').click();
    await dialog().waitFor({ timeout: 20_000 });
    assert.match(await dialog().innerText(), /was not copied or inserted yet/);
    await dialog().locator('.monaco-button', { hasText: 'Cancel' }).click();
    await view.locator('.rotation', { hasText: 'Copy or insert the new secret first' }).waitFor({ timeout: 10_000 });
    assert.equal(await sandboxGet(`/iam/v2/api-keys/${oldKey}`), 200, 'the old key still works');

    // "Copy Secret and Continue" stores it, then the usual confirmation deletes the old key.
    await view.locator('#delete-old').click();
    await dialog().locator('.monaco-button', { hasText: 'Copy Secret and Continue' }).click();
    await dialog().filter({ hasText: /Delete the old API key/ }).waitFor({ timeout: 20_000 });
    await dialog().locator('.monaco-button', { hasText: 'Delete Old Key' }).click();
    await wb.webview().locator('.rotation', { hasText: 'Rotation complete' }).waitFor({ timeout: 20_000 });
    assert.equal(await sandboxGet(`/iam/v2/api-keys/${oldKey}`), 404);
    assert.equal(await wb.webview().locator('#unstored').isVisible(), false, 'the copy counted as storing the secret');
    await wb.webview().locator('button', { hasText: 'Done, I have stored the secret' }).click();
    await wb.editorTab(/rotated/).waitFor({ state: 'detached', timeout: 10_000 });
    await session.workbench.sideBarTitle().click().catch(() => undefined);
    await session.page.evaluate(() => navigator.clipboard.writeText('')).catch(() => undefined);
  });

  void it('offers a walkthrough from Add Organization to metrics', async () => {
    const wb = session.workbench;
    await wb.runCommand('Welcome: Open Walkthrough...');
    await wb.pickQuickItem('Get Started with Confluent Cloud Explorer');
    const page = session.page.locator('.part.editor .gettingStartedContainer');
    await page.waitFor({ timeout: 20_000 });
    for (const step of ['Connect an organization', 'Browse environments, clusters and accounts', 'Create an API key', 'Copy IDs and CRNs', 'Chart a cluster\'s metrics']) {
      await page.getByText(step, { exact: true }).first().waitFor({ timeout: 10_000 });
    }
    await page.getByRole('button', { name: 'Add Organization…' }).first().waitFor({ timeout: 10_000 });
  });
});
