/**
 * Metrics panel figures: time from a `series` message to the chart's first draw in Chromium, the
 * same for bare uPlot on the same data (and the ratio, which machine load affects far less than
 * the absolute times), the webview bundle size, and HTTP requests per chart refresh.
 *
 *   node --import tsx bench/metricsBench.ts [--series 100] [--points 360] [--runs 15] [--paint-only]
 *
 * `npm run bench` imports `runMetricsBench()` (flat name → number); `measureMetrics()` and the
 * `measure*` functions return the same figures structured. None of them prints.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { chromium, type Browser, type CDPSession } from 'playwright-core';
import { CloudClient } from '../src/cloud/cloudClient';
import { loadChart } from '../src/metrics/chartLoader';
import { DEFAULT_CONTROLS, type Controls } from '../src/metrics/protocol';
import { startSandbox } from '../sandbox/server';
import { themeCss, webviewPage } from './metricsPage';
import { writeBaselinePage } from './uplotBaseline';

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

/** One page's first paints: message posted → first uPlot draw hook, per run and summarised (ms). */
export interface DrawTimes {
  readonly runsMs: number[];
  readonly medianMs: number;
  readonly maxMs: number;
  /** Message posted → the next animation frame after the draw (the frame that shows it), median. */
  readonly medianFrameMs: number;
  /** Renderer main-thread CPU time from the post to that frame (its layout and paint included), median. */
  readonly medianCpuMs: number;
}

export interface PaintFigures extends DrawTimes {
  readonly series: number;
  readonly points: number;
  /** Bare uPlot drawing the same message into a canvas of the same size, in the same browser. */
  readonly baseline: DrawTimes;
  /** Canvas size both pages drew (CSS pixels), read back from each page after its draw. */
  readonly canvas: { readonly width: number; readonly height: number };
  /** Webview median ÷ baseline median. */
  readonly ratioOfMedians: number;
  /** Median over runs of webview ÷ baseline, each pair measured back to back. */
  readonly medianPairRatio: number;
  /**
   * Same ratio of medians for the next animation frame: it also counts what runs after the draw
   * hook (the rest of the message task, and the frame that rasterises the canvas and lays out the
   * page), so it is noisier, and it includes the webview's controls and legend.
   */
  readonly frameRatioOfMedians: number;
  /** Webview median ÷ baseline median of main-thread CPU time: the steadiest of the three ratios. */
  readonly cpuRatioOfMedians: number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const round1 = (n: number): number => Math.round(n * 10) / 10;

interface PaintRun { readonly draw: number; readonly frame: number; readonly cpu: number; readonly width: number; readonly height: number }

/** The renderer main thread's CPU time so far (ms), from the DevTools protocol's `ThreadTime`. */
async function threadTime(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN) * 1000;
}

/**
 * One first paint in a fresh page: waits for `ready`, sends `init`, generates the `series`
 * message in the page before the clock starts, posts it and waits for the `metrics:draw` mark.
 * `size` is handed to the baseline page, which has no layout of its own to size the chart from.
 * Besides wall times it reads the main thread's CPU time around the post (the page is idle
 * before and after), which other processes on the machine barely change.
 */
async function paintOnce(browser: Browser, url: string, series: number, points: number, size?: { width: number; height: number }, screenshot?: string): Promise<PaintRun> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { posted: { type: string }[] }).posted.some((m) => m.type === 'ready'));
    await page.evaluate(async ({ series, points, size }) => {
      const w = window as unknown as { benchInit(): void; benchSeries(n: number, p: number): unknown; baselineSize?: unknown; benchMessage?: unknown };
      w.baselineSize = size;
      w.benchInit();
      w.benchMessage = w.benchSeries(series, points);
      await new Promise((r) => setTimeout(r, 50));
    }, { series, points, size });
    const cpuBefore = await threadTime(cdp);
    const result = await page.evaluate(async () => {
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
      window.postMessage((window as unknown as { benchMessage: unknown }).benchMessage, '*');
      const drawAt = await drawn;
      const frameAt = await new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));
      const canvas = document.querySelector<HTMLCanvasElement>('.uplot canvas');
      const ratio = window.devicePixelRatio || 1;
      return { draw: drawAt - t0, frame: frameAt - t0, width: (canvas?.width ?? 0) / ratio, height: (canvas?.height ?? 0) / ratio };
    });
    const cpu = (await threadTime(cdp)) - cpuBefore;
    if (screenshot) await page.screenshot({ path: screenshot });
    return { ...result, cpu };
  } finally {
    await page.close();
  }
}

function summarise(runs: readonly PaintRun[]): DrawTimes {
  const runsMs = runs.map((r) => round1(r.draw));
  return {
    runsMs, medianMs: median(runsMs), maxMs: Math.max(...runsMs),
    medianFrameMs: median(runs.map((r) => round1(r.frame))), medianCpuMs: median(runs.map((r) => round1(r.cpu))),
  };
}

/**
 * Loads the built bundle into a page with a stub `acquireVsCodeApi`, sends `init`, then measures
 * `series` messages with `series × points` values; runs bare uPlot on the same message in the
 * same browser, alternating with the webview (and alternating which of the two goes first, so
 * neither always gets the warmer process). Each run uses a fresh page (first paint, not a warm
 * update). One untimed run of each comes first: it compiles the scripts into the browser's code
 * cache for both alike, and gives the webview's canvas size to the baseline.
 */
export async function measurePaint(options: { series?: number; points?: number; runs?: number; outDir: string; screenshot?: string }): Promise<PaintFigures> {
  const series = options.series ?? 100;
  const points = options.points ?? 360;
  const runs = options.runs ?? 15;
  await buildWebview(options.outDir);
  const html = join(options.outDir, 'index.html');
  writeFileSync(html, webviewPage({ script: 'metrics.js', style: 'metrics.css', theme: themeCss('dark') }));
  const webviewUrl = `file://${html}`;
  const baselineUrl = `file://${writeBaselinePage(options.outDir)}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const chart: PaintRun[] = [];
  const bare: PaintRun[] = [];
  try {
    const warm = await paintOnce(browser, webviewUrl, series, points);
    const size = { width: warm.width, height: warm.height };
    await paintOnce(browser, baselineUrl, series, points, size);
    for (let run = 0; run < runs; run++) {
      const shot = options.screenshot && run === runs - 1 ? options.screenshot : undefined;
      const webviewRun = () => paintOnce(browser, webviewUrl, series, points, undefined, shot);
      const baselineRun = () => paintOnce(browser, baselineUrl, series, points, size);
      if (run % 2 === 0) {
        chart.push(await webviewRun());
        bare.push(await baselineRun());
      } else {
        bare.push(await baselineRun());
        chart.push(await webviewRun());
      }
    }
  } finally {
    await browser.close();
  }
  const canvas = { width: chart[0]?.width ?? 0, height: chart[0]?.height ?? 0 };
  const mismatch = [...chart, ...bare].find((r) => r.width !== canvas.width || r.height !== canvas.height);
  if (mismatch) throw new Error(`canvas sizes differ: webview ${canvas.width}×${canvas.height}, a run drew ${mismatch.width}×${mismatch.height}`);
  const own = summarise(chart);
  const baseline = summarise(bare);
  const pairRatios = chart.map((r, i) => r.draw / bare[i]!.draw);
  return {
    series, points, ...own, baseline, canvas,
    ratioOfMedians: own.medianMs / baseline.medianMs,
    medianPairRatio: median(pairRatios),
    frameRatioOfMedians: own.medianFrameMs / baseline.medianFrameMs,
    cpuRatioOfMedians: own.medianCpuMs / baseline.medianCpuMs,
  };
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
    [`bare uPlot first paint ${f.paint.series}×${f.paint.points}, median ms`]: f.paint.baseline.medianMs,
    'first paint / bare uPlot, ratio of medians (goal ≤ 1.2)': f.paint.ratioOfMedians,
    'first paint / bare uPlot, median of per-run ratios': f.paint.medianPairRatio,
    'next frame / bare uPlot, ratio of medians': f.paint.frameRatioOfMedians,
    'main-thread CPU / bare uPlot, ratio of medians': f.paint.cpuRatioOfMedians,
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
    const paintOptions = { series: arg('series'), points: arg('points'), runs: arg('runs'), screenshot: shot };
    if (process.argv.includes('--paint-only')) {
      const outDir = mkdtempSync(join(tmpdir(), 'metrics-bench-'));
      try {
        printPaint(await measurePaint({ ...paintOptions, outDir }));
      } finally {
        rmSync(outDir, { recursive: true, force: true });
      }
      return;
    }
    const { paint, bundle, requests } = await measureMetrics(paintOptions);
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    console.log(`metrics webview bundle: ${kb(bundle.jsBytes)} JS (${kb(bundle.jsGzipBytes)} gzip), ${kb(bundle.cssBytes)} CSS (${kb(bundle.cssGzipBytes)} gzip)`);
    printPaint(paint);
    for (const [name, n] of Object.entries(requests.perRefresh)) console.log(`requests per refresh, ${name}: ${n}`);
    console.log(`descriptor requests when a panel opens: ${requests.descriptors}`);
  })().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}

function printPaint(paint: PaintFigures): void {
  const { baseline } = paint;
  console.log(`first paint, ${paint.series} series × ${paint.points} points, ${paint.canvas.width}×${paint.canvas.height} canvas:`);
  console.log(`  webview:    median ${paint.medianMs} ms, max ${paint.maxMs} ms (runs ${paint.runsMs.join(', ')}); next frame median ${paint.medianFrameMs} ms; goal ≤ 100 ms`);
  console.log(`  bare uPlot: median ${baseline.medianMs} ms, max ${baseline.maxMs} ms (runs ${baseline.runsMs.join(', ')}); next frame median ${baseline.medianFrameMs} ms`);
  console.log(`  ratio of medians ${paint.ratioOfMedians.toFixed(2)}×, median of per-run ratios ${paint.medianPairRatio.toFixed(2)}×; goal ≤ 1.2×`);
  console.log(`  next frame, ratio of medians ${paint.frameRatioOfMedians.toFixed(2)}×`);
  console.log(`  main-thread CPU to that frame: webview ${paint.medianCpuMs} ms, bare uPlot ${baseline.medianCpuMs} ms, ratio of medians ${paint.cpuRatioOfMedians.toFixed(2)}×`);
}
