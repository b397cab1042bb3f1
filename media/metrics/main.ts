/**
 * Metrics panel webview. Receives data from the extension host (which makes every HTTP call and
 * holds the credentials) and draws it; sends back only the user's choices.
 */
import * as l10n from '@vscode/l10n';
import 'uplot/dist/uPlot.min.css';
import './main.css';
import { granularityLabel } from '../../src/metrics/granularity';
import {
  parseToWebview, type Controls, type FromWebview, type PanelState, type PanelTarget, type SeriesMessage, type ToWebview,
} from '../../src/metrics/protocol';
import { useHostTranslations } from '../shared/l10n';
import { MetricsChart } from './chart';
import { ControlBar } from './controls';
import { el, field, option } from '../shared/dom';
import { Legend } from './legend';
import { observeTheme, readTheme } from './theme';
import { connectWithState, type StatefulHostChannel } from '../shared/vscodeApi';

/** Performance mark set on every chart draw; the bench measures message → first draw with it. */
const DRAW_MARK = 'metrics:draw';

class MetricsView {
  private readonly root = document.getElementById('app') ?? document.body;
  private readonly title = el('h1');
  private readonly subtitle = el('p', { class: 'subtitle' });
  /** Show Activity: the principal's other clusters (those it has API keys on), one at a time. */
  private readonly clusterSelect = el('select', { id: 'cluster' });
  private readonly clusterField = field(l10n.t('Cluster'), this.clusterSelect, 'field cluster-switcher');
  private readonly status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  private readonly overlay = el('div', { class: 'overlay', hidden: true });
  private readonly frame = el('div', { class: 'chart', tabindex: 0, role: 'group' });
  private readonly legendHost = el('div', { class: 'legend', role: 'group', 'aria-label': l10n.t('Series'), hidden: true });
  private readonly chart: MetricsChart;
  private readonly legend: Legend;
  private controls: ControlBar | undefined;
  private state: PanelState | undefined;
  private latestSeq = -1;
  private draws = 0;

  constructor(private readonly host: StatefulHostChannel<FromWebview, PanelState>) {
    this.chart = new MetricsChart(this.frame, readTheme(), () => this.onDraw());
    this.legend = new Legend(this.legendHost, this.chart);
    this.frame.setAttribute('aria-label', l10n.t('Chart. Use the left and right arrow keys to read values.'));
    this.clusterField.hidden = true;
    this.clusterSelect.addEventListener('change', () => this.onCluster());
    this.root.replaceChildren(
      el('header', {}, this.title, this.subtitle, this.clusterField),
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
      case 'target':
        this.state = message.state;
        this.host.saveState(message.state);
        return this.showTarget(message.target);
      case 'loading':
        this.latestSeq = Math.max(this.latestSeq, message.seq);
        this.showOverlay('loading', l10n.t('Loading…'));
        this.status.textContent = l10n.t('Loading…');
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
    this.showTarget(target);
    this.controls = new ControlBar(message.state.controls, !!target.principal, {
      change: (controls) => this.onControls(controls),
      refresh: () => this.host.post({ type: 'refresh' }),
      exportCsv: () => this.host.post({ type: 'exportCsv' }),
      copyQuery: () => this.host.post({ type: 'copyQuery' }),
    });
    this.controls.setMetrics(message.metrics);
    this.root.querySelector('.controls-host')?.replaceChildren(this.controls.element);
  }

  /** Title, subtitle and cluster switcher for what the panel charts now. */
  private showTarget(target: PanelTarget): void {
    this.title.textContent = target.principal
      ? l10n.t({ message: 'Activity of {0} on {1}', args: [target.principal.label, target.clusterName], comment: ['{0} is a principal, {1} a Kafka cluster name'] })
      : l10n.t({ message: 'Metrics for {0}', args: [target.clusterName], comment: ['{0} is a Kafka cluster name'] });
    this.subtitle.textContent = [target.orgLabel, target.environmentId, target.clusterId, target.principal?.id]
      .filter((s) => !!s).join(' · ');
    document.title = this.title.textContent;
    const clusters = target.principal ? target.clusters ?? [] : [];
    // Names are server text: option() sets them as text. The ID tells same-named clusters apart.
    this.clusterSelect.replaceChildren(...clusters.map((c) =>
      option(c.id, c.name === c.id ? c.id : `${c.name} (${c.id})`, { selected: c.id === target.clusterId })));
    this.clusterSelect.value = target.clusterId;
    this.clusterField.hidden = clusters.length < 2;
  }

  private onCluster(): void {
    const clusterId = this.clusterSelect.value;
    if (clusterId && clusterId !== this.state?.clusterId) this.host.post({ type: 'switchCluster', clusterId });
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
    const count = message.series.length;
    const series = message.folded > 0
      ? l10n.t({ message: '{0} series ({1} more summed into Other)', args: [count, message.folded], comment: ['{0} and {1} are numbers'] })
      : count === 1 ? l10n.t('1 series') : l10n.t({ message: '{0} series', args: [count], comment: ['{0} is a number'] });
    // Separate facts, each translated whole, joined like the rest of the subtitle.
    this.status.textContent = [
      l10n.t({ message: 'Updated {0}', args: [when], comment: ['{0} is a time of day'] }),
      l10n.t({ message: '{0} buckets', args: [granularityLabel(message.granularity)], comment: ['{0} is a bucket length such as "5 minutes"'] }),
      series,
      message.requests === 1 ? l10n.t('1 request') : l10n.t({ message: '{0} requests', args: [message.requests], comment: ['{0} is a number'] }),
    ].join(' · ');
    if (!hasData) {
      this.chart.clear();
      this.legend.clear();
      this.showOverlay('empty', l10n.t('No data for this range.'));
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
    const retry = el('button', { type: 'button', text: l10n.t('Retry') });
    retry.addEventListener('click', () => this.host.post({ type: 'refresh' }));
    this.showOverlay('error', text, retry);
    this.status.textContent = l10n.t('The query failed.');
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

useHostTranslations('metrics');
const host = connectWithState<FromWebview, PanelState>();
const view = new MetricsView(host);
window.addEventListener('message', (event: MessageEvent) => {
  // Anything that doesn't match the protocol is dropped, whatever its origin.
  const message = parseToWebview(event.data);
  if (message) view.handle(message);
  else console.warn('metrics: ignored a malformed message');
});
host.post({ type: 'ready' });
