import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parseFromSecretView } from '../../../src/secretPanel/protocol';
import { renderSecretHtml, secretContentSecurityPolicy } from '../../../src/secretPanel/secretHtml';
import { createNonce } from '../../../src/ui/webviewHtml';

void describe('secret view protocol', () => {
  void it('accepts the known messages', () => {
    assert.deepEqual(parseFromSecretView({ type: 'copy', what: 'secret' }), { type: 'copy', what: 'secret' });
    assert.deepEqual(parseFromSecretView({ type: 'insert', format: 'kubernetes' }), { type: 'insert', format: 'kubernetes' });
    assert.deepEqual(parseFromSecretView({ type: 'rotation', decision: 'keepBoth' }), { type: 'rotation', decision: 'keepBoth' });
  });
  void it('ignores anything else', () => {
    for (const bad of [null, 'ready', { type: 'eval' }, { type: 'copy', what: 'everything' }, { type: 'insert', format: 'json' }]) {
      assert.equal(parseFromSecretView(bad), undefined);
    }
  });
});

void describe('secret view HTML', () => {
  void it('locks the page down', () => {
    const csp = secretContentSecurityPolicy('vscode-resource:', 'abc');
    assert.match(csp, /^default-src 'none'; script-src 'nonce-abc'; style-src vscode-resource:/);
    assert.match(csp, /form-action 'none'/);
    assert.doesNotMatch(csp, /unsafe/);
  });
  void it('uses the nonce on the only script and escapes attributes', () => {
    const html = renderSecretHtml({ cspSource: 'https://x', scriptUri: 'https://x/secret.js?a="b"', styleUri: 'https://x/secret.css', nonce: 'n0nce' });
    assert.equal(html.match(/<script/g)?.length, 1);
    assert.match(html, /<script nonce="n0nce" src="https:\/\/x\/secret\.js\?a=&quot;b&quot;">/);
  });
  void it('makes a fresh nonce each time', () => {
    assert.notEqual(createNonce(), createNonce());
    assert.equal(Buffer.from(createNonce(), 'base64').length, 16);
  });
});
