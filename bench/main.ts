/**
 * npm run bench — prints every figure and rewrites BENCHMARKS.md. Benchmarks, not tests: nothing
 * here fails on a slow machine; goals are printed next to the figures.
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { runAccessBench } from './accessBench';
import { runActivationBench } from './activationBench';
import { runClientBench } from './clientBench';
import { runExplorerBench } from './explorerBench';
import { runHostileBench } from './hostileBench';
import { measureMetrics } from './metricsBench';
import { runPackageBench } from './packageBench';
import { kb, ms } from './stats';

interface Row { area: string; figure: string; value: string; goal: string }

const ROOT = resolve(__dirname, '..');
const rows: Row[] = [];
function row(area: string, figure: string, value: string, goal = ''): void {
  rows.push({ area, figure, value, goal });
  console.log(`${area.padEnd(9)} ${figure.padEnd(58)} ${value.padStart(14)}  ${goal}`);
}

async function metricsRows(): Promise<void> {
  // Needs Chromium (installed by the host installer); reported as not run when it is missing.
  try {
    const { paint, bundle, requests } = await measureMetrics();
    row('metrics', `data arrival → first paint, ${paint.series} series × ${paint.points} points (median)`, ms(paint.medianMs), '≤ 100 ms');
    row('metrics', 'data arrival → first paint (worst run)', ms(paint.maxMs));
    row('metrics', `bare uPlot, same data and ${paint.canvas.width}×${paint.canvas.height} canvas, same browser (median)`, ms(paint.baseline.medianMs));
    row('metrics', 'first paint / bare uPlot (ratio of medians; median of per-run ratios)', `${paint.ratioOfMedians.toFixed(2)}× (${paint.medianPairRatio.toFixed(2)}×)`, '≤ 1.2×');
    row('metrics', 'next frame / bare uPlot (ratio of medians)', `${paint.frameRatioOfMedians.toFixed(2)}×`);
    row('metrics', `main-thread CPU to that frame, webview / bare uPlot (${ms(paint.medianCpuMs)} / ${ms(paint.baseline.medianCpuMs)})`, `${paint.cpuRatioOfMedians.toFixed(2)}×`);
    row('metrics', 'webview bundle JS (minified / gzip)', `${kb(bundle.jsBytes)} / ${kb(bundle.jsGzipBytes)}`);
    row('metrics', 'webview bundle CSS (minified / gzip)', `${kb(bundle.cssBytes)} / ${kb(bundle.cssGzipBytes)}`);
    for (const [name, count] of Object.entries(requests.perRefresh)) row('metrics', `requests per chart refresh: ${name}`, String(count), '1 (+ paging)');
    row('metrics', 'descriptor requests when a panel opens', String(requests.descriptors));
  } catch (error) {
    row('metrics', 'metrics panel bench', `not run: ${(error as Error).message.split('\n')[0]}`);
  }
}

async function main(): Promise<void> {
  console.log('Packaging (production build + vsce)…');
  const pkg = runPackageBench(ROOT);
  row('package', 'VSIX size', kb(pkg.vsixBytes), '≤ 400 KB');
  row('package', 'activation bundle dist/extension.js (minified)', kb(pkg.bundleBytes));
  row('package', 'extension bundle (gzip)', kb(pkg.bundleGzipBytes));
  for (const [name, bytes] of Object.entries(pkg.webviewBytes)) row('package', `webview ${name}`, kb(bytes));
  for (const [name, bytes] of Object.entries(pkg.lazyBytes)) row('package', `loaded on first use: ${name}`, kb(bytes));

  const bundle = join(ROOT, 'dist', 'extension.js');
  const act = runActivationBench(bundle);
  row('startup', `bundle load (median of ${act.samples} processes)`, ms(act.loadMs));
  row('startup', 'activate()', ms(act.activateMs));
  row('startup', 'bundle load + activate()', ms(act.totalMs), '≤ 15 ms');
  row('startup', 'empty extension bundle, load + activate() (same run)', ms(act.emptyTotalMs));
  row('startup', 'bundle load + activate() / empty extension bundle', `${act.ratioToEmpty.toFixed(0)}×`);
  row('startup', 'JavaScript evaluated at activation (minified)', kb(act.evaluatedBytes), '≤ 60 KB');
  row('startup', 'files evaluated at activation', act.evaluated.map((f) => `${f.file} (${kb(f.bytes)})`).join(', '));
  if (act.firstUseMs !== undefined) row('startup', 'first command after activation: extra load (features bundle)', ms(act.firstUseMs), '< 20 ms');
  if (act.firstRequestMs !== undefined) row('startup', 'first request after activation: extra load (cloud.js + undici.js)', ms(act.firstRequestMs));
  for (const [part, bytes] of Object.entries(pkg.coreParts)) row('startup', `in the activation bundle: ${part}`, kb(bytes));

  const client = await runClientBench();
  row('client', `requests to list ${client.keys.toLocaleString('en-US')} API keys at page size 100`, String(client.requests), 'exactly 50');
  row('client', 'wall time, client (median)', ms(client.clientMs));
  row('client', 'wall time, bare undici (median, same run)', ms(client.rawMs));
  row('client', 'client / bare undici', `${client.overheadRatio.toFixed(2)}×`);
  row('client', 'heap per parsed API key', `${client.bytesPerItem.toFixed(0)} B`);

  const hostile = await runHostileBench();
  const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;
  row('client', `bytes sent by a ${mb(hostile.streamedBytes)} streamed response before the ${mb(hostile.capBytes)} cap closed it`, mb(hostile.sentBeforeCap), `≈ cap; ${hostile.failedAs}`);
  row('client', 'heap after the capped response (after GC; before it)', `${mb(hostile.heapAfterBytes)} (${mb(hostile.heapBeforeBytes)})`, '≈ before');
  row('client', 'requests by pages() to an endless-token server, maxItems 10,000, page size 100', String(hostile.endlessRequests), 'exactly 100');

  const explorer = await runExplorerBench(bundle);
  const distant = await runExplorerBench(bundle, { orgs: 1, rounds: 9, latencyMs: 30 });
  row('explorer', 'requests when a folder is expanded', String(explorer.requestsFirstPage), 'exactly 1');
  row('explorer', 'requests per Load more', String(explorer.requestsLoadMore), 'exactly 1');
  row('explorer', 'first page through the tree (median)', ms(explorer.firstPageMs));
  row('explorer', 'raw HTTP round trip for the same page (median)', ms(explorer.rawRoundTripMs));
  row('explorer', 'first page / raw round trip, loopback (no latency)', `${explorer.firstPageRatio.toFixed(2)}×`, '≤ 1.2×');
  row('explorer', 'first page / round trip, with 30 ms of network latency', `${distant.firstPageRatio.toFixed(2)}×`, '≤ 1.2×');
  row('explorer', `heap per API-key node (${explorer.nodes.toLocaleString('en-US')} nodes)`, `${(explorer.bytesPerNode / 1024).toFixed(2)} KB`, '≤ 2 KB');
  row('explorer', 'heap still held after Refresh', kb(explorer.retainedAfterRefreshBytes), '≈ 0');
  row('explorer', `API-key row nodes still alive after Refresh (of ${explorer.nodes.toLocaleString('en-US')})`, String(explorer.nodesAliveAfterRefresh), '0');
  row('explorer', 'requests sent by Load all against an endless-token server', String(explorer.requestsLoadAllEndless), `exactly ${explorer.expectedLoadAllEndless} (limit ÷ page size)`);

  for (const cost of await runAccessBench(bundle)) {
    row('access', `requests for the first page of Access: ${cost.folder}`, `${cost.lists} list + ${cost.lookups} by ID`, '1 list per query; names by ID, cached');
  }

  await metricsRows();

  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  const table = rows.map((r) => `| ${r.area} | ${r.figure} | ${r.value} | ${r.goal} |`).join('\n');
  writeFileSync(join(ROOT, 'BENCHMARKS.md'), `# Benchmarks

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (${machine}).
Ratios compare two measurements taken alternately in the same run, so machine noise affects both.
Startup and explorer figures load the production bundle in plain Node with \`vscode\` resolved to a
stand-in module (\`bench/host/vscodeShim.cjs\`); they measure this extension's code, not VS Code's.
The sandbox runs in the same process, over real HTTP on loopback.
The hostile-server rows use a purpose-built server in the same process: "bytes sent" is the server
socket's \`bytesWritten\` when the client closed it (the cap plus what sat in socket buffers), the heap
figures are \`heapUsed\` after two forced collections (\`--expose-gc\`) before and after the request,
measured on a second capped request so module loading is not counted.
The access rows open each Access folder in a fresh activation after loading only the folders on the
way to it, at the default page size of 50: "list" counts role-binding list requests (one per query: a
scope's folder also reads each enclosing scope), "by ID" the GETs that name the rows' environments,
clusters and principals. Names are cached per organization.
The explorer's heap rows load every API key of ten organizations (Load all) and build their rows
as the view would; "still alive" counts, through WeakRefs, the row nodes a collection after Refresh
could not free, and "still held" is the heap left over once those references are dropped too.
Start-up: "JavaScript evaluated at activation" is the size of every .js file required while the bundle
loads and activate() runs; "first command" is the load and wiring of dist/features.js that the first
command (or editor, restored panel, chat tool or opened folder) triggers; "first request" is the load
of dist/cloud.js and dist/undici.js that a client's first call triggers (an organization's row and
folders need neither until a folder is expanded).
The metrics rows load the webview bundle, and bare uPlot (\`bench/uplotBaseline.ts\`: same message,
same canvas size, one stroke colour per series and uPlot's defaults otherwise, its legend off) in fresh
pages of one headless Chromium, alternating. "First paint" is the post → uPlot's first draw hook; "next
frame" the animation frame after it; main-thread CPU is the renderer's \`ThreadTime\` over the post,
that frame's layout and paint included, and moves least with machine load.

| area | figure | value | goal |
|---|---|---|---|
${table}
`);
  console.log('\nWrote BENCHMARKS.md');
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
