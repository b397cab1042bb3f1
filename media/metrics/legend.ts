/**
 * The clickable legend: one real <button> per series so it is in the tab order and works with
 * Enter/Space. Click toggles a series; Shift+click shows only that one (or all again).
 */
import * as l10n from '@vscode/l10n';
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
  /**
   * One button's structure, cloned per item: at 100 series, building each button from scratch
   * (and giving each its own listener) took about a tenth of the time to the first paint.
   */
  private readonly template = el(
    'button',
    { type: 'button', class: 'legend-item' },
    el('span', { class: 'swatch', 'aria-hidden': 'true' }),
    el('span', { class: 'label' }),
    el('span', { class: 'value' }),
  );

  constructor(
    private readonly host: HTMLElement,
    private readonly actions: LegendActions,
  ) {
    // One listener for every button; Enter and Space on a focused button arrive as clicks too.
    host.addEventListener('click', (e) => {
      const button = (e.target as Element | null)?.closest('.legend-item');
      const index = button ? this.buttons.indexOf(button as HTMLButtonElement) : -1;
      if (index >= 0) this.toggle(index, e.shiftKey);
    });
  }

  render(items: readonly LegendItem[], unit: DisplayUnit): void {
    this.buttons = items.map((item, i) => {
      const button = this.template.cloneNode(true) as HTMLButtonElement;
      const [swatch, label, value] = button.children as unknown as [HTMLElement, HTMLElement, HTMLElement];
      swatch.style.background = item.colour;
      label.textContent = item.label;
      value.textContent = formatShort(item.latest, unit);
      button.title = l10n.t({ message: '{0}: click to hide or show, Shift+click to show only this', args: [item.label], comment: ['{0} is a series name'] });
      button.setAttribute('aria-pressed', String(this.actions.isVisible(i)));
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
