/** The hover box with exact values at one bucket. Built with textContent only. */
import * as l10n from '@vscode/l10n';
import { formatExact, type DisplayUnit } from '../../src/metrics/units';
import { el } from '../shared/dom';

export interface TooltipRow {
  readonly label: string;
  readonly value: number | null;
  readonly colour: string;
  readonly focused: boolean;
}

export interface TooltipContent {
  /** Bucket start, epoch seconds. */
  readonly time: number;
  readonly left: number;
  readonly top: number;
  readonly rows: readonly TooltipRow[];
  readonly unit: DisplayUnit;
}

/** More rows than this don't fit beside a cursor; the focused series is always included. */
const MAX_ROWS = 8;

// Made on the first hover: creating a formatter loads locale data, which would delay the first chart.
let timeFormat: Intl.DateTimeFormat | undefined;
function formatTime(epochSeconds: number): string {
  timeFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return timeFormat.format(new Date(epochSeconds * 1000));
}

export class Tooltip {
  private readonly box: HTMLDivElement;

  constructor(host: HTMLElement) {
    // Announced politely so keyboard users hear the values they step to.
    this.box = el('div', { class: 'tooltip', role: 'status', 'aria-live': 'polite', hidden: true });
    host.append(this.box);
  }

  show(content: TooltipContent): void {
    const sorted = [...content.rows].sort((a, b) => Number(b.focused) - Number(a.focused) || (b.value ?? -Infinity) - (a.value ?? -Infinity));
    const shown = sorted.slice(0, MAX_ROWS);
    const list = el('ul');
    for (const row of shown) {
      const swatch = el('span', { class: 'swatch' });
      swatch.style.background = row.colour;
      list.append(
        el('li', { class: row.focused ? 'focused' : undefined }, swatch, el('span', { class: 'label', text: row.label }),
          el('span', { class: 'value', text: formatExact(row.value, content.unit) })),
      );
    }
    const more = content.rows.length - shown.length;
    this.box.replaceChildren(
      el('div', { class: 'time', text: formatTime(content.time) }),
      list,
      more > 0 ? el('div', { class: 'more', text: l10n.t({ message: 'and {0} more', args: [more], comment: ['{0} is a number of series'] }) }) : '',
    );
    this.box.hidden = false;
    // Flip to the left of the cursor near the right edge so the box stays inside the chart.
    const hostWidth = this.box.parentElement?.clientWidth ?? 0;
    const flip = content.left + 16 + this.box.offsetWidth > hostWidth;
    this.box.style.left = `${flip ? content.left - 16 - this.box.offsetWidth : content.left + 16}px`;
    this.box.style.top = `${Math.max(0, content.top - 12)}px`;
  }

  hide(): void {
    this.box.hidden = true;
  }
}
