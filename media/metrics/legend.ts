/**
 * The clickable legend: one real <button> per series so it is in the tab order and works with
 * Enter/Space. Click toggles a series; Shift+click shows only that one (or all again).
 */
import { formatShort, type DisplayUnit } from '../../src/metrics/units';
import { el } from '../shared/dom';

export interface LegendItem {
  readonly label: string;
  readonly colour: string;
  /** Latest non-empty value, shown next to the name. */
  readonly latest: number | null;
}

export interface LegendActions {
  isVisible(index: number): boolean;
  setVisible(index: number, show: boolean): void;
}

export class Legend {
  private buttons: HTMLButtonElement[] = [];

  constructor(
    private readonly host: HTMLElement,
    private readonly actions: LegendActions,
  ) {}

  render(items: readonly LegendItem[], unit: DisplayUnit): void {
    this.buttons = items.map((item, i) => {
      const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
      swatch.style.background = item.colour;
      const button = el(
        'button',
        { type: 'button', class: 'legend-item', title: `${item.label}: click to hide or show, Shift+click to show only this` },
        swatch,
        el('span', { class: 'label', text: item.label }),
        el('span', { class: 'value', text: formatShort(item.latest, unit) }),
      );
      button.setAttribute('aria-pressed', String(this.actions.isVisible(i)));
      button.addEventListener('click', (e) => this.toggle(i, e.shiftKey));
      return button;
    });
    this.host.replaceChildren(...this.buttons);
    this.host.hidden = items.length === 0;
  }

  clear(): void {
    this.render([], { kind: 'count', noun: '' });
  }

  private toggle(index: number, only: boolean): void {
    if (only) {
      // Shift+click on the only visible series brings everything back.
      const alone = this.buttons.every((_, i) => this.actions.isVisible(i) === (i === index));
      this.buttons.forEach((_, i) => this.actions.setVisible(i, alone || i === index));
    } else {
      this.actions.setVisible(index, !this.actions.isVisible(index));
    }
    this.buttons.forEach((b, i) => b.setAttribute('aria-pressed', String(this.actions.isVisible(i))));
  }
}
