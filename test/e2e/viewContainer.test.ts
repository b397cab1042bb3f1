import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useWorkbench } from './harness';

void describe('Confluent Cloud view container', () => {
  const session = useWorkbench({ name: 'view container' });

  void it('opens from the activity bar and shows the Explorer view', async () => {
    const wb = session.workbench;
    await wb.openViewContainer('Confluent Cloud');
    await wb.viewPane('Explorer').waitFor({ state: 'visible', timeout: 20_000 });
    const title = await wb.sideBarTitle().innerText();
    assert.match(title, /confluent cloud/i);
    assert.match(await session.page.title(), /Extension Development Host/);
  });
});
