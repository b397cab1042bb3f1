/**
 * The attribute of a webview page's `<main id="app">` that carries the display language's
 * translations (JSON, absent for English) from the host to the webview script: an attribute, not
 * an inline script, because the pages' policy allows no inline code. Its own module so the webview
 * bundles import it without anything else of the host.
 */
export const L10N_ATTRIBUTE = 'data-l10n';
