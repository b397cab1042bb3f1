// The metrics webview bundle on its own in Chromium (no workbench): a stub acquireVsCodeApi records
// what the webview posts, and the tests post host messages. Fast checks of rendering, safety,
// theming and keyboard use that would be slow to reach through the workbench.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildWebview } from '../../bench/metricsBench';
import { themeCss, webviewPage } from '../../bench/metricsPage';

const CHROMIUM = process.env.CCX_CHROMIUM ?? '/usr/bin/chromium';

void describe('metrics webview', () => {
  let dir: string;
  let browser: Browser;
  let page: Page;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'metrics-webview-'));
    await buildWebview(dir);
    const html = webviewPage({ script: 'metrics.js', style: 'metrics.css', theme: themeCss('dark') });
    writeFileSync(join(dir, 'index.html'), html);
    // The page as the host renders it for another display language: the bundle on <main id="app">.
    // A message with a translator comment is keyed by message and comment, as the extractor writes it.
    const bundle = JSON.stringify({ Retry: 'Erneut versuchen', Refresh: 'Aktualisieren', 'Metrics for {0}/{0} is a Kafka cluster name': 'Metriken für {0}' });
    const attribute = bundle.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    writeFileSync(join(dir, 'index-de.html'), html.replace('<main id="app">', `<main id="app" data-l10n="${attribute}">`));
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  });
  after(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A fresh page with init sent and one chart drawn (`series` topics × `points` minutes). */
  async function open(series = 5, points = 60): Promise<void> {
    await page?.close();
    page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await page.goto(`file://${join(dir, 'index.html')}`);
    await page.waitForFunction('window.posted.some((m) => m.type === "ready")');
    await page.evaluate(`window.benchInit(); window.postMessage(window.benchSeries(${series}, ${points}), '*')`);
    await page.locator('#app[data-state="drawn"]').waitFor();
  }

  /** An activity panel's init: a principal with API keys on two clusters. */
  function activityInit(clusterId = 'lkc-1'): unknown {
    const clusters = [{ id: 'lkc-1', name: 'orders', environmentId: 'env-1' }, { id: 'lkc-2', name: 'billing', environmentId: 'env-2' }];
    const name = clusters.find((c) => c.id === clusterId)!.name;
    const controls = { metric: 'io.confluent.kafka.server/request_count', range: { kind: 'preset', preset: '24h' }, granularity: 'auto',
      groupBy: 'none', topN: 10, autoRefreshSeconds: 0 };
    return {
      type: 'init',
      target: { clusterId, clusterName: name, orgLabel: 'Org', principal: { id: 'sa-1', label: 'payments' }, clusters },
      state: { connectionId: 'c', clusterId, principalId: 'sa-1', clusters, controls },
      metrics: [],
    };
  }

  async function post(message: unknown): Promise<void> {
    await page.evaluate((m) => window.postMessage(m, '*'), message);
  }

  async function posted(): Promise<{ type: string; controls?: Record<string, unknown> }[]> {
    return page.evaluate<{ type: string; controls?: Record<string, unknown> }[]>('window.posted');
  }

  async function canvasData(): Promise<string> {
    return page.locator('.uplot canvas').first().evaluate((c: HTMLCanvasElement) => c.toDataURL());
  }

  void it('offers no cluster switcher on a cluster\'s panel', async () => {
    await open();
    assert.equal(await page.locator('#cluster').isVisible(), false);
  });

  void it('switches an activity panel\'s cluster from the keyboard with a labelled switcher', async () => {
    await open();
    await post(activityInit());
    // Its accessible name comes from the wrapping label (plus the chosen option, as for any labelled select).
    const switcher = page.getByRole('combobox', { name: /^Cluster\b/ });
    await switcher.waitFor({ state: 'visible' });
    assert.equal(await switcher.getAttribute('id'), 'cluster', 'the label names the switcher');
    assert.deepEqual(await page.locator('#cluster option').allInnerTexts(), ['orders (lkc-1)', 'billing (lkc-2)']);
    assert.equal(await switcher.inputValue(), 'lkc-1');
    await switcher.focus();
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction('window.posted.some((m) => m.type === "switchCluster")');
    assert.deepEqual((await posted()).at(-1), { type: 'switchCluster', clusterId: 'lkc-2' });
    // The host answers with the new target; the switcher keeps the focus.
    const init = activityInit('lkc-2') as { target: unknown; state: unknown };
    await post({ type: 'target', target: init.target, state: init.state });
    await page.locator('h1', { hasText: 'Activity of payments on billing' }).waitFor();
    assert.equal(await switcher.inputValue(), 'lkc-2');
    assert.equal(await page.evaluate('document.activeElement.id'), 'cluster');
    assert.match(await page.locator('.subtitle').innerText(), /lkc-2/);
  });

  void it('shows the display language\'s text from the bundle the host put on the page', async () => {
    await page?.close();
    page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await page.goto(`file://${join(dir, 'index-de.html')}`);
    await page.waitForFunction('window.posted.some((m) => m.type === "ready")');
    await page.evaluate('window.benchInit()');
    await page.locator('h1', { hasText: 'Metriken für bench' }).waitFor();
    assert.equal(await page.locator('.actions button').first().innerText(), 'Aktualisieren');
    assert.equal(await page.locator('#group-by option[value="none"]').innerText(), 'None (total)', 'untranslated text stays English');
    await post({ type: 'error', seq: 2, message: 'failed' });
    await page.locator('.overlay.error button', { hasText: 'Erneut versuchen' }).waitFor();
  });

  void it('says ready first and nothing else until the user acts', async () => {
    await open();
    assert.deepEqual((await posted()).map((m) => m.type), ['ready']);
    assert.equal(await page.locator('.legend-item').count(), 5);
  });

  void it('renders API labels as text and ignores malformed messages', async () => {
    await open();
    const hostile = '<img src=x onerror="window.pwned=1">';
    await post({ type: 'series', seq: 9, metric: 'm', unit: { kind: 'count', noun: '' }, granularity: 'PT1M', start: 0, end: 120_000,
      timestamps: [0, 60], series: [{ label: hostile, values: [1, 2] }], folded: 0, requests: 1 });
    await page.locator('.legend-item .label', { hasText: 'onerror' }).waitFor();
    assert.equal(await page.locator('.legend-item .label').innerText(), hostile);
    assert.equal(await page.locator('img').count(), 0);
    await post({ type: 'error', seq: 10, message: 42 });
    await post({ type: 'series', seq: 11, series: 'all of them' });
    await post({ type: 'init', target: { clusterId: '' } });
    await page.waitForTimeout(100);
    assert.equal(await page.locator('.overlay.error').isVisible(), false, 'malformed messages changed nothing');
    assert.equal(await page.evaluate('window.pwned'), undefined);
  });

  void it('drops answers to superseded queries and shows the empty state', async () => {
    await open();
    await post({ type: 'loading', seq: 5 });
    await post({ type: 'error', seq: 4, message: 'old failure' });
    await page.waitForTimeout(100);
    assert.equal(await page.locator('.overlay.error').isVisible(), false);
    await post({ type: 'series', seq: 5, metric: 'm', unit: { kind: 'count', noun: '' }, granularity: 'PT1M', start: 0, end: 120_000,
      timestamps: [0, 60], series: [{ label: 'idle', values: [null, null] }], folded: 0, requests: 1 });
    await page.locator('.overlay.empty', { hasText: 'No data for this range' }).waitFor();
  });

  void it('shows the error with a Retry button that asks the host to query again', async () => {
    await open();
    await post({ type: 'error', seq: 2, message: "Couldn't query received_bytes: rate limited (429)" });
    const overlay = page.locator('.overlay.error');
    await overlay.waitFor();
    assert.match(await overlay.innerText(), /429/);
    await overlay.locator('button', { hasText: 'Retry' }).click();
    assert.equal((await posted()).at(-1)?.type, 'refresh');
  });

  void it('disables granularities the API refuses for the range and reports changes', async () => {
    await open();
    await page.locator('#range').selectOption('7d');
    for (const g of ['PT1M', 'PT5M', 'PT15M']) assert.equal(await page.locator(`#granularity option[value="${g}"]`).isDisabled(), true, g);
    assert.equal(await page.locator('#granularity option[value="PT30M"]').isDisabled(), false);
    const last = (await posted()).at(-1);
    assert.equal(last?.type, 'setControls');
    assert.deepEqual(last?.controls?.range, { kind: 'preset', preset: '7d' });
  });

  void it('re-colours the chart and legend when the colour theme changes', async () => {
    await open();
    const before = await canvasData();
    const swatch = page.locator('.legend-item .swatch').first();
    assert.equal(await swatch.evaluate((e) => getComputedStyle(e).backgroundColor), 'rgb(55, 148, 255)');
    await page.evaluate((css) => {
      document.querySelector('style')!.textContent = css;
      document.body.className = 'vscode-light';
    }, themeCss('light'));
    await page.waitForFunction((old) => document.querySelector<HTMLCanvasElement>('.uplot canvas')?.toDataURL() !== old, before);
    assert.equal(await swatch.evaluate((e) => getComputedStyle(e).backgroundColor), 'rgb(26, 133, 255)');
  });

  void it('works from the keyboard: controls, chart values and legend buttons are reachable', async () => {
    await open(3);
    await page.locator('#metric').focus();
    const order: string[] = [];
    for (let i = 0; i < 12; i++) {
      order.push(await page.evaluate('document.activeElement.id || document.activeElement.className || document.activeElement.tagName'));
      await page.keyboard.press('Tab');
    }
    for (const id of ['metric', 'range', 'granularity', 'group-by', 'top-n', 'auto-refresh', 'chart', 'legend-item']) {
      assert.ok(order.some((o) => o.includes(id)), `${id} in tab order: ${order.join(', ')}`);
    }
    await page.locator('.chart').focus();
    await page.keyboard.press('ArrowLeft');
    const tooltip = page.locator('.tooltip');
    await tooltip.waitFor({ state: 'visible' });
    assert.match(await tooltip.innerText(), /bytes\/s/);
    await page.keyboard.press('Escape');
    await tooltip.waitFor({ state: 'hidden' });
    const legend = page.locator('.legend-item').first();
    await legend.focus();
    await page.keyboard.press('Space');
    assert.equal(await legend.getAttribute('aria-pressed'), 'false');
  });
});
