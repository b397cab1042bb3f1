import { describe, it } from 'node:test';
import { useWorkbench } from './harness';

void describe('probe', () => {
  const session = useWorkbench({ name: 'probe' });
  void it('probe', async () => {
    const wb = session.workbench;
    const widget = wb.quickInput();
    await wb.runCommand('Confluent Cloud: Add Organization…');
    await wb.pickQuickItem('Custom endpoint…');
    await widget.locator('.quick-input-message', { hasText: /Endpoint URL/ }).waitFor({ timeout: 20_000 });
    await wb.fillQuickInput(`${session.sandbox.url}/`);
    await widget.locator('.quick-input-message', { hasText: /^Cloud API key/ }).waitFor({ timeout: 20_000 });
    await wb.fillQuickInput(session.sandbox.apiKey);
    await new Promise((r) => setTimeout(r, 3000));
    console.log('WIDGET', await widget.isVisible(), (await widget.innerText().catch(() => '')).slice(0, 300));
    console.log('TOASTS', await session.page.evaluate(() => (document.querySelector('.notifications-toasts')?.outerHTML ?? 'none').slice(0, 3000)));
    console.log('ENV', session.sandbox.url);
    console.log(session.hostLog().filter((l) => /rror|xception/.test(l)).slice(-10).join('\n'));
  });
});
