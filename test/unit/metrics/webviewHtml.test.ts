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

  void it('uses a fresh nonce each time', () => {
    const a = createNonce();
    const b = createNonce();
    assert.notEqual(a, b);
    assert.ok(a.length >= 22);
  });
});
