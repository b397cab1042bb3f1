/**
 * Chart colours from the active VS Code colour theme. VS Code exposes theme colours as CSS
 * variables on the webview's <html> element and marks the theme kind with a class on <body>;
 * a canvas can't use CSS variables, so they are read here and re-read when the class changes.
 */

export interface ChartTheme {
  readonly foreground: string;
  readonly grid: string;
  readonly background: string;
  readonly focus: string;
  /** Series colours; reused with other dash patterns once exhausted. */
  readonly palette: readonly string[];
  readonly highContrast: boolean;
  /** CSS font for axis text: the workbench's font, so labels match the rest of the view. */
  readonly font: string;
}

const SERIES_VARIABLES = ['blue', 'orange', 'green', 'purple', 'red', 'yellow'].map((c) => `--vscode-charts-${c}`);
const FALLBACK_PALETTE = ['#3794ff', '#d18616', '#89d185', '#b180d7', '#f14c4c', '#cca700'];

function cssVar(style: CSSStyleDeclaration, name: string, fallback: string): string {
  const v = style.getPropertyValue(name).trim();
  return v || fallback;
}

export function readTheme(): ChartTheme {
  const style = getComputedStyle(document.documentElement);
  const body = document.body.classList;
  return {
    foreground: cssVar(style, '--vscode-charts-foreground', cssVar(style, '--vscode-foreground', '#cccccc')),
    grid: cssVar(style, '--vscode-charts-lines', 'rgba(128,128,128,0.35)'),
    background: cssVar(style, '--vscode-editor-background', '#1e1e1e'),
    focus: cssVar(style, '--vscode-focusBorder', '#007fd4'),
    palette: SERIES_VARIABLES.map((name, i) => cssVar(style, name, FALLBACK_PALETTE[i]!)),
    highContrast: body.contains('vscode-high-contrast') || body.contains('vscode-high-contrast-light'),
    font: `${cssVar(style, '--vscode-font-size', '12px')} ${cssVar(style, '--vscode-font-family', 'sans-serif')}`,
  };
}

/** Dash patterns that tell apart series sharing a colour (series 7 is blue again, dashed). */
const DASHES: readonly (number[] | undefined)[] = [undefined, [6, 3], [2, 3], [10, 3, 2, 3]];

export interface SeriesStyle {
  readonly stroke: string;
  readonly dash?: number[];
  readonly width: number;
}

/**
 * Above this many series, lines are drawn 1 px wide. The canvas rasteriser has a fast path for
 * lines up to 1 px; at 100 series × 360 points, 1.5 px lines about double the time until the frame
 * that shows the chart (`npm run bench`, next frame against bare uPlot), and that many lines only
 * cover each other when drawn wider.
 */
export const THIN_LINES_ABOVE = 20;

/** `count` is how many series the chart has; dense charts get thin lines (high contrast keeps 2 px). */
export function seriesStyle(index: number, theme: ChartTheme, label: string, count = 0): SeriesStyle {
  // The folded remainder is drawn in the foreground colour, dotted, so it never looks like a group.
  // It is one line, so it keeps its width on dense charts.
  if (label.startsWith('Other (')) return { stroke: theme.foreground, dash: [1, 3], width: 1.5 };
  const width = theme.highContrast ? 2 : count > THIN_LINES_ABOVE ? 1 : 1.5;
  const n = theme.palette.length;
  const dash = DASHES[Math.floor(index / n) % DASHES.length];
  return { stroke: theme.palette[index % n]!, width, ...(dash ? { dash } : {}) };
}

/** Calls `onChange` whenever VS Code switches theme (it swaps the body's `vscode-*` classes). */
export function observeTheme(onChange: (theme: ChartTheme) => void): () => void {
  let previous = document.body.className;
  const observer = new MutationObserver(() => {
    if (document.body.className === previous) return;
    previous = document.body.className;
    onChange(readTheme());
  });
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}
