/**
 * The uPlot chart: theme colours, unit-aware axes, a text tooltip, keyboard inspection with the
 * arrow keys, and a `draw` callback (the bench and the tests wait for it).
 */
import * as l10n from '@vscode/l10n';
import uPlot from 'uplot';
import type { ChartSeries } from '../../src/metrics/protocol';
import { formatShort, type DisplayUnit } from '../../src/metrics/units';
import { seriesStyle, type ChartTheme } from './theme';
import { Tooltip } from './tooltip';

export interface ChartData {
  readonly timestamps: readonly number[];
  readonly series: readonly ChartSeries[];
  readonly unit: DisplayUnit;
  /** Groups summed into the last series ("Other"); 0 or absent when there is none. */
  readonly folded?: number | undefined;
}

const HEIGHT = 320;
/** uPlot's defaults for the space between tick marks and labels, and the tick length. */
const AXIS_GAP = 5;
const TICK_SIZE = 10;
/** Room for the rotated "Other" title of the right-hand axis. */
const OTHER_LABEL_SIZE = 20;

let measureContext: CanvasRenderingContext2D | null | undefined;

/** Width in CSS pixels of `text` drawn in `font`. */
function textWidth(text: string, font: string): number {
  measureContext ??= document.createElement('canvas').getContext('2d');
  if (!measureContext) return text.length * 8;
  measureContext.font = font;
  return measureContext.measureText(text).width;
}

/**
 * A y axis as wide as its widest tick label: a fixed width cut off long units such as
 * "12.3k requests/s". uPlot calls this again after laying out; the result is stable.
 */
function fittedAxisSize(font: string, onTicks?: (values: readonly string[]) => void): uPlot.Axis.Size {
  return (_u, values) => {
    const labels = values ?? [];
    onTicks?.(labels);
    const widest = labels.reduce((max, v) => Math.max(max, textWidth(String(v), font)), 0);
    return Math.ceil(widest + AXIS_GAP + TICK_SIZE + 4);
  };
}

export class MetricsChart {
  private plot: uPlot | undefined;
  private data: ChartData | undefined;
  private readonly tooltip: Tooltip;
  private readonly resize: ResizeObserver;
  /** Index the keyboard cursor sits on; -1 until an arrow key is pressed. */
  private keyIndex = -1;
  /** Series (0-based) the pointer is closest to, from uPlot's focus; -1 for none. */
  private focused = -1;

  constructor(
    private readonly host: HTMLElement,
    private theme: ChartTheme,
    private readonly onDraw: () => void,
  ) {
    this.tooltip = new Tooltip(host);
    // Only a width change needs a redraw; the observer also fires once on observe and whenever the
    // legend below changes the page height, and a 100-series redraw costs tens of milliseconds.
    this.resize = new ResizeObserver(() => {
      if (this.plot && this.plot.width !== this.width()) this.plot.setSize({ width: this.width(), height: HEIGHT });
    });
    this.resize.observe(host);
    host.addEventListener('keydown', (e) => this.onKey(e));
    host.addEventListener('blur', () => this.tooltip.hide());
  }

  /** Draws new data. Keeps the plot (and the user's hidden series) when only the values changed. */
  render(data: ChartData): void {
    const sameShape =
      this.plot !== undefined &&
      this.data !== undefined &&
      this.data.unit.kind === data.unit.kind &&
      (this.data.folded ?? 0) > 0 === (data.folded ?? 0) > 0 &&
      this.data.series.length === data.series.length &&
      this.data.series.every((s, i) => s.label === data.series[i]?.label);
    this.data = data;
    this.keyIndex = -1;
    this.tooltip.hide();
    if (sameShape) this.plot!.setData(this.aligned(data));
    else this.rebuild();
  }

  setTheme(theme: ChartTheme): void {
    this.theme = theme;
    if (this.data) this.rebuild();
  }

  /** Shows or hides series `index` (0-based over the data's series). */
  setVisible(index: number, show: boolean): void {
    this.plot?.setSeries(index + 1, { show });
  }

  isVisible(index: number): boolean {
    return this.plot?.series[index + 1]?.show !== false;
  }

  colourOf(index: number): string {
    return seriesStyle(index, this.theme, this.data?.series[index]?.label ?? '').stroke;
  }

  clear(): void {
    this.plot?.destroy();
    this.plot = undefined;
    this.data = undefined;
    this.tooltip.hide();
  }

  dispose(): void {
    this.resize.disconnect();
    this.clear();
  }

  private width(): number {
    return Math.max(200, this.host.clientWidth);
  }

  private aligned(data: ChartData): uPlot.AlignedData {
    return [data.timestamps as number[], ...data.series.map((s) => s.values)];
  }

  private rebuild(): void {
    const data = this.data!;
    const hidden = new Set(this.plot?.series.flatMap((s, i) => (i > 0 && s.show === false ? [s.label] : [])) ?? []);
    this.plot?.destroy();
    const t = this.theme;
    const axis = { stroke: t.foreground, font: t.font, gap: AXIS_GAP, grid: { stroke: t.grid, width: 1 }, ticks: { stroke: t.grid, width: 1, size: TICK_SIZE } };
    const format = (_u: uPlot, splits: number[]): string[] => splits.map((v) => formatShort(v, data.unit));
    // The summed remainder is usually far larger than any single group; on the shared scale it
    // would flatten every top-N line, so it gets its own scale with an axis on the right.
    const otherIndex = (data.folded ?? 0) > 0 ? data.series.length - 1 : -1;
    const range: uPlot.Scale.Range = (_u, min, max) => [Math.min(0, min), max > 0 ? max * 1.05 : 1];
    this.host.dataset.otherScale = otherIndex >= 0 ? 'separate' : 'none';
    const opts: uPlot.Options = {
      width: this.width(),
      height: HEIGHT,
      legend: { show: false },
      focus: { alpha: 0.3 },
      cursor: { focus: { prox: 16 }, points: { size: 6 }, drag: { x: true, y: false } },
      scales: { x: { time: true }, y: { range }, ...(otherIndex >= 0 ? { other: { range } } : {}) },
      axes: [
        axis,
        { ...axis, values: format, size: fittedAxisSize(t.font, (ticks) => { this.host.dataset.yTicks = ticks.join('|'); }) },
        ...(otherIndex >= 0 ? [{
          ...axis, scale: 'other', side: 1 as const, grid: { show: false }, values: format, size: fittedAxisSize(t.font),
          label: l10n.t('Other'), labelFont: t.font, labelSize: OTHER_LABEL_SIZE, labelGap: 0,
        }] : []),
      ],
      series: [
        {},
        ...data.series.map((s, i): uPlot.Series => {
          const style = seriesStyle(i, t, s.label, data.series.length);
          return {
            label: s.label, show: !hidden.has(s.label), spanGaps: false, points: { show: false }, ...style,
            ...(i === otherIndex ? { scale: 'other' } : {}),
          };
        }),
      ],
      hooks: {
        draw: [() => this.onDraw()],
        setCursor: [(u) => this.showTooltip(u, u.cursor.idx)],
        setSeries: [
          (u, index, series) => {
            // uPlot passes the {show, focus} options it was called with, typed as a whole Series.
            const { focus } = series as { focus?: boolean };
            if (focus !== undefined) this.focused = focus && index !== null ? index - 1 : -1;
            this.showTooltip(u, u.cursor.idx);
          },
        ],
      },
    };
    this.plot = new uPlot(opts, this.aligned(data), this.host);
  }

  private showTooltip(u: uPlot, idx: number | null | undefined): void {
    const data = this.data;
    if (!data || idx === null || idx === undefined || u.cursor.left === undefined || u.cursor.left < 0) {
      this.tooltip.hide();
      return;
    }
    const focused = this.focused;
    this.tooltip.show({
      time: data.timestamps[idx]!,
      left: u.cursor.left + u.over.offsetLeft,
      top: (u.cursor.top ?? 0) + u.over.offsetTop,
      rows: data.series.flatMap((s, i) =>
        this.isVisible(i) ? [{ label: s.label, value: s.values[idx] ?? null, colour: this.colourOf(i), focused: i === focused }] : [],
      ),
      unit: data.unit,
    });
  }

  /** Left/Right step through buckets, Home/End jump, Escape leaves: the hover tooltip without a mouse. */
  private onKey(e: KeyboardEvent): void {
    const u = this.plot;
    const count = this.data?.timestamps.length ?? 0;
    if (!u || count === 0) return;
    let next = this.keyIndex < 0 ? count - 1 : this.keyIndex;
    switch (e.key) {
      case 'ArrowLeft': next = Math.max(0, next - (this.keyIndex < 0 ? 0 : 1)); break;
      case 'ArrowRight': next = Math.min(count - 1, next + (this.keyIndex < 0 ? 0 : 1)); break;
      case 'Home': next = 0; break;
      case 'End': next = count - 1; break;
      case 'Escape': this.keyIndex = -1; this.tooltip.hide(); u.setCursor({ left: -10, top: -10 }); return;
      default: return;
    }
    e.preventDefault();
    this.keyIndex = next;
    const left = u.valToPos(this.data!.timestamps[next]!, 'x');
    u.setCursor({ left, top: u.over.clientHeight / 2 });
  }
}
