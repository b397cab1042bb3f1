/** The metrics panel's HTML: the shared webview shell, with images allowed from the extension. */
import { contentSecurityPolicy as basePolicy, renderWebviewHtml } from '../ui/webviewHtml';

export interface HtmlInput {
  /** `webview.cspSource`: the origin the webview serves extension files from. */
  readonly cspSource: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly nonce: string;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return basePolicy(cspSource, nonce, [`img-src ${cspSource} data:`]);
}

export function renderHtml(input: HtmlInput): string {
  return renderWebviewHtml({ ...input, title: 'Metrics', policy: contentSecurityPolicy(input.cspSource, input.nonce) });
}
