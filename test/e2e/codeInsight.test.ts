import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FIXTURES } from '../../sandbox/fixtures';
import { REPO_ROOT, useWorkbench } from './harness';

const SA = FIXTURES.paymentsServiceAccount;
const ORG_ID = FIXTURES.organization.id;
// A secret in the 2025 format for one of the sandbox's keys: cflt + 60 characters. The extension
// only ever looks up the key ID next to it; the secret is never sent anywhere.
const SECRET = `cflt${'Ab3+/xYz9Q'.repeat(6)}`;
const FILE = 'client.properties';
const CONTENT = [
  '# payments producer',
  'bootstrap.servers=pkc-00000.us-east-1.aws.confluent.cloud:9092',
  `sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="${SA.apiKeyIds[0]}" password="${SECRET}";`,
  `client.principal=${SA.id}`,
  `audit.scope=crn://confluent.cloud/organization=${ORG_ID}/environment=${FIXTURES.productionEnvironment.id}/cloud-cluster=${FIXTURES.productionCluster.id}`,
  '',
].join('\n');

void describe('code insight', () => {
  const session = useWorkbench({ name: 'code-insight' });

  async function openFile(): Promise<void> {
    writeFileSync(join(session.server.workspace, FILE), CONTENT);
    const wb = session.workbench;
    // On a first start the extension shows its view by itself, which closes a Quick Open that is
    // already up: wait for that to have happened.
    await wb.treeRow(FIXTURES.organization.displayName).waitFor({ timeout: 60_000 });
    for (let attempt = 0; ; attempt++) {
      try {
        await session.page.keyboard.press('Control+P');
        await wb.fillQuickInput(FILE, { submit: false });
        await wb.pickQuickItem(FILE);
        await wb.editorTab(FILE).waitFor({ timeout: 20_000 });
        return;
      } catch (error) {
        if (attempt >= 2) throw error;
        await session.page.keyboard.press('Escape');
      }
    }
  }

  void it('hovers a service account ID, flags the plain-text secret, and copies a service account as Terraform', async () => {
    const wb = session.workbench;
    const page = session.page;
    await openFile();

    // Hover: the service account's name from the sandbox.
    const token = page.locator('.part.editor .monaco-editor .view-line span', { hasText: SA.id }).last();
    await token.waitFor({ timeout: 20_000 });
    const hover = page.locator('.monaco-editor .monaco-hover:visible', { hasText: 'payments-service' }).first();
    for (let attempt = 0; ; attempt++) {
      await page.mouse.move(5, 5);
      try {
        // The editor re-renders its lines (tokenization, decorations): the span may be replaced.
        await token.waitFor({ timeout: 10_000 });
        const box = await token.boundingBox();
        if (!box) throw new Error(`the ${SA.id} token has no box yet`);
        // The ID is the end of its span ("client.principal=sa-…"): rest on its last characters.
        await page.mouse.move(box.x + box.width - 12, box.y + box.height / 2, { steps: 5 });
        await hover.waitFor({ timeout: 6_000 });
        break;
      } catch (error) {
        if (attempt >= 5) throw error;
      }
    }
    const hoverText = await hover.innerText();
    assert.match(hoverText, /Service account sa-pay0001 — payments-service/);
    assert.match(hoverText, /Sandbox Organization/);
    assert.match(hoverText, /Reveal in Explorer/);
    await wb.screenshot(join(REPO_ROOT, 'media', 'screenshots', 'code-insight.png'));

    // Problems panel: the secret warning names the key and its owner.
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: `API secret in plain text for key ${SA.apiKeyIds[0]} owned by payments-service` }).first();
    await problem.waitFor({ timeout: 30_000 });
    assert.ok(!(await page.locator('.markers-panel').innerText()).includes(SECRET.slice(4, 30)), 'the secret is not shown in the Problems panel');

    // Copy as Terraform on the service account node.
    await wb.openViewContainer();
    await wb.expand(FIXTURES.organization.displayName);
    await wb.expand('Service accounts');
    await wb.treeRow(SA.displayName).waitFor({ timeout: 20_000 });
    await wb.contextMenu(SA.displayName, 'Copy as Terraform');
    let copied = '';
    const deadline = Date.now() + 20_000;
    while (!copied.includes('confluent_service_account') && Date.now() < deadline) {
      copied = await wb.clipboardText();
      if (!copied.includes('confluent_service_account')) await new Promise((r) => setTimeout(r, 100));
    }
    assert.match(copied, /^resource "confluent_service_account" "payments_service" \{\n {2}display_name = "payments-service"\n {2}description {2}= "Moves money between ledgers"\n\}/);
    assert.match(copied, /import \{\n {2}to = confluent_service_account\.payments_service\n {2}id = "sa-pay0001"\n\}/);
  });
});
