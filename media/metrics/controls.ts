/**
 * The control bar. Plain form elements styled with VS Code's CSS variables: the
 * @vscode-elements web components would add ~94 KB minified (Lit plus four components) to a
 * ~60 KB bundle for the same look. Options the API would reject are disabled, not hidden.
 */
import * as l10n from '@vscode/l10n';
import { granularityChoices, type Granularity, type GranularityProblem } from '../../src/metrics/granularity';
import {
  AUTO_REFRESH_OPTIONS,
  MAX_TOP_N,
  RANGE_PRESETS,
  type Controls,
  type GroupBy,
  type MetricInfo,
  type RangePreset,
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

// Functions, not tables: the translations are loaded after these modules are evaluated.
function rangeLabel(range: RangePreset | 'custom'): string {
  switch (range) {
    case '1h': return l10n.t('Last 1 hour');
    case '6h': return l10n.t('Last 6 hours');
    case '24h': return l10n.t('Last 24 hours');
    case '7d': return l10n.t('Last 7 days');
    case 'custom': return l10n.t('Custom…');
  }
}

function groupLabel(group: GroupBy): string {
  switch (group) {
    case 'none': return l10n.t('None (total)');
    case 'metric.topic': return l10n.t('Topic');
    case 'metric.principal_id': return l10n.t('Principal');
  }
}

/** A granularity the range rules out: "1 minute (too fine for this range)". */
function refusedLabel(label: string, problem: GranularityProblem): string {
  return problem === 'tooFine'
    ? l10n.t({ message: '{0} (too fine for this range)', args: [label], comment: ['{0} is a bucket length such as "5 minutes"'] })
    : l10n.t({ message: '{0} (too coarse for this range)', args: [label], comment: ['{0} is a bucket length such as "5 minutes"'] });
}

function refreshLabel(seconds: number): string {
  switch (seconds) {
    case 0: return l10n.t('Off');
    case 60: return l10n.t('Every minute');
    case 300: return l10n.t('Every 5 minutes');
    case 900: return l10n.t('Every 15 minutes');
    default: return l10n.t({ message: '{0} s', args: [seconds], comment: ['{0} is a number of seconds'] });
  }
}

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
  private readonly apply = el('button', { type: 'button', class: 'secondary', text: l10n.t('Apply') });
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
    this.customRow.append(field(l10n.t('From'), this.start), field(l10n.t('To'), this.end), this.apply, this.rangeError);
    this.element = el(
      'form',
      { class: 'controls', 'aria-label': l10n.t('Chart options') },
      el('div', { class: 'row' },
        field(l10n.t('Metric'), this.metric, 'field wide'),
        field(l10n.t('Range'), this.range),
        field(l10n.t('Granularity'), this.granularity),
        field(l10n.t('Group by'), this.groupBy),
        field(l10n.t('Top'), this.topN, 'field narrow'),
        field(l10n.t('Auto-refresh'), this.autoRefresh)),
      this.customRow,
      el('div', { class: 'row actions' },
        button(l10n.t('Refresh'), l10n.t('Query again now'), () => events.refresh()),
        button(l10n.t('Export CSV'), l10n.t('Save the charted values as CSV'), () => events.exportCsv()),
        button(l10n.t('Copy Query'), l10n.t('Copy the Metrics API request body (no credentials)'), () => events.copyQuery())),
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
    this.range.replaceChildren(...[...RANGE_PRESETS, 'custom' as const].map((r) => option(r, rangeLabel(r))));
    this.autoRefresh.replaceChildren(...AUTO_REFRESH_OPTIONS.map((s) => option(String(s), refreshLabel(s))));
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
    // The description is the API's text; only the unit sentence after it is ours.
    this.description.textContent = current
      ? (unit ? l10n.t({ message: '{0} Shown in {1}.', args: [current.description, unit], comment: ['{0} is a metric description, {1} a unit such as bytes/s'] }) : current.description)
      : '';

    this.range.value = c.range.kind === 'preset' ? c.range.preset : 'custom';
    this.customRow.hidden = c.range.kind === 'preset' && this.range.value !== 'custom';

    const seconds = rangeSeconds(c.range, Date.now());
    this.granularity.replaceChildren(
      option('auto', l10n.t('Automatic'), { selected: c.granularity === 'auto' }),
      ...granularityChoices(seconds).map((g) =>
        option(g.value, g.problem ? refusedLabel(g.label, g.problem) : g.label, { selected: g.value === c.granularity, disabled: !g.allowed })),
    );

    const labels = current?.labels;
    this.groupBy.replaceChildren(
      ...(['none', 'metric.topic', 'metric.principal_id'] as const).map((g) =>
        option(g, groupLabel(g), {
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
