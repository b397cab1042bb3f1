// Readability of the metrics chart, on the real webview bundle in Chromium (no workbench, as in
// metricsWebview.test.ts): y-axis labels that fit, the summed "Other" series on its own scale,
// granularity hints that say why an option is disabled, and no stale chart under an error.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildWebview } from '../../bench/metricsBench';
import { themeCss, webviewPage } from '../../bench/metricsPage';

const CHROMIUM = process.env.CCX_CHROMIUM ?? '/usr/bin/chromium';
const MINUTE = 60;

/** A series message: `values[s]` gives series s, one point per minute over the last hour. */
function seriesMessage(seq: number, unit: { kind: string; noun: string }, series: { label: string; value: number }[], folded = 0): unknown {
  const points = 60;
  const start = Math.floor(Date.now() / 60_000) * 60 - points * MINUTE;
  const timestamps = Array.from({ length: points }, (_, i) => start + i * MINUTE);
  return {
    type: 'series', seq, metric: 'io.confluent.kafka.server/request_count', unit, granularity: 'PT1M',
    start: start * 1000, end: (start + points * MINUTE) * 1000, timestamps,
    series: series.map((s) => ({ label: s.label, values: timestamps.map((_, i) => s.value * (1 + 0.2 * Math.sin(i / 7))) })),
    folded, requests: 1,
  };
}

void describe('metrics readability', () => {
  let dir: string;
  let browser: Browser;
  let page: Page;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'metrics-readability-'));
    await buildWebview(dir);
    // A third "theme": the light one with a larger editor font, as users with 16 px fonts see it.
    writeFileSync(join(dir, 'dark.html'), webviewPage({ script: 'metrics.js', style: 'metrics.css', theme: themeCss('dark') }));
    writeFileSync(join(dir, 'light.html'), webviewPage({ script: 'metrics.js', style: 'metrics.css', theme: themeCss('light') }));
    writeFileSync(join(dir, 'large.html'), webviewPage({
      script: 'metrics.js', style: 'metrics.css', theme: `${themeCss('light')} html{--vscode-font-size:16px;--vscode-font-family:serif}`,
    }));
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  });
  after(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(theme: 'dark' | 'light' | 'large'): Promise<void> {
    await page?.close();
    page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.goto(`file://${join(dir, `${theme}.html`)}`);
    await page.waitForFunction('window.posted.some((m) => m.type === "ready")');
    await page.evaluate('window.benchInit()');
  }

  async function post(message: unknown): Promise<void> {
    await page.evaluate((m) => window.postMessage(m, '*'), message);
  }

  async function drawn(): Promise<void> {
    await page.locator('#app[data-state="drawn"]').waitFor({ timeout: 10_000 });
  }

  /** The left axis's tick labels as uPlot laid them out. */
  async function yTicks(): Promise<string[]> {
    const text = await page.locator('.chart').getAttribute('data-y-ticks');
    return (text ?? '').split('|').filter(Boolean);
  }

  for (const theme of ['dark', 'light', 'large'] as const) {
    void it(`y-axis labels with long units fit their axis (${theme})`, async () => {
      await open(theme);
      await post(seriesMessage(1, { kind: 'perSecond', noun: 'requests' }, [{ label: 'lkc-1', value: 12_345 }]));
      await drawn();
      const ticks = await yTicks();
      assert.ok(ticks.length >= 2 && ticks.every((t) => t.endsWith('requests/s')), `ticks: ${ticks.join(', ')}`);
      // Measured independently: the drawn text in the axis font must fit the axis box less the tick marks.
      const { axisWidth, widest } = await page.evaluate((labels) => {
        const axes = document.querySelectorAll<HTMLElement>('.u-axis');
        const y = axes[1]!;
        const style = getComputedStyle(document.documentElement);
        const font = `${style.getPropertyValue('--vscode-font-size').trim() || '12px'} ${style.getPropertyValue('--vscode-font-family').trim() || 'sans-serif'}`;
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.font = font;
        return { axisWidth: y.getBoundingClientRect().width, widest: Math.max(...labels.map((l) => ctx.measureText(l).width)) };
      }, ticks);
      assert.ok(widest + 10 <= axisWidth, `the widest label (${widest.toFixed(1)} px) plus tick marks fits the ${axisWidth} px axis`);
    });
  }

  void it('plots the summed "Other" series on its own scale so the top series keep their height', async () => {
    await open('dark');
    await post(seriesMessage(1, { kind: 'perSecond', noun: 'records' }, [
      { label: 'orders', value: 300 }, { label: 'payments', value: 200 }, { label: 'Other (40)', value: 90_000 },
    ], 40));
    await drawn();
    const ticks = await yTicks();
    const top = ticks.at(-1) ?? '';
    assert.match(top, /^\d+(\.\d+)? records\/s$/, `the left axis ends near the top series (${top}), not in thousands`);
    assert.equal(await page.locator('.u-axis').count(), 3, 'a right-hand axis for Other');
    assert.equal(await page.locator('.chart').getAttribute('data-other-scale'), 'separate');
    assert.equal(await page.locator('.legend-item').count(), 3, 'Other stays in the legend');
  });

  void it('says "too coarse" for granularities with fewer than two buckets and "too fine" for ones over the API cap', async () => {
    await open('dark');
    // The bench state starts at 6 hours: 4 h and coarser give under two buckets.
    const label = (value: string) => page.locator(`#granularity option[value="${value}"]`).innerText();
    assert.match(await label('PT12H'), /too coarse/);
    assert.doesNotMatch(await label('PT12H'), /too fine/);
    assert.doesNotMatch(await label('PT1M'), /too/, 'one minute is fine for 6 hours');
    await page.locator('#range').selectOption('7d');
    assert.match(await label('PT1M'), /too fine/);
    assert.doesNotMatch(await label('P1D'), /too/);
  });

  void it('clears the previous chart and legend when a query fails', async () => {
    await open('dark');
    await post(seriesMessage(1, { kind: 'perSecond', noun: 'requests' }, [{ label: 'lkc-1', value: 50 }]));
    await drawn();
    assert.equal(await page.locator('.legend-item').count(), 1);
    await post({ type: 'error', seq: 2, message: 'The metric io.confluent.kafka.server/nope does not exist (400).' });
    await page.locator('.overlay.error').waitFor({ timeout: 10_000 });
    assert.equal(await page.locator('.uplot').count(), 0, 'no chart of the previous metric under the message');
    assert.equal(await page.locator('.legend-item').count(), 0, 'nor in the legend');
    assert.equal(await page.locator('.legend').isVisible(), false);
  });
});
