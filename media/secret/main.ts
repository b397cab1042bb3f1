/**
 * The API key secret view. Shows the key, a masked secret with Reveal, copy and insert buttons,
 * and (for rotations) the step that deletes the old key. The secret arrives only after Reveal and
 * is held in the DOM while shown; nothing is written to webview state (no `setState`), so it is
 * gone when the view closes or is hidden.
 */
import './main.css';
import { el } from '../shared/dom';
import { connectToHost } from '../shared/vscodeApi';
import type { FromSecretView, InsertFormat, RotationState, SecretViewInit, ToSecretView } from '../../src/secretPanel/protocol';


const FORMAT_LABELS: Record<InsertFormat, string> = {
  dotenv: '.env',
  properties: 'client.properties',
  kubernetes: 'Kubernetes Secret',
};

const MASK_CHAR = '•';


function button(label: string, onClick: () => void, attrs: Record<string, string> = {}): HTMLButtonElement {
  const b = el('button', { type: 'button', ...attrs, text: label });
  b.addEventListener('click', onClick);
  return b;
}

class SecretView {
  private readonly root = document.getElementById('app') ?? document.body;
  private readonly status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  private secretValue: HTMLElement | undefined;
  private revealButton: HTMLButtonElement | undefined;
  private rotationBox: HTMLElement | undefined;
  private revealed = false;
  private secretLength = 0;
  /** Copy Secret or an insert was pressed; the next success status means the secret is stored. */
  private storing = false;
  /** Shown until the secret has been copied or inserted: closing before that loses it for good. */
  private readonly unstored = el('p', { class: 'unstored', id: 'unstored' },
    el('strong', { text: 'Not stored yet. ' }),
    'Copy the secret or insert it into a file before closing this view; once it closes, the secret is gone.');

  constructor(private readonly post: (message: FromSecretView) => void) {
    this.root.replaceChildren(el('p', { class: 'status', text: 'Loading…' }));
  }

  handle(message: ToSecretView): void {
    switch (message.type) {
      case 'init': return this.init(message);
      case 'secret': return this.showSecret(message.secret);
      case 'status': return this.setStatus(message.message, message.error);
      case 'rotation': return this.renderRotation(message.state, message.message);
    }
  }

  private init(message: SecretViewInit): void {
    this.secretLength = message.secretLength;
    this.revealed = false;
    this.secretValue = el('code', { class: 'value secret', id: 'secret-value', 'aria-label': 'Secret (hidden)' });
    this.revealButton = button('Reveal', () => this.toggleReveal(), { id: 'reveal', 'aria-controls': 'secret-value', 'aria-pressed': 'false' });
    this.mask();
    const title = message.displayName ? `API key “${message.displayName}” created` : 'API key created';
    const formats = el('div', { class: 'buttons', role: 'group', 'aria-label': 'Insert into Editor as' },
      ...message.formats.map((format) => button(FORMAT_LABELS[format], () => this.store({ type: 'insert', format }), { 'data-format': format, class: 'secondary' })));
    const copySecret = button('Copy Secret', () => this.store({ type: 'copy', what: 'secret' }), { id: 'copy-secret' });
    this.unstored.hidden = false;
    this.rotationBox = el('section', { class: 'rotation', hidden: '' });
    this.root.replaceChildren(
      el('h1', { text: title }),
      el('div', { class: 'warning', role: 'alert' },
        el('strong', { text: 'This is the only time the secret is shown. ' }),
        'Confluent Cloud cannot retrieve it later. Copy it or insert it into a file now, and keep it out of version control.'),
      el('dl', {},
        el('dt', { text: 'Owner' }), el('dd', { text: message.owner }),
        el('dt', { text: 'Resource' }), el('dd', { text: message.resource })),
      el('div', { class: 'row' },
        el('span', { class: 'label', text: 'API key' }),
        el('code', { class: 'value', id: 'api-key', text: message.apiKey }),
        button('Copy Key', () => this.post({ type: 'copy', what: 'key' }), { id: 'copy-key' })),
      el('div', { class: 'row' },
        el('span', { class: 'label', text: 'Secret' }),
        this.secretValue,
        this.revealButton,
        copySecret),
      el('h2', { text: 'Insert into Editor as…' }),
      el('p', { class: 'hint', text: 'Inserts at the cursor of the editor you were in, or opens a new untitled editor.' }),
      formats,
      this.rotationBox,
      this.status,
      this.unstored,
      el('div', { class: 'buttons done' }, button('Done, I have stored the secret', () => this.post({ type: 'close' }), { class: 'secondary' })),
    );
    if (message.rotation) this.renderRotation(message.rotation.state, undefined, message.rotation.oldKey);
    // The view opens with the keyboard in it, on the action the user must take before leaving.
    copySecret.focus();
  }

  private store(message: FromSecretView): void {
    this.storing = true;
    this.post(message);
  }

  private mask(): void {
    if (!this.secretValue) return;
    this.secretValue.textContent = MASK_CHAR.repeat(Math.min(Math.max(this.secretLength, 8), 64));
    this.secretValue.setAttribute('aria-label', 'Secret (hidden)');
  }

  private toggleReveal(): void {
    if (this.revealed) {
      this.revealed = false;
      this.mask();
      this.revealButton?.replaceChildren('Reveal');
      this.revealButton?.setAttribute('aria-pressed', 'false');
    } else {
      this.post({ type: 'reveal' });
    }
  }

  private showSecret(secret: string): void {
    if (!this.secretValue) return;
    this.revealed = true;
    this.secretValue.textContent = secret;
    this.secretValue.setAttribute('aria-label', 'Secret');
    this.revealButton?.replaceChildren('Hide');
    this.revealButton?.setAttribute('aria-pressed', 'true');
  }

  private oldKey = '';

  private renderRotation(state: RotationState, message?: string, oldKey?: string): void {
    const box = this.rotationBox;
    if (!box) return;
    if (oldKey) this.oldKey = oldKey;
    box.hidden = false;
    const children: (Node | string)[] = [el('h2', { text: 'Rotation' })];
    if (state === 'pending') {
      children.push(
        el('p', { text: `Deploy the new key everywhere the old key ${this.oldKey} is used. Then delete the old key; until then both work.` }),
        el('div', { class: 'buttons' },
          button('The new key is deployed: delete the old key…', () => this.post({ type: 'rotation', decision: 'deleteOld' }), { id: 'delete-old' }),
          button('Keep both keys', () => this.post({ type: 'rotation', decision: 'keepBoth' }), { id: 'keep-both', class: 'secondary' })),
      );
    }
    if (message) children.push(el('p', { class: state === 'deleted' ? 'ok' : 'hint', text: message }));
    box.replaceChildren(...children);
  }

  private setStatus(message: string, error?: boolean): void {
    // A copy can also come from the host's own prompt (rotation: "Copy Secret and Continue").
    const stored = !error && (this.storing || /^(Secret copied|Inserted into)/.test(message));
    this.storing = false;
    if (stored) this.unstored.hidden = true;
    this.status.textContent = message;
    this.status.classList.toggle('error', !!error);
  }
}

const host = connectToHost<FromSecretView>();
const view = new SecretView((message) => host.post(message));
window.addEventListener('message', (event: MessageEvent<ToSecretView>) => view.handle(event.data));
host.post({ type: 'ready' });
