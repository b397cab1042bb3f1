/**
 * A tiny element builder. Text always goes through `textContent`, never `innerHTML`, because every
 * label here (topic, principal, metric descriptions, error messages) comes from the API.
 */

type Attrs = Record<string, string | number | boolean | undefined>;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string | undefined)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (name === 'text') node.textContent = String(value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === undefined) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/** A labelled control: `<label>` wrapping a caption and the control, so clicks focus it. */
export function field(caption: string, control: HTMLElement, className = 'field'): HTMLLabelElement {
  return el('label', { class: className }, el('span', { class: 'caption', text: caption }), control);
}

export function option(value: string, text: string, opts: { selected?: boolean; disabled?: boolean; title?: string } = {}): HTMLOptionElement {
  const o = el('option', { value, text, title: opts.title });
  o.selected = !!opts.selected;
  o.disabled = !!opts.disabled;
  return o;
}
