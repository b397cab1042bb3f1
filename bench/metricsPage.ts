/**
 * A stand-alone page for the metrics webview bundle: a stub `acquireVsCodeApi` that records
 * posted messages, VS Code-like theme variables, and helpers to generate `init` and `series`
 * messages inside the page. Used by the bench; no VS Code involved.
 */

const DARK: Record<string, string> = {
  '--vscode-foreground': '#cccccc', '--vscode-editor-background': '#1e1e1e', '--vscode-descriptionForeground': '#9d9d9d',
  '--vscode-charts-foreground': '#cccccc', '--vscode-charts-lines': 'rgba(204,204,204,0.3)', '--vscode-focusBorder': '#007fd4',
  '--vscode-charts-blue': '#3794ff', '--vscode-charts-orange': '#d18616', '--vscode-charts-green': '#89d185',
  '--vscode-charts-purple': '#b180d7', '--vscode-charts-red': '#f14c4c', '--vscode-charts-yellow': '#cca700',
  '--vscode-button-background': '#0e639c', '--vscode-button-foreground': '#ffffff',
  '--vscode-button-secondaryBackground': '#3a3d41', '--vscode-button-secondaryForeground': '#ffffff',
  '--vscode-dropdown-background': '#3c3c3c', '--vscode-dropdown-foreground': '#f0f0f0', '--vscode-input-background': '#3c3c3c',
  '--vscode-editorHoverWidget-background': '#252526', '--vscode-editorHoverWidget-border': '#454545',
  '--vscode-font-family': 'system-ui, sans-serif', '--vscode-font-size': '13px',
};

const LIGHT: Record<string, string> = {
  ...DARK,
  '--vscode-foreground': '#3b3b3b', '--vscode-editor-background': '#ffffff', '--vscode-charts-foreground': '#3b3b3b',
  '--vscode-charts-lines': 'rgba(59,59,59,0.3)', '--vscode-dropdown-background': '#ffffff', '--vscode-dropdown-foreground': '#3b3b3b',
  '--vscode-input-background': '#ffffff', '--vscode-editorHoverWidget-background': '#f3f3f3',
  '--vscode-charts-blue': '#1a85ff', '--vscode-charts-green': '#388a34', '--vscode-charts-purple': '#652d90',
  '--vscode-charts-red': '#e51400', '--vscode-charts-yellow': '#bf8803',
};

export function themeCss(kind: 'dark' | 'light'): string {
  const vars = kind === 'dark' ? DARK : LIGHT;
  return `html{${Object.entries(vars).map(([k, v]) => `${k}:${v}`).join(';')}}`;
}

/**
 * Runs in the page before the bundle. Plain JavaScript in a string: a stringified TypeScript
 * function would carry the transpiler's helpers (`__name`) that don't exist in the page.
 */
const PAGE_HELPERS = String.raw`
window.posted = [];
window.acquireVsCodeApi = () => ({ postMessage: (m) => window.posted.push(m), getState: () => undefined, setState: () => undefined });
const controls = { metric: 'io.confluent.kafka.server/received_bytes', range: { kind: 'preset', preset: '6h' }, granularity: 'auto',
  groupBy: 'metric.topic', topN: 50, autoRefreshSeconds: 0 };
window.benchInit = () => window.postMessage({
  type: 'init',
  target: { clusterId: 'lkc-bench', clusterName: 'bench', orgLabel: 'Bench org', environmentId: 'env-bench' },
  state: { connectionId: 'c', clusterId: 'lkc-bench', controls },
  metrics: [{ name: controls.metric, label: 'Received bytes', description: 'Bytes produced.', unit: 'By', type: 'COUNTER_INT64',
    labels: ['metric.topic', 'metric.principal_id'] }],
}, '*');
window.benchSeries = (n, p) => {
  const start = Math.floor(Date.now() / 60000) * 60 - p * 60;
  const timestamps = Array.from({ length: p }, (_, i) => start + i * 60);
  const series = Array.from({ length: n }, (_, s) => ({
    label: 'topic-' + String(s).padStart(3, '0'),
    values: timestamps.map((_, i) => Math.round(1e5 * (1 + s) * (1.2 + Math.sin(i / 30 + s)))),
  }));
  return { type: 'series', seq: 1, metric: controls.metric, unit: { kind: 'bytesPerSecond', noun: '' }, granularity: 'PT1M',
    start: start * 1000, end: (start + p * 60) * 1000, timestamps, series, folded: 0, requests: 1 };
};
`;

/** The page helpers as a script, for other pages that take the same `series` messages. */
export function benchHelpersScript(): string {
  return PAGE_HELPERS;
}

export function webviewPage(input: { script: string; style: string; theme: string }): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
<style>${input.theme}</style>
<link rel="stylesheet" href="${input.style}">
<script>${PAGE_HELPERS}</script>
</head><body class="vscode-dark"><main id="app"></main><script src="${input.script}"></script></body></html>`;
}
