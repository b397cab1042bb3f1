/**
 * Metrics panel webview. Receives data from the extension host (which makes every HTTP call and
 * holds the credentials) and draws it; sends back only the user's choices.
 */
import 'uplot/dist/uPlot.min.css';
import './main.css';
import { GRANULARITY_LABELS } from '../../src/metrics/granularity';
import { parseToWebview, type Controls, type FromWebview, type PanelState, type SeriesMessage, type ToWebview } from '../../src/metrics/protocol';
import { MetricsChart } from './chart';
import { ControlBar } from './controls';
import { el } from '../shared/dom';
import { Legend } from './legend';
import { observeTheme, readTheme } from './theme';
import { connectWithState, type StatefulHostChannel } from '../shared/vscodeApi';

/** Performance mark set on every chart draw; the bench measures message → first draw with it. */
const DRAW_MARK = 'metrics:draw';

class MetricsView {
  private readonly root = document.getElementById('app') ?? document.body;
  private readonly title = el('h1');
  private readonly subtitle = el('p', { class: 'subtitle' });
  private readonly status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  private readonly overlay = el('div', { class: 'overlay', hidden: true });
  private readonly frame = el('div', { class: 'chart', tabindex: 0, role: 'group' });
  private readonly legendHost = el('div', { class: 'legend', role: 'group', 'aria-label': 'Series', hidden: true });
  private readonly chart: MetricsChart;
  private readonly legend: Legend;
  private controls: ControlBar | undefined;
  private state: PanelState | undefined;
  private latestSeq = -1;
  private draws = 0;

  constructor(private readonly host: StatefulHostChannel<FromWebview, PanelState>) {
    this.chart = new MetricsChart(this.frame, readTheme(), () => this.onDraw());
    this.legend = new Legend(this.legendHost, this.chart);
    this.frame.setAttribute('aria-label', 'Chart. Use the left and right arrow keys to read values.');
    this.root.replaceChildren(
      el('header', {}, this.title, this.subtitle),
      el('div', { class: 'controls-host' }),
      this.status,
      el('div', { class: 'chart-area' }, this.frame, this.overlay),
      this.legendHost,
    );
    this.setDataState('waiting');
    observeTheme((theme) => {
      this.chart.setTheme(theme);
      this.refreshLegendColours();
    });
  }

  handle(message: ToWebview): void {
    switch (message.type) {
      case 'init': return this.init(message);
      case 'metrics': return this.controls?.setMetrics(message.metrics);
      case 'loading':
        this.latestSeq = Math.max(this.latestSeq, message.seq);
        this.showOverlay('loading', 'Loading…');
        this.status.textContent = 'Loading…';
        return;
      case 'series':
        if (message.seq < this.latestSeq) return;
        return this.showSeries(message);
      case 'error':
        if (message.seq < this.latestSeq) return;
        this.showError(message.message);
        return;
      case 'status':
        this.root.dataset.queue = message.state;
        if (message.message) this.status.textContent = message.message;
        return;
    }
  }

  private init(message: Extract<ToWebview, { type: 'init' }>): void {
    const { target } = message;
    this.state = message.state;
    this.host.saveState(message.state);
    this.title.textContent = target.principal
      ? `Activity of ${target.principal.label} on ${target.clusterName}`
      : `Metrics for ${target.clusterName}`;
    this.subtitle.textContent = [target.orgLabel, target.environmentId, target.clusterId, target.principal?.id]
      .filter((s) => !!s).join(' · ');
    document.title = this.title.textContent;
    this.controls = new ControlBar(message.state.controls, !!target.principal, {
      change: (controls) => this.onControls(controls),
      refresh: () => this.host.post({ type: 'refresh' }),
      exportCsv: () => this.host.post({ type: 'exportCsv' }),
      copyQuery: () => this.host.post({ type: 'copyQuery' }),
    });
    this.controls.setMetrics(message.metrics);
    this.root.querySelector('.controls-host')?.replaceChildren(this.controls.element);
  }

  private onControls(controls: Controls): void {
    if (this.state) {
      this.state = { ...this.state, controls };
      this.host.saveState(this.state);
    }
    this.host.post({ type: 'setControls', controls });
  }

  private showSeries(message: SeriesMessage): void {
    const hasData = message.series.some((s) => s.values.some((v) => v !== null));
    const when = new Date().toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
    const folded = message.folded > 0 ? ` (${message.folded} more summed into Other)` : '';
    this.status.textContent =
      `Updated ${when} · ${GRANULARITY_LABELS[message.granularity]} buckets · ${message.series.length} series${folded} · ` +
      `${message.requests} request${message.requests === 1 ? '' : 's'}`;
    if (!hasData) {
      this.chart.clear();
      this.legend.clear();
      this.showOverlay('empty', 'No data for this range.');
      return;
    }
    this.hideOverlay();
    this.setDataState('drawing');
    this.chart.render({ timestamps: message.timestamps, series: message.series, unit: message.unit, folded: message.folded });
    this.legend.render(
      message.series.map((s, i) => ({ label: s.label, colour: this.chart.colourOf(i), latest: latest(s.values) })),
      message.unit,
    );
    this.root.dataset.series = String(message.series.length);
  }

  private showError(text: string): void {
    // The chart below belongs to the previous query (often another metric): leaving it under the
    // message, and in the legend, would read as if it were the answer.
    this.chart.clear();
    this.legend.clear();
    delete this.root.dataset.series;
    const retry = el('button', { type: 'button', text: 'Retry' });
    retry.addEventListener('click', () => this.host.post({ type: 'refresh' }));
    this.showOverlay('error', text, retry);
    this.status.textContent = 'The query failed.';
    retry.focus();
  }

  private showOverlay(kind: 'loading' | 'empty' | 'error', text: string, action?: HTMLElement): void {
    this.overlay.className = `overlay ${kind}`;
    this.overlay.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    this.overlay.replaceChildren(el('p', { text }), ...(action ? [action] : []));
    this.overlay.hidden = false;
    this.setDataState(kind);
  }

  private hideOverlay(): void {
    this.overlay.hidden = true;
  }

  private setDataState(state: string): void {
    this.root.dataset.state = state;
  }

  private onDraw(): void {
    performance.mark(DRAW_MARK);
    this.draws++;
    this.root.dataset.draws = String(this.draws);
    this.setDataState('drawn');
  }

  private refreshLegendColours(): void {
    this.legendHost.querySelectorAll<HTMLElement>('.legend-item .swatch').forEach((swatch, i) => {
      swatch.style.background = this.chart.colourOf(i);
    });
  }
}

function latest(values: readonly (number | null)[]): number | null {
  for (let i = values.length - 1; i >= 0; i--) if (values[i] !== null && values[i] !== undefined) return values[i]!;
  return null;
}

const host = connectWithState<FromWebview, PanelState>();
const view = new MetricsView(host);
window.addEventListener('message', (event: MessageEvent) => {
  // Anything that doesn't match the protocol is dropped, whatever its origin.
  const message = parseToWebview(event.data);
  if (message) view.handle(message);
  else console.warn('metrics: ignored a malformed message');
});
host.post({ type: 'ready' });
