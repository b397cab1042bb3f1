import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { contentSecurityPolicy, renderHtml } from '../../../src/metrics/webviewHtml';
import { createNonce } from '../../../src/ui/webviewHtml';

void describe('webview HTML', () => {
  const html = renderHtml({ cspSource: 'https://file+.vscode-resource.example', nonce: 'abc123==', scriptUri: 'https://x/metrics.js', styleUri: 'https://x/metrics.css' });

  void it('allows nothing by default, scripts by nonce only and styles from the extension only', () => {
    const csp = contentSecurityPolicy('https://src', 'n0nce');
    assert.match(csp, /^default-src 'none'; /);
    assert.match(csp, /script-src 'nonce-n0nce'(;|$)/);
    assert.match(csp, /style-src https:\/\/src(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
  });

  void it('loads exactly one script, carrying the nonce, and no inline code', () => {
    assert.equal(html.match(/<script/g)?.length, 1);
    assert.match(html, /<script nonce="abc123==" src="https:\/\/x\/metrics.js"><\/script>/);
    assert.doesNotMatch(html, /<style|\son\w+=/);
  });

  void it('hands the translations to the webview as an escaped attribute, and nothing for English', () => {
    assert.doesNotMatch(html, /data-l10n/);
    const translated = renderHtml({
      cspSource: 'https://src', nonce: 'n', scriptUri: 'https://x/m.js', styleUri: 'https://x/m.css', l10nBundle: { Retry: 'Wiederholen "<b>"' },
    });
    const attribute = /<main id="app" data-l10n="([^"]*)">/.exec(translated)?.[1];
    assert.ok(attribute, 'the bundle is on <main id="app">');
    assert.doesNotMatch(attribute, /[<>"]/);
    const decoded = attribute.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    assert.deepEqual(JSON.parse(decoded), { Retry: 'Wiederholen "<b>"' });
    assert.equal(translated.match(/<script/g)?.length, 1, 'still no inline script');
  });

  void it('uses a fresh nonce each time', () => {
    const a = createNonce();
    const b = createNonce();
    assert.notEqual(a, b);
    assert.ok(a.length >= 22);
  });
});
