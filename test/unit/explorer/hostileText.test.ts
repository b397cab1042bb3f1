// Server text that tries to be markup or to flood the screen, through every place that words a
// failure or a row: error nodes, command failures, delete previews and folder descriptions.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { CloudApiError } from '../../../src/cloud/errors';
import { describeFailure } from '../../../src/commands/errorMessages';
import { environmentPreviewLines, ownerPreviewLines } from '../../../src/commands/deletePreview';
import { describeLoadError } from '../../../src/explorer/errorText';
import { folderDescription, oneLine } from '../../../src/explorer/labels';
import { COMMAND_LINK } from '../../fixtures/hostileServer';

const HUGE = `${COMMAND_LINK} $(alert) ${'detail '.repeat(1500)}`;

function hostile(status: number, extra: Partial<ConstructorParameters<typeof CloudApiError>[0]> = {}): CloudApiError {
  return new CloudApiError({ reason: 'http', action: 'delete service account', summary: HUGE, status, detail: HUGE, title: HUGE, ...extra });
}

void describe('server text in failure messages', () => {
  for (const status of [400, 402, 409, 500, 418]) {
    void it(`a ${status} detail reaches the message inert and short`, () => {
      const { message } = describeFailure(hostile(status), { verb: 'delete', noun: 'service account', name: 'payments' });
      assert.doesNotMatch(message, /\]\s*\(/, 'no command link');
      assert.doesNotMatch(message, /\$\(/, 'no icon');
      assert.ok(message.length <= 400, `${message.length} characters`);
    });
  }

  void it('an unbounded code does not make an error node label long', () => {
    const d = describeLoadError('users', hostile(403, { code: 'c'.repeat(5000) }));
    assert.ok(d.label.length <= 120, `${d.label.length} characters`);
    assert.ok(d.detail.length <= 1100, `${d.detail.length} characters`);
  });

  void it('words a response that was too large', () => {
    const d = describeLoadError('service accounts', new CloudApiError({ reason: 'too-large', action: 'list service accounts', summary: 'response too large (over 32 MB)', status: 200 }));
    assert.equal(d.label, "Couldn't load service accounts: response too large");
  });
});

void describe('server names in rows and previews', () => {
  void it('reveals bidi controls and caps names in labels', () => {
    assert.equal(oneLine('sa\u202e-1'), 'sa[U+202E]-1');
    assert.equal([...oneLine('n'.repeat(10_000))!].length, 80);
  });

  void it('keeps delete preview rows inert', () => {
    const lines = ownerPreviewLines({ total: 1, sample: [{ id: 'KEY$(zap)', spec: { owner: { id: 'sa-1' }, resource: null, display_name: COMMAND_LINK } }] as never });
    for (const line of lines) assert.doesNotMatch(line, /\]\(|\$\(/);
    const env = environmentPreviewLines({ clusters: [{ id: 'lkc-1', spec: { display_name: `${COMMAND_LINK}\u202e`, cloud: 'AWS', region: 'us-east-1' } }] as never, keysByCluster: new Map() });
    for (const line of env) assert.doesNotMatch(line, /\]\(|\u202e/);
  });

  void it('says when a folder stopped at the limit', () => {
    assert.equal(folderDescription({ loaded: 10_000, complete: true, started: true, stoppedAtLimit: true }), '10,000 loaded, stopped at the limit');
  });
});

