/**
 * The secret view's HTML: the shared webview shell, with forms and base URLs also forbidden, and
 * a live region so screen readers announce the key.
 */
import * as l10n from '@vscode/l10n';
import { contentSecurityPolicy, renderWebviewHtml } from '../ui/webviewHtml';

export interface SecretHtmlInput {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly nonce: string;
  /**
   * `vscode.l10n.bundle`: the translations of the display language, undefined for English. The
   * view reads them before it draws anything, so even "Loading…" is translated. No secret here.
   */
  readonly l10nBundle?: l10n.l10nJsonFormat | undefined;
}

export function secretContentSecurityPolicy(cspSource: string, nonce: string): string {
  return contentSecurityPolicy(cspSource, nonce, ["form-action 'none'", "base-uri 'none'"]);
}

export function renderSecretHtml(input: SecretHtmlInput): string {
  return renderWebviewHtml({
    ...input,
    title: l10n.t('New API key'),
    policy: secretContentSecurityPolicy(input.cspSource, input.nonce),
    mainAttributes: { 'aria-live': 'polite' },
  });
}
