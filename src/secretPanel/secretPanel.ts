import * as vscode from 'vscode';
import { Disposable } from '../disposable';
import { credentialSnippet } from './credentialSnippets';
import { insertSnippet, LastTextEditor } from './editorInsert';
import { type FromSecretView, type InsertFormat, parseFromSecretView, type RotationState, type ToSecretView } from './protocol';
import { createNonce } from '../ui/webviewHtml';
import { renderSecretHtml } from './secretHtml';

/** View type of the panel. No serializer is registered for it, so it never comes back after a reload. */
export const SECRET_VIEW_TYPE = 'confluentCloud.apiKeySecret';

/** What the panel needs from the host. */
export interface SecretPanelDeps {
  readonly log: vscode.LogOutputChannel;
  /** The extension folder; the webview may load only from `dist/media` below it. */
  readonly extensionUri: vscode.Uri;
  /** True for a key of the demo organization: the view and its snippets say so. */
  readonly isDemoKey?: ((apiKey: string) => boolean) | undefined;
}

/** The new key as shown; everything but the secret. */
export interface NewKeyDetails {
  readonly apiKey: string;
  readonly displayName?: string | undefined;
  /** E.g. "service account payments (sa-123)". */
  readonly owner: string;
  /** E.g. "Kafka cluster orders (lkc-1) in Production · AWS us-east-1" or "Cloud API key (organization-wide)". */
  readonly resource: string;
  /** `kafka_bootstrap_endpoint` for cluster keys; undefined for Cloud API keys. */
  readonly bootstrapEndpoint?: string | undefined;
  /** Local ID of the key's organization, so "Delete Key…" after closing needs no organization pick. */
  readonly organization?: string | undefined;
}

/** Rotation: the old key goes only after the user confirms the new one is deployed. */
export interface RotationHooks {
  readonly oldKey: string;
  /** Asks for confirmation, deletes the old key and updates the tree; true when it is gone. */
  deleteOld(): Promise<boolean>;
  /** The user kept both keys, by choice or by closing the view; tell them. */
  keptBoth(reason: 'choice' | 'closed'): void;
}

/**
 * Shows a new API key and its secret exactly once. The secret lives in this object only until the
 * panel closes; it reaches the webview only when the user presses Reveal, and is never logged,
 * stored, put in webview state or in a notification.
 */
export class SecretPanel extends Disposable {
  private secret: string | undefined;
  private used = false;
  private rotationState: RotationState | undefined;
  private readonly demo: boolean;
  private readonly lastEditor = this.register(new LastTextEditor());
  readonly panel: vscode.WebviewPanel;

  constructor(
    private readonly deps: SecretPanelDeps,
    private readonly details: NewKeyDetails,
    secret: string,
    private readonly rotation?: RotationHooks,
  ) {
    super();
    this.secret = secret;
    this.rotationState = rotation ? 'pending' : undefined;
    this.demo = deps.isDemoKey?.(details.apiKey) ?? false;
    const mediaRoot = vscode.Uri.joinPath(deps.extensionUri, 'dist', 'media');
    // Beside the editor the user was in, so "Insert into Editor" can show both.
    const column = this.lastEditor.current ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const name = details.displayName || details.apiKey;
    const title = this.demo ? vscode.l10n.t('API Key {0} (Demo)', name) : vscode.l10n.t('API Key {0}', name);
    this.panel = vscode.window.createWebviewPanel(SECRET_VIEW_TYPE, title, {
      viewColumn: column,
      // Take the keyboard focus: the user's next step is in this view (the webview focuses Copy Secret).
      preserveFocus: false,
    }, {
      enableScripts: true,
      enableForms: false,
      enableCommandUris: false,
      enableFindWidget: false,
      // Not kept alive while hidden: when shown again the view starts over, masked.
      retainContextWhenHidden: false,
      localResourceRoots: [mediaRoot],
    });
    const webview = this.panel.webview;
    webview.html = renderSecretHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'secret.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'secret.css')).toString(),
      l10nBundle: vscode.l10n.bundle,
    });
    this.register(webview.onDidReceiveMessage((raw: unknown) => {
      const message = parseFromSecretView(raw);
      if (message) void this.handle(message);
    }));
    this.register(this.panel.onDidDispose(() => this.dispose()));
  }

  /** True when the key belongs to the demo organization (the title says "Demo"). */
  get isDemo(): boolean {
    return this.demo;
  }

  /** True until the panel is closed. */
  get isOpen(): boolean {
    return !this.isDisposed;
  }

  /** Where the rotation stands (undefined for a plain create). */
  get rotationStatus(): RotationState | undefined {
    return this.rotationState;
  }

  /**
   * Acts on a message from the webview. Public so in-host tests can press the buttons without
   * a DOM.
   */
  async handle(message: FromSecretView): Promise<void> {
    switch (message.type) {
      case 'ready': return this.post(this.initMessage());
      case 'reveal': return this.secret === undefined ? undefined : this.post({ type: 'secret', secret: this.secret });
      case 'copy': return this.copy(message.what);
      case 'insert': return this.insert(message.format);
      case 'rotation': return this.decideFromView(message.decision);
      case 'close': return this.closeFromView();
    }
  }

  /** Finishes a rotation: delete the old key (after the hook's confirmation) or keep both. */
  async decideRotation(decision: 'deleteOld' | 'keepBoth'): Promise<void> {
    if (!this.rotation || this.rotationState !== 'pending') return;
    if (decision === 'keepBoth') {
      this.rotationState = 'kept';
      this.rotation.keptBoth('choice');
      return this.post({ type: 'rotation', state: 'kept', message: vscode.l10n.t('Both keys are kept. Delete {0} once nothing uses it.', this.rotation.oldKey) });
    }
    this.rotationState = 'deleting';
    await this.post({ type: 'rotation', state: 'deleting', message: vscode.l10n.t('Deleting {0}…', this.rotation.oldKey) });
    const deleted = await this.rotation.deleteOld().catch(() => false);
    this.rotationState = deleted ? 'deleted' : 'pending';
    await this.post(deleted
      ? { type: 'rotation', state: 'deleted', message: vscode.l10n.t('The old key {0} was deleted. Rotation complete.', this.rotation.oldKey) }
      : { type: 'rotation', state: 'pending', message: vscode.l10n.t('The old key {0} was not deleted.', this.rotation.oldKey) });
  }

  /**
   * The rotation buttons. Deleting the old key before the new secret was copied or inserted could
   * leave no working key at all (the secret cannot be shown again), so that case asks first and
   * offers to copy the secret. Automation calls {@link decideRotation} directly: it decided already.
   */
  private async decideFromView(decision: 'deleteOld' | 'keepBoth'): Promise<void> {
    if (decision === 'deleteOld' && !this.used && this.secret !== undefined && this.rotation && this.rotationState === 'pending') {
      const copy = vscode.l10n.t('Copy Secret and Continue');
      const anyway = vscode.l10n.t('Delete Old Key Anyway');
      const answer = await vscode.window.showWarningMessage(vscode.l10n.t('The secret of the new key {0} was not copied or inserted yet.', this.details.apiKey), {
        modal: true,
        detail: vscode.l10n.t('If {0} is deleted and the new secret is lost, no key works: Confluent Cloud cannot show the secret again. Store it before deleting the old key.', this.rotation.oldKey),
      }, copy, anyway);
      if (answer === copy) await this.copy('secret');
      else if (answer !== anyway) {
        return this.post({ type: 'rotation', state: 'pending', message: vscode.l10n.t('The old key {0} was not deleted. Copy or insert the new secret first.', this.rotation.oldKey) });
      }
    }
    return this.decideRotation(decision);
  }

  /** "Done": closing before the secret was stored is the one mistake that cannot be undone. */
  private async closeFromView(): Promise<void> {
    if (!this.used && this.secret !== undefined) {
      const close = vscode.l10n.t('Close Without Storing');
      const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Close without storing the secret of {0}?', this.details.apiKey), {
        modal: true,
        detail: vscode.l10n.t('The secret was not copied or inserted, and Confluent Cloud cannot show it again. The key would be unusable; you could only delete it.'),
      }, close);
      if (answer !== close) return;
    }
    this.panel.dispose();
  }

  override dispose(): void {
    if (this.isDisposed) return;
    // Drop the only reference to the secret.
    this.secret = undefined;
    super.dispose();
    this.panel.dispose();
    if (this.rotation && this.rotationState === 'pending') {
      this.rotationState = 'kept';
      this.rotation.keptBoth('closed');
    }
    if (!this.used) this.offerDeleteOfUnusedKey();
  }

  /**
   * The view is gone with the secret, so the only useful action left is deleting the key nobody
   * can use; the warning says so and offers it (the delete command still asks to confirm).
   */
  private offerDeleteOfUnusedKey(): void {
    const apiKey = this.details.apiKey;
    const remove = vscode.l10n.t('Delete Key…');
    void vscode.window.showWarningMessage(
      vscode.l10n.t('The secret of API key {0} was not copied or inserted, and Confluent Cloud cannot show it again. If you did not store it, delete the key and create another.', apiKey),
      remove,
    ).then((answer) => {
      if (answer !== remove) return;
      const organization = this.details.organization;
      void vscode.commands.executeCommand('confluentCloud.deleteApiKey', { id: apiKey, ...(organization ? { organization } : {}) });
    });
  }

  private initMessage(): ToSecretView {
    const { details } = this;
    const formats: InsertFormat[] = details.bootstrapEndpoint ? ['dotenv', 'properties', 'kubernetes'] : ['dotenv', 'kubernetes'];
    return {
      type: 'init',
      apiKey: details.apiKey,
      displayName: details.displayName,
      owner: details.owner,
      resource: details.resource,
      secretLength: this.secret?.length ?? 0,
      formats,
      rotation: this.rotation && this.rotationState ? { oldKey: this.rotation.oldKey, state: this.rotationState } : undefined,
    };
  }

  private async copy(what: 'key' | 'secret'): Promise<void> {
    if (what === 'secret' && this.secret === undefined) return;
    await vscode.env.clipboard.writeText(what === 'key' ? this.details.apiKey : this.secret!);
    if (what === 'secret') this.used = true;
    await this.post(what === 'key'
      ? { type: 'status', message: vscode.l10n.t('API key copied to the clipboard.') }
      : { type: 'status', message: vscode.l10n.t('Secret copied to the clipboard. Paste it somewhere safe, then clear the clipboard.'), stored: true });
  }

  private async insert(format: InsertFormat): Promise<void> {
    if (this.secret === undefined) return;
    const snippet = credentialSnippet(format, {
      apiKey: this.details.apiKey,
      apiSecret: this.secret,
      displayName: this.details.displayName,
      bootstrapEndpoint: this.details.bootstrapEndpoint,
      resourceLabel: this.details.resource,
      demo: this.demo,
    });
    try {
      const where = await insertSnippet(snippet, this.lastEditor.current);
      this.used = true;
      await this.post({ type: 'status', message: vscode.l10n.t({ message: 'Inserted into {0}. Don\'t commit it to version control.', args: [where], comment: ['{0} is a file name or "a new untitled editor"'] }), stored: true });
    } catch (error) {
      // The message comes from VS Code, never from the snippet, so it holds no secret.
      const reason = error instanceof Error ? error.message : String(error);
      this.deps.log.warn(`Couldn't insert the API key snippet: ${reason}`);
      await this.post({ type: 'status', message: vscode.l10n.t('Couldn\'t insert: {0}', reason), error: true });
    }
  }

  private async post(message: ToSecretView): Promise<void> {
    if (this.isDisposed) return;
    await this.panel.webview.postMessage(message);
  }
}
