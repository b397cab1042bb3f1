/**
 * The control bar. Plain form elements styled with VS Code's CSS variables: the
 * @vscode-elements web components would add ~94 KB minified (Lit plus four components) to a
 * ~60 KB bundle for the same look. Options the API would reject are disabled, not hidden.
 */
import { granularityChoices, type Granularity, type GranularityProblem } from '../../src/metrics/granularity';
import {
  AUTO_REFRESH_OPTIONS,
  MAX_TOP_N,
  RANGE_PRESETS,
  type Controls,
  type GroupBy,
  type MetricInfo,
  type TimeRange,
} from '../../src/metrics/protocol';
import { rangeSeconds, validateRange } from '../../src/metrics/timeRange';
import { displayUnitFor, unitLabel } from '../../src/metrics/units';
import { el, field, option } from '../shared/dom';

export interface ControlEvents {
  change(controls: Controls): void;
  refresh(): void;
  exportCsv(): void;
  copyQuery(): void;
}

const RANGE_LABELS: Record<string, string> = { '1h': 'Last 1 hour', '6h': 'Last 6 hours', '24h': 'Last 24 hours', '7d': 'Last 7 days', custom: 'Custom…' };
const GROUP_LABELS: Record<GroupBy, string> = { none: 'None (total)', 'metric.topic': 'Topic', 'metric.principal_id': 'Principal' };
const PROBLEM_LABELS: Record<GranularityProblem, string> = { tooFine: 'too fine for this range', tooCoarse: 'too coarse for this range' };
const REFRESH_LABELS: Record<number, string> = { 0: 'Off', 60: 'Every minute', 300: 'Every 5 minutes', 900: 'Every 15 minutes' };

/** `<input type="datetime-local">` works in local time without a zone: "2024-05-01T13:45". */
function toLocalInput(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

export class ControlBar {
  readonly element: HTMLElement;
  private controls: Controls;
  private metrics: readonly MetricInfo[] = [];
  private readonly metric = el('select', { id: 'metric' });
  private readonly description = el('p', { class: 'description', id: 'metric-description' });
  private readonly range = el('select', { id: 'range' });
  private readonly start = el('input', { type: 'datetime-local', id: 'range-start' });
  private readonly end = el('input', { type: 'datetime-local', id: 'range-end' });
  private readonly apply = el('button', { type: 'button', class: 'secondary', text: 'Apply' });
  private readonly customRow = el('div', { class: 'row custom-range', hidden: true });
  private readonly rangeError = el('span', { class: 'inline-error', role: 'alert' });
  private readonly granularity = el('select', { id: 'granularity' });
  private readonly groupBy = el('select', { id: 'group-by' });
  private readonly topN = el('input', { type: 'number', id: 'top-n', min: 1, max: MAX_TOP_N, step: 1 });
  private readonly autoRefresh = el('select', { id: 'auto-refresh' });

  constructor(
    initial: Controls,
    private readonly principalScoped: boolean,
    private readonly events: ControlEvents,
  ) {
    this.controls = initial;
    const button = (text: string, title: string, onClick: () => void): HTMLButtonElement => {
      const b = el('button', { type: 'button', class: 'secondary', text, title });
      b.addEventListener('click', onClick);
      return b;
    };
    this.customRow.append(field('From', this.start), field('To', this.end), this.apply, this.rangeError);
    this.element = el(
      'form',
      { class: 'controls', 'aria-label': 'Chart options' },
      el('div', { class: 'row' },
        field('Metric', this.metric, 'field wide'),
        field('Range', this.range),
        field('Granularity', this.granularity),
        field('Group by', this.groupBy),
        field('Top', this.topN, 'field narrow'),
        field('Auto-refresh', this.autoRefresh)),
      this.customRow,
      el('div', { class: 'row actions' },
        button('Refresh', 'Query again now', () => events.refresh()),
        button('Export CSV', 'Save the charted values as CSV', () => events.exportCsv()),
        button('Copy Query', 'Copy the Metrics API request body (no credentials)', () => events.copyQuery())),
      this.description,
    );
    this.element.addEventListener('submit', (e) => e.preventDefault());
    this.metric.setAttribute('aria-describedby', this.description.id);
    this.metric.addEventListener('change', () => this.update({ metric: this.metric.value }));
    this.range.addEventListener('change', () => this.onRange());
    this.apply.addEventListener('click', () => this.applyCustom());
    this.granularity.addEventListener('change', () => this.update({ granularity: this.granularity.value as Granularity | 'auto' }));
    this.groupBy.addEventListener('change', () => this.update({ groupBy: this.groupBy.value as GroupBy }));
    this.topN.addEventListener('change', () => {
      const n = Math.round(Number(this.topN.value));
      this.update({ topN: Math.min(MAX_TOP_N, Math.max(1, Number.isFinite(n) ? n : this.controls.topN)) });
    });
    this.autoRefresh.addEventListener('change', () =>
      this.update({ autoRefreshSeconds: Number(this.autoRefresh.value) as Controls['autoRefreshSeconds'] }));
    this.fillStatic();
    this.sync();
  }

  setMetrics(metrics: readonly MetricInfo[]): void {
    this.metrics = metrics;
    this.sync();
  }

  get value(): Controls {
    return this.controls;
  }

  private update(patch: Partial<Controls>): void {
    this.controls = { ...this.controls, ...patch };
    this.sync();
    this.events.change(this.controls);
  }

  private onRange(): void {
    if (this.range.value !== 'custom') {
      this.customRow.hidden = true;
      this.update({ range: { kind: 'preset', preset: this.range.value as (typeof RANGE_PRESETS)[number] } });
      return;
    }
    // Start the custom range from what is shown now, so "Apply" alone changes nothing.
    const now = Date.now();
    const seconds = rangeSeconds(this.controls.range, now);
    this.start.value = toLocalInput(this.controls.range.kind === 'custom' ? this.controls.range.start : now - seconds * 1000);
    this.end.value = toLocalInput(this.controls.range.kind === 'custom' ? this.controls.range.end : now);
    this.customRow.hidden = false;
    this.start.focus();
  }

  private applyCustom(): void {
    const range: TimeRange = { kind: 'custom', start: new Date(this.start.value).getTime(), end: new Date(this.end.value).getTime() };
    const problem = validateRange(range, Date.now());
    this.rangeError.textContent = problem ?? '';
    if (!problem) this.update({ range });
  }

  private fillStatic(): void {
    this.range.replaceChildren(...[...RANGE_PRESETS, 'custom'].map((r) => option(r, RANGE_LABELS[r] ?? r)));
    this.autoRefresh.replaceChildren(...AUTO_REFRESH_OPTIONS.map((s) => option(String(s), REFRESH_LABELS[s] ?? `${s} s`)));
  }

  /** Reflects `controls` and `metrics` into the elements, disabling what the API would refuse. */
  private sync(): void {
    const c = this.controls;
    const current = this.metrics.find((m) => m.name === c.metric);
    const usable = (m: MetricInfo): boolean => !this.principalScoped || m.labels.includes('metric.principal_id');
    const options = this.metrics.map((m) =>
      option(m.name, m.label, { selected: m.name === c.metric, disabled: !usable(m), title: m.description }));
    if (!current) options.unshift(option(c.metric, c.metric, { selected: true }));
    this.metric.replaceChildren(...options);
    const unit = current ? unitLabel(displayUnitFor(current)) : '';
    this.description.textContent = current ? `${current.description}${unit ? ` Shown in ${unit}.` : ''}` : '';

    this.range.value = c.range.kind === 'preset' ? c.range.preset : 'custom';
    this.customRow.hidden = c.range.kind === 'preset' && this.range.value !== 'custom';

    const seconds = rangeSeconds(c.range, Date.now());
    this.granularity.replaceChildren(
      option('auto', 'Automatic', { selected: c.granularity === 'auto' }),
      ...granularityChoices(seconds).map((g) =>
        option(g.value, g.problem ? `${g.label} (${PROBLEM_LABELS[g.problem]})` : g.label, { selected: g.value === c.granularity, disabled: !g.allowed })),
    );

    const labels = current?.labels;
    this.groupBy.replaceChildren(
      ...(['none', 'metric.topic', 'metric.principal_id'] as const).map((g) =>
        option(g, GROUP_LABELS[g], {
          selected: g === c.groupBy,
          // Unknown metric (no descriptor yet): allow everything and let the API answer.
          disabled: g !== 'none' && labels !== undefined && !labels.includes(g),
        })),
    );
    this.topN.value = String(c.topN);
    this.topN.disabled = c.groupBy === 'none';
    this.autoRefresh.value = String(c.autoRefreshSeconds);
  }
}
