/**
 * Metrics panel figures: time from a `series` message to the chart's first draw in Chromium,
 * the webview bundle size, and HTTP requests per chart refresh against the sandbox.
 *
 *   node --import tsx bench/metricsBench.ts [--series 100] [--points 360] [--runs 7]
 *
 * `npm run bench` imports `runMetricsBench()` (flat name → number); `measureMetrics()` and the
 * `measure*` functions return the same figures structured. None of them prints.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { CloudClient } from '../src/cloud/cloudClient';
import { loadChart } from '../src/metrics/chartLoader';
import { DEFAULT_CONTROLS, type Controls } from '../src/metrics/protocol';
import { startSandbox } from '../sandbox/server';
import { themeCss, webviewPage } from './metricsPage';

const ROOT = resolve(__dirname, '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface BundleFigures {
  readonly jsBytes: number;
  readonly jsGzipBytes: number;
  readonly cssBytes: number;
  readonly cssGzipBytes: number;
}

/** Builds the webview the way `npm run build:prod` does, into `outDir`. */
export async function buildWebview(outDir: string): Promise<{ js: string; css: string }> {
  await esbuild.build({
    entryPoints: [join(ROOT, 'media/metrics/main.ts')],
    outfile: join(outDir, 'metrics.js'),
    bundle: true, platform: 'browser', format: 'iife', target: 'es2022', minify: true,
    legalComments: 'none', loader: { '.css': 'css' }, logLevel: 'warning',
  });
  return { js: join(outDir, 'metrics.js'), css: join(outDir, 'metrics.css') };
}

export async function measureBundle(outDir: string): Promise<BundleFigures> {
  const { js, css } = await buildWebview(outDir);
  const jsText = readFileSync(js);
  const cssText = readFileSync(css);
  return { jsBytes: jsText.length, jsGzipBytes: gzipSync(jsText).length, cssBytes: cssText.length, cssGzipBytes: gzipSync(cssText).length };
}

export interface PaintFigures {
  readonly series: number;
  readonly points: number;
  /** Message posted → first uPlot draw hook, per run (ms). */
  readonly runsMs: number[];
  readonly medianMs: number;
  readonly maxMs: number;
  /** Message posted → the next animation frame after the draw (the frame that shows it), median. */
  readonly medianFrameMs: number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/**
 * Loads the built bundle into a page with a stub `acquireVsCodeApi`, sends `init`, then measures
 * `series` messages with `series × points` values. Each run uses a fresh page (first paint, not a
 * warm update); data is generated in the page before the clock starts.
 */
export async function measurePaint(options: { series?: number; points?: number; runs?: number; outDir: string; screenshot?: string }): Promise<PaintFigures> {
  const series = options.series ?? 100;
  const points = options.points ?? 360;
  const runs = options.runs ?? 7;
  await buildWebview(options.outDir);
  const html = join(options.outDir, 'index.html');
  writeFileSync(html, webviewPage({ script: 'metrics.js', style: 'metrics.css', theme: themeCss('dark') }));
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const runsMs: number[] = [];
  const frameMs: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`file://${html}`);
      await page.waitForFunction(() => (window as unknown as { posted: { type: string }[] }).posted.some((m) => m.type === 'ready'));
      const result = await page.evaluate(async ({ series, points }) => {
        const w = window as unknown as { benchInit(): void; benchSeries(n: number, p: number): unknown };
        w.benchInit();
        const message = w.benchSeries(series, points);
        await new Promise((r) => setTimeout(r, 50));
        performance.clearMarks('metrics:draw');
        const drawn = new Promise<number>((resolveDraw) => {
          new PerformanceObserver((list, observer) => {
            const mark = list.getEntriesByName('metrics:draw')[0];
            if (mark) {
              observer.disconnect();
              resolveDraw(mark.startTime);
            }
          }).observe({ entryTypes: ['mark'] });
        });
        const t0 = performance.now();
        window.postMessage(message, '*');
        const drawAt = await drawn;
        const frameAt = await new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));
        return { draw: drawAt - t0, frame: frameAt - t0 };
      }, { series, points });
      runsMs.push(Math.round(result.draw * 10) / 10);
      frameMs.push(Math.round(result.frame * 10) / 10);
      if (options.screenshot && run === runs - 1) await page.screenshot({ path: options.screenshot });
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return { series, points, runsMs, medianMs: median(runsMs), maxMs: Math.max(...runsMs), medianFrameMs: median(frameMs) };
}

export interface RequestFigures {
  /** Chart configuration → metrics HTTP requests one refresh made (measured in the sandbox's log). */
  readonly perRefresh: Record<string, number>;
  /** Descriptor page requests when a panel opens (once per organization per hour). */
  readonly descriptors: number;
}

/** Runs one refresh per configuration against a fresh sandbox and counts `/v2/metrics/` requests. */
export async function measureRequests(): Promise<RequestFigures> {
  const sandbox = await startSandbox({ port: 0 });
  const client = new CloudClient({
    endpoint: sandbox.url, metricsEndpoint: sandbox.url,
    getCredentials: async () => ({ key: sandbox.apiKey, secret: sandbox.apiSecret }),
  });
  try {
    const envs = await client.environments.listPage({ pageSize: 1 });
    const env = envs.items[0]!;
    const cluster = (await client.kafkaClusters.listPage({ environment: env.id, pageSize: 1 })).items[0]!;
    const count = () => sandbox.requests().filter((r) => r.path.startsWith('/v2/metrics/')).length;
    const configs: Record<string, Partial<Controls>> = {
      'total, 6 h': {},
      'by topic, top 10, 24 h': { groupBy: 'metric.topic', range: { kind: 'preset', preset: '24h' } },
      'by principal, top 5, 7 d': { groupBy: 'metric.principal_id', topN: 5, range: { kind: 'preset', preset: '7d' } },
      'retained bytes by topic, 1 h': { metric: 'io.confluent.kafka.server/retained_bytes', groupBy: 'metric.topic', range: { kind: 'preset', preset: '1h' } },
    };
    const perRefresh: Record<string, number> = {};
    for (const [name, patch] of Object.entries(configs)) {
      const before = count();
      await loadChart(client.metrics, { clusterId: cluster.id }, { ...DEFAULT_CONTROLS, ...patch }, { known: [], now: Date.now() });
      perRefresh[name] = count() - before;
    }
    const before = count();
    await client.metrics.descriptorsPage({ pageSize: 1000, resourceType: 'kafka' });
    return { perRefresh, descriptors: count() - before };
  } finally {
    client.dispose();
    await sandbox.close();
  }
}

export interface MetricsBenchFigures {
  readonly paint: PaintFigures;
  readonly bundle: BundleFigures;
  readonly requests: RequestFigures;
}

/** Every figure, nested; see {@link runMetricsBench} for the flat form. */
export async function measureMetrics(options: { series?: number; points?: number; runs?: number; screenshot?: string } = {}): Promise<MetricsBenchFigures> {
  const outDir = mkdtempSync(join(tmpdir(), 'metrics-bench-'));
  try {
    const bundle = await measureBundle(outDir);
    const paint = await measurePaint({ ...options, outDir });
    const requests = await measureRequests();
    return { paint, bundle, requests };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Figure name → number, for the bench runner's table (names carry the unit and the goal). */
export function flatten(f: MetricsBenchFigures): Record<string, number> {
  const out: Record<string, number> = {
    [`first paint ${f.paint.series}×${f.paint.points}, median ms (goal ≤ 100)`]: f.paint.medianMs,
    [`first paint ${f.paint.series}×${f.paint.points}, max ms`]: f.paint.maxMs,
    'webview JS bytes (minified)': f.bundle.jsBytes,
    'webview JS bytes (gzip)': f.bundle.jsGzipBytes,
    'webview CSS bytes (gzip)': f.bundle.cssGzipBytes,
    'descriptor requests per panel open': f.requests.descriptors,
  };
  for (const [name, n] of Object.entries(f.requests.perRefresh)) out[`requests per refresh: ${name} (goal 1)`] = n;
  return out;
}

/** What `npm run bench` calls. */
export async function runMetricsBench(): Promise<Record<string, number>> {
  return flatten(await measureMetrics());
}

function arg(name: string): number | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : undefined;
}

if (require.main === module) {
  void (async () => {
    const shot = process.argv.includes('--screenshot') ? join(ROOT, 'test-results/metrics-bench.png') : undefined;
    const { paint, bundle, requests } = await measureMetrics({ series: arg('series'), points: arg('points'), runs: arg('runs'), screenshot: shot });
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    console.log(`metrics webview bundle: ${kb(bundle.jsBytes)} JS (${kb(bundle.jsGzipBytes)} gzip), ${kb(bundle.cssBytes)} CSS (${kb(bundle.cssGzipBytes)} gzip)`);
    console.log(`first paint, ${paint.series} series × ${paint.points} points: median ${paint.medianMs} ms, max ${paint.maxMs} ms ` +
      `(runs ${paint.runsMs.join(', ')}); next frame median ${paint.medianFrameMs} ms; goal ≤ 100 ms`);
    for (const [name, n] of Object.entries(requests.perRefresh)) console.log(`requests per refresh, ${name}: ${n}`);
    console.log(`descriptor requests when a panel opens: ${requests.descriptors}`);
  })().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
