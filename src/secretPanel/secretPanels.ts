import { Disposable } from '../disposable';
import { type NewKeyDetails, type RotationHooks, SecretPanel, type SecretPanelDeps } from './secretPanel';

/**
 * Owns every open secret view, so deactivation closes them (dropping the secrets they hold) and
 * nothing outlives the extension. Registered in the composition root.
 */
export class SecretPanels extends Disposable {
  private readonly open = new Set<SecretPanel>();

  constructor(private readonly deps: SecretPanelDeps) {
    super();
    this.register({ dispose: () => { for (const panel of [...this.open]) panel.dispose(); } });
  }

  /** Shows a new key's secret once; the panel forgets itself here when it closes. */
  show(details: NewKeyDetails, secret: string, rotation?: RotationHooks): SecretPanel {
    const panel = new SecretPanel(this.deps, details, secret, rotation);
    this.open.add(panel);
    this.register(panel.panel.onDidDispose(() => this.open.delete(panel)));
    return panel;
  }

  /** Views still open, oldest first. */
  list(): readonly SecretPanel[] {
    return [...this.open];
  }
}
