/**
 * The uPlot chart: theme colours, unit-aware axes, a text tooltip, keyboard inspection with the
 * arrow keys, and a `draw` callback (the bench and the tests wait for it).
 */
import uPlot from 'uplot';
import type { ChartSeries } from '../../src/metrics/protocol';
import { formatShort, type DisplayUnit } from '../../src/metrics/units';
import { seriesStyle, type ChartTheme } from './theme';
import { Tooltip } from './tooltip';

export interface ChartData {
  readonly timestamps: readonly number[];
  readonly series: readonly ChartSeries[];
  readonly unit: DisplayUnit;
}

const HEIGHT = 320;

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
    const axis = { stroke: t.foreground, grid: { stroke: t.grid, width: 1 }, ticks: { stroke: t.grid, width: 1 } };
    const opts: uPlot.Options = {
      width: this.width(),
      height: HEIGHT,
      legend: { show: false },
      focus: { alpha: 0.3 },
      cursor: { focus: { prox: 16 }, points: { size: 6 }, drag: { x: true, y: false } },
      scales: { x: { time: true }, y: { range: (_u, min, max) => [Math.min(0, min), max > 0 ? max * 1.05 : 1] } },
      axes: [
        axis,
        { ...axis, size: 84, values: (_u, splits) => splits.map((v) => formatShort(v, data.unit)) },
      ],
      series: [
        {},
        ...data.series.map((s, i): uPlot.Series => {
          const style = seriesStyle(i, t, s.label);
          return { label: s.label, show: !hidden.has(s.label), spanGaps: false, points: { show: false }, ...style };
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
