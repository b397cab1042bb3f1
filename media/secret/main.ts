/**
 * The API key secret view. Shows the key, a masked secret with Reveal, copy and insert buttons,
 * and (for rotations) the step that deletes the old key. The secret arrives only after Reveal and
 * is held in the DOM while shown; nothing is written to webview state (no `setState`), so it is
 * gone when the view closes or is hidden.
 */
import './main.css';
import * as l10n from '@vscode/l10n';
import { el } from '../shared/dom';
import { useHostTranslations } from '../shared/l10n';
import { connectToHost } from '../shared/vscodeApi';
import type { FromSecretView, InsertFormat, RotationState, SecretViewInit, ToSecretView } from '../../src/secretPanel/protocol';

/** File names and a product term stay as they are; only the Kubernetes label is a phrase. */
function formatLabel(format: InsertFormat): string {
  switch (format) {
    case 'dotenv': return '.env';
    case 'properties': return 'client.properties';
    case 'kubernetes': return l10n.t('Kubernetes Secret');
  }
}

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
    el('strong', { text: l10n.t('Not stored yet.') }), ' ',
    l10n.t('Copy the secret or insert it into a file before closing this view; once it closes, the secret is gone.'));

  constructor(private readonly post: (message: FromSecretView) => void) {
    this.root.replaceChildren(el('p', { class: 'status', text: l10n.t('Loading…') }));
  }

  handle(message: ToSecretView): void {
    switch (message.type) {
      case 'init': return this.init(message);
      case 'secret': return this.showSecret(message.secret);
      case 'status': return this.setStatus(message.message, message.error, message.stored);
      case 'rotation': return this.renderRotation(message.state, message.message);
    }
  }

  private init(message: SecretViewInit): void {
    this.secretLength = message.secretLength;
    this.revealed = false;
    this.secretValue = el('code', { class: 'value secret', id: 'secret-value', 'aria-label': l10n.t('Secret (hidden)') });
    this.revealButton = button(l10n.t('Reveal'), () => this.toggleReveal(), { id: 'reveal', 'aria-controls': 'secret-value', 'aria-pressed': 'false' });
    this.mask();
    const title = message.displayName
      ? l10n.t({ message: 'API key “{0}” created', args: [message.displayName], comment: ['{0} is the key\'s display name'] })
      : l10n.t('API key created');
    const formats = el('div', { class: 'buttons', role: 'group', 'aria-label': l10n.t('Insert into Editor as') },
      ...message.formats.map((format) => button(formatLabel(format), () => this.store({ type: 'insert', format }), { 'data-format': format, class: 'secondary' })));
    const copySecret = button(l10n.t('Copy Secret'), () => this.store({ type: 'copy', what: 'secret' }), { id: 'copy-secret' });
    this.unstored.hidden = false;
    this.rotationBox = el('section', { class: 'rotation', hidden: '' });
    this.root.replaceChildren(
      el('h1', { text: title }),
      el('div', { class: 'warning', role: 'alert' },
        el('strong', { text: l10n.t('This is the only time the secret is shown.') }), ' ',
        l10n.t('Confluent Cloud cannot retrieve it later. Copy it or insert it into a file now, and keep it out of version control.')),
      el('dl', {},
        el('dt', { text: l10n.t('Owner') }), el('dd', { text: message.owner }),
        el('dt', { text: l10n.t('Resource') }), el('dd', { text: message.resource })),
      el('div', { class: 'row' },
        el('span', { class: 'label', text: l10n.t('API key') }),
        el('code', { class: 'value', id: 'api-key', text: message.apiKey }),
        button(l10n.t('Copy Key'), () => this.post({ type: 'copy', what: 'key' }), { id: 'copy-key' })),
      el('div', { class: 'row' },
        el('span', { class: 'label', text: l10n.t('Secret') }),
        this.secretValue,
        this.revealButton,
        copySecret),
      el('h2', { text: l10n.t('Insert into Editor as…') }),
      el('p', { class: 'hint', text: l10n.t('Inserts at the cursor of the editor you were in, or opens a new untitled editor.') }),
      formats,
      this.rotationBox,
      this.status,
      this.unstored,
      el('div', { class: 'buttons done' }, button(l10n.t('Done, I have stored the secret'), () => this.post({ type: 'close' }), { class: 'secondary' })),
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
    this.secretValue.setAttribute('aria-label', l10n.t('Secret (hidden)'));
  }

  private toggleReveal(): void {
    if (this.revealed) {
      this.revealed = false;
      this.mask();
      this.revealButton?.replaceChildren(l10n.t('Reveal'));
      this.revealButton?.setAttribute('aria-pressed', 'false');
    } else {
      this.post({ type: 'reveal' });
    }
  }

  private showSecret(secret: string): void {
    if (!this.secretValue) return;
    this.revealed = true;
    this.secretValue.textContent = secret;
    this.secretValue.setAttribute('aria-label', l10n.t('Secret'));
    this.revealButton?.replaceChildren(l10n.t('Hide'));
    this.revealButton?.setAttribute('aria-pressed', 'true');
  }

  private oldKey = '';

  private renderRotation(state: RotationState, message?: string, oldKey?: string): void {
    const box = this.rotationBox;
    if (!box) return;
    if (oldKey) this.oldKey = oldKey;
    box.hidden = false;
    const children: (Node | string)[] = [el('h2', { text: l10n.t('Rotation') })];
    if (state === 'pending') {
      children.push(
        el('p', { text: l10n.t('Deploy the new key everywhere the old key {0} is used. Then delete the old key; until then both work.', this.oldKey) }),
        el('div', { class: 'buttons' },
          button(l10n.t('The new key is deployed: delete the old key…'), () => this.post({ type: 'rotation', decision: 'deleteOld' }), { id: 'delete-old' }),
          button(l10n.t('Keep both keys'), () => this.post({ type: 'rotation', decision: 'keepBoth' }), { id: 'keep-both', class: 'secondary' })),
      );
    }
    if (message) children.push(el('p', { class: state === 'deleted' ? 'ok' : 'hint', text: message }));
    box.replaceChildren(...children);
  }

  private setStatus(message: string, error?: boolean, secretStored?: boolean): void {
    // A copy can also come from the host's own prompt (rotation: "Copy Secret and Continue"), so
    // the host says when the secret is stored; the text is translated and can't be matched.
    const stored = !error && (this.storing || secretStored === true);
    this.storing = false;
    if (stored) this.unstored.hidden = true;
    this.status.textContent = message;
    this.status.classList.toggle('error', !!error);
  }
}

useHostTranslations('secret');
const host = connectToHost<FromSecretView>();
const view = new SecretView((message) => host.post(message));
window.addEventListener('message', (event: MessageEvent<ToSecretView>) => view.handle(event.data));
host.post({ type: 'ready' });
