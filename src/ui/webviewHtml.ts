/**
 * The HTML shell shared by every webview: a strict Content Security Policy, the bundled script by
 * nonce and the stylesheet by origin, nothing inline. Pure (no vscode) so the policy is unit tested.
 */
import { randomBytes } from 'node:crypto';
import type { l10nJsonFormat } from '@vscode/l10n';
import { L10N_ATTRIBUTE } from './webviewL10n';

export interface WebviewHtmlInput {
  /** `webview.cspSource`: the origin the webview serves extension files from. */
  readonly cspSource: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  /** From {@link createNonce}, fresh for every render. */
  readonly nonce: string;
  readonly title: string;
  /** The full policy; build it with {@link contentSecurityPolicy}. */
  readonly policy: string;
  /** Extra attributes for the `<main id="app">` element, e.g. `aria-live="polite"`. */
  readonly mainAttributes?: Readonly<Record<string, string>>;
  /** `vscode.l10n.bundle`: the display language's translations for the webview; absent for English. */
  readonly l10nBundle?: l10nJsonFormat | undefined;
}

/** 128 random bits; a fresh one for every render, so an old nonce is worthless. */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * `default-src 'none'`, scripts only by nonce, styles and fonts only from the extension, plus the
 * directives a view adds (images, form-action, …).
 */
export function contentSecurityPolicy(cspSource: string, nonce: string, extra: readonly string[] = []): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    ...extra,
  ].join('; ');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** For the few values interpolated into attributes (all ours, escaped anyway). */
export function escapeAttribute(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

export function renderWebviewHtml(input: WebviewHtmlInput): string {
  const attributes = { ...input.mainAttributes, ...(input.l10nBundle ? { [L10N_ATTRIBUTE]: JSON.stringify(input.l10nBundle) } : {}) };
  const mainAttributes = Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(input.policy)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(input.styleUri)}">
<title>${escapeAttribute(input.title)}</title>
</head>
<body>
<main id="app"${mainAttributes}></main>
<script nonce="${escapeAttribute(input.nonce)}" src="${escapeAttribute(input.scriptUri)}"></script>
</body>
</html>`;
}
