/**
 * The reference the metrics chart's first paint is compared with: bare uPlot drawing the same
 * `series` message into a canvas of the same size, with a minimal options object: one series
 * entry per series that sets only a stroke colour (uPlot's default stroke is none, which would
 * draw nothing to compare with), uPlot's legend turned off, and uPlot's defaults for everything
 * else (1 px lines, scales, axes, cursor). The legend is off because uPlot's own 100-row legend
 * costs more than the webview's, which would make the reference slower and the ratio flatter
 * than the chart deserves; the webview's legend and controls are counted on its side only.
 * It receives the message the way the webview does, by `postMessage`, so both pay the same
 * structured clone.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { benchHelpersScript } from './metricsPage';

const UPLOT_DIST = resolve(__dirname, '../node_modules/uplot/dist');

/**
 * Runs in the page after uPlot's IIFE build. Plain JavaScript for the same reason as the page
 * helpers. `window.baselineSize` (set by the bench before posting) is the webview's canvas size.
 */
const BASELINE_SCRIPT = String.raw`
const COLOURS = ['#3794ff', '#d18616', '#89d185', '#b180d7', '#f14c4c', '#cca700'];
window.addEventListener('message', (event) => {
  const m = event.data;
  if (!m || m.type !== 'series') return;
  const { width, height } = window.baselineSize;
  const data = [m.timestamps, ...m.series.map((s) => s.values)];
  const opts = {
    width, height, legend: { show: false },
    series: [{}, ...m.series.map((_, i) => ({ stroke: COLOURS[i % COLOURS.length] }))],
    hooks: { draw: [() => performance.mark('metrics:draw')] },
  };
  new uPlot(opts, data, document.getElementById('app'));
});
window.posted.push({ type: 'ready' });
`;

/** Writes the baseline page and uPlot's files into `outDir`; returns the page's path. */
export function writeBaselinePage(outDir: string): string {
  copyFileSync(join(UPLOT_DIST, 'uPlot.iife.min.js'), join(outDir, 'uPlot.iife.min.js'));
  copyFileSync(join(UPLOT_DIST, 'uPlot.min.css'), join(outDir, 'uPlot.min.css'));
  const html = join(outDir, 'baseline.html');
  writeFileSync(html, `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
<link rel="stylesheet" href="uPlot.min.css">
<script>${benchHelpersScript()}</script>
</head><body><main id="app"></main><script src="uPlot.iife.min.js"></script><script>${BASELINE_SCRIPT}</script></body></html>`);
  return html;
}
