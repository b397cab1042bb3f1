import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { FrameLocator } from 'playwright-core';
import { REPO_ROOT, useWorkbench } from './harness';

const QUERY_PATH = '/v2/metrics/cloud/query';

/** Counts drawn pixels on the chart canvas that differ from its top-left (background) pixel. */
async function inkedPixels(view: FrameLocator): Promise<number> {
  return view.locator('.uplot canvas').first().evaluate((canvas: HTMLCanvasElement) => {
    const ctx = canvas.getContext('2d');
    if (!ctx) return 0;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 0 && (data[i]! + data[i + 1]! + data[i + 2]! > 60)) inked++;
    return inked;
  });
}

async function draws(view: FrameLocator): Promise<number> {
  return Number((await view.locator('#app').getAttribute('data-draws')) ?? 0);
}

void describe('metrics panel', () => {
  const session = useWorkbench({ name: 'metrics panel' });

  async function queries(): Promise<number> {
    const all = (await session.sandbox.requests()) as { method: string; path: string }[];
    return all.filter((r) => r.method === 'POST' && r.path === QUERY_PATH).length;
  }

  /** Waits until the chart was drawn more often than `after` times. */
  async function drawnAfter(view: FrameLocator, after: number): Promise<void> {
    await view.locator(`#app[data-state="drawn"]`).waitFor({ timeout: 30_000 });
    const deadline = Date.now() + 30_000;
    while ((await draws(view)) <= after) {
      if (Date.now() > deadline) throw new Error('the chart was not redrawn');
      await session.page.waitForTimeout(100);
    }
  }

  void it('draws a cluster chart from the tree, follows range and group-by, and shows values on hover', async () => {
    const wb = session.workbench;
    await wb.openViewContainer();
    await wb.expand('Sandbox Organization');
    await wb.expand('Environments');
    await wb.expand('Production');
    await wb.expand('Kafka clusters');
    const before = await queries();
    await wb.contextMenu('orders-prod', 'Show Metrics');
    await wb.editorTab('Metrics: orders-prod').waitFor({ timeout: 20_000 });

    const view = wb.webview();
    await view.locator('#app[data-state="drawn"]').waitFor({ timeout: 30_000 });
    assert.equal(await view.locator('h1').innerText(), 'Metrics for orders-prod');
    assert.ok((await inkedPixels(view)) > 500, 'the canvas is not blank');
    assert.deepEqual(await view.locator('.legend-item .label').allInnerTexts(), ['lkc-prod01'], 'the sandbox series, one line for the cluster');
    assert.equal((await queries()) - before, 1, 'one query for one chart');

    // 24 hours: automatic 5-minute buckets, one more query.
    let drawsSoFar = await draws(view);
    const q1 = await queries();
    await view.locator('#range').selectOption('24h');
    await drawnAfter(view, drawsSoFar);
    await view.locator('.status', { hasText: '5 minutes buckets' }).waitFor({ timeout: 10_000 });
    assert.equal((await queries()) - q1, 1);
    assert.equal(await view.locator('#granularity option[value="PT1M"]').isDisabled(), true, 'PT1M is not allowed over 24 h');

    // Group by topic, top 50: one line per topic; hostile names are text, not markup.
    drawsSoFar = await draws(view);
    await view.locator('#group-by').selectOption('metric.topic');
    await drawnAfter(view, drawsSoFar);
    drawsSoFar = await draws(view);
    await view.locator('#top-n').fill('50');
    await view.locator('#top-n').press('Tab');
    await drawnAfter(view, drawsSoFar);
    const labels = await view.locator('.legend-item .label').allInnerTexts();
    assert.ok(labels.length >= 10, `${labels.length} topics`);
    assert.ok(labels.some((l) => /[<[*]/.test(l)), 'the sandbox plants hostile topic names');
    assert.equal(await view.locator('.legend img, .legend a').count(), 0, 'no element was created from a label');

    // Hover the middle of the plot: the tooltip shows a time and exact values.
    const over = view.locator('.u-over');
    const box = await over.boundingBox();
    assert.ok(box);
    await session.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const tooltip = view.locator('.tooltip');
    await tooltip.waitFor({ state: 'visible', timeout: 10_000 });
    assert.match(await tooltip.innerText(), /bytes\/s/);

    // The legend toggles a series (and stays a button in the tab order).
    const first = view.locator('.legend-item').first();
    await first.click();
    assert.equal(await first.getAttribute('aria-pressed'), 'false');
    await first.press('Enter');
    assert.equal(await first.getAttribute('aria-pressed'), 'true');

    await session.page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.4);
    await tooltip.waitFor({ state: 'visible', timeout: 10_000 });
    await wb.screenshot(join(REPO_ROOT, 'media', 'screenshots', 'metrics.png'));
  });

  void it('shows the API message and a Retry button when the query fails', async () => {
    const wb = session.workbench;
    await session.sandbox.setFaults('400@/v2/metrics/cloud/query');
    try {
      const view = wb.webview();
      await view.locator('button', { hasText: 'Refresh' }).click();
      const overlay = view.locator('.overlay.error');
      await overlay.waitFor({ state: 'visible', timeout: 30_000 });
      assert.match(await overlay.innerText(), /Couldn't query .*400/);
      await session.sandbox.setFaults('');
      const before = await draws(view);
      await overlay.locator('button', { hasText: 'Retry' }).click();
      await drawnAfter(view, before);
      assert.equal(await overlay.isVisible(), false);
    } finally {
      await session.sandbox.setFaults('');
    }
  });

  void it('copies the query without credentials, and comes back after a reload with its choices', async () => {
    const wb = session.workbench;
    const view = wb.webview();
    await view.locator('button', { hasText: 'Copy Query' }).click();
    await view.locator('.status', { hasText: 'Copied the query' }).waitFor({ timeout: 10_000 });
    const copied = await wb.clipboardText();
    const query = JSON.parse(copied) as { aggregations: { metric: string }[]; group_by?: string[]; filter: unknown };
    assert.equal(query.aggregations[0]?.metric, 'io.confluent.kafka.server/received_bytes');
    assert.deepEqual(query.group_by, ['metric.topic']);
    assert.equal(copied.includes(session.sandbox.apiSecret), false);
    assert.equal(copied.includes(session.sandbox.apiKey), false);

    // The serializer restores the panel from its saved ids and controls. Reload through the
    // workbench so it shuts down properly and saves the open editors first.
    await wb.runCommand('Developer: Reload Window');
    await session.page.waitForEvent('load', { timeout: 60_000 });
    await wb.ready();
    await wb.editorTab('Metrics: orders-prod').waitFor({ timeout: 60_000 });
    const restored = wb.webview();
    await restored.locator('#app[data-state="drawn"]').waitFor({ timeout: 60_000 });
    assert.equal(await restored.locator('#range').inputValue(), '24h');
    assert.equal(await restored.locator('#group-by').inputValue(), 'metric.topic');
    assert.ok((await restored.locator('.legend-item').count()) > 1);
  });

  void it('opens from the Command Palette with a flat list of clusters across environments', async () => {
    const wb = session.workbench;
    await wb.runCommand('Confluent Cloud: Show Metrics');
    // One organization: no organization step. Clusters of every environment arrive in one list.
    await wb.pickQuickItem('telemetry-b5t');
    await wb.editorTab('Metrics: telemetry-b5t').waitFor({ timeout: 20_000 });
    const view = wb.webview();
    await view.locator('#app[data-state="drawn"]').waitFor({ timeout: 30_000 });
    assert.equal(await view.locator('h1').innerText(), 'Metrics for telemetry-b5t');
  });
});
