/**
 * The secret view's HTML: the shared webview shell, with forms and base URLs also forbidden, and
 * a live region so screen readers announce the key.
 */
import { contentSecurityPolicy, renderWebviewHtml } from '../ui/webviewHtml';

export interface SecretHtmlInput {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly nonce: string;
}

export function secretContentSecurityPolicy(cspSource: string, nonce: string): string {
  return contentSecurityPolicy(cspSource, nonce, ["form-action 'none'", "base-uri 'none'"]);
}

export function renderSecretHtml(input: SecretHtmlInput): string {
  return renderWebviewHtml({
    ...input,
    title: 'New API key',
    policy: secretContentSecurityPolicy(input.cspSource, input.nonce),
    mainAttributes: { 'aria-live': 'polite' },
  });
}
