/** The metrics panel's HTML: the shared webview shell, with images allowed from the extension. */
import * as l10n from '@vscode/l10n';
import { contentSecurityPolicy as basePolicy, renderWebviewHtml } from '../ui/webviewHtml';

export interface HtmlInput {
  /** `webview.cspSource`: the origin the webview serves extension files from. */
  readonly cspSource: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly nonce: string;
  /**
   * `vscode.l10n.bundle`: the translations of the display language, undefined for English. The
   * webview reads them before it draws anything, so even its first frame is translated.
   */
  readonly l10nBundle?: l10n.l10nJsonFormat | undefined;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return basePolicy(cspSource, nonce, [`img-src ${cspSource} data:`]);
}

export function renderHtml(input: HtmlInput): string {
  return renderWebviewHtml({
    ...input,
    title: l10n.t('Metrics'),
    policy: contentSecurityPolicy(input.cspSource, input.nonce),
  });
}
