import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { HOSTILE_NAMES } from '../../../sandbox/fixtures';
import { inert, moreLine } from '../../../src/chat/chatText';
import { errorText, ToolInputError } from '../../../src/chat/toolErrors';
import { CloudApiError } from '../../../src/cloud/errors';

/** What a CommonMark code span of `span` shows: the text between the fences. */
function spanContent(span: string): string {
  const fence = /^`+/.exec(span)![0];
  assert.ok(span.endsWith(fence), `closed by the same fence: ${span}`);
  let inner = span.slice(fence.length, span.length - fence.length);
  if (inner.startsWith(' ') && inner.endsWith(' ') && inner.trim() !== '') inner = inner.slice(1, -1);
  assert.ok(!inner.includes(fence), 'the fence does not occur inside');
  return inner;
}

void describe('chat text', () => {
  void it('fences server text in a code span longer than any backtick run inside', () => {
    assert.equal(inert('payments'), '`payments`');
    assert.equal(inert('a `b` c'), '``a `b` c``');
    assert.equal(spanContent(inert('``x``')), '``x``');
    assert.equal(inert(''), '``');
  });

  void it('keeps every hostile name on one line with links and icons broken and bidi controls visible', () => {
    for (const name of HOSTILE_NAMES) {
      const text = inert(name);
      assert.doesNotMatch(text, /\n/);
      assert.doesNotMatch(text, /\]\(command:/);
      assert.doesNotMatch(text, /\$\(alert\)/);
      assert.ok(!text.includes('\u202E'), 'override shown as [U+202E]');
      assert.ok([...spanContent(text)].length <= 120, 'capped');
    }
    assert.match(inert('\u202Eevil'), /\[U\+202E\]evil/);
  });

  void it('offers a continuation only when there is one', () => {
    assert.equal(moreLine(5, undefined, 'tool'), undefined);
    assert.equal(moreLine(5, 'p1', 'tool'), '5 more: call tool again with the same arguments and "pageToken": "p1".');
  });

  void it('words errors as results: status first, the missing role, no stack', () => {
    const forbidden = new CloudApiError({ reason: 'http', status: 403, action: 'list service accounts', summary: 'forbidden', requestId: '7f3c1a2b-0000' });
    assert.equal(errorText(forbidden, { role: 'AccountAdmin' }).split('.')[0], '403: the signed-in key lacks AccountAdmin');
    const withPermission = new CloudApiError({ reason: 'http', status: 403, action: 'x', summary: 'no', permission: 'Describe:Environment' });
    assert.match(errorText(withPermission, { role: 'AccountAdmin' }), /^403: the signed-in key lacks the `Describe:Environment` permission/);
    const limited = new CloudApiError({ reason: 'http', status: 429, action: 'x', summary: 'slow down', retryAfterSeconds: 7 });
    assert.match(errorText(limited), /^429: rate limited by Confluent Cloud; retry after 7 s/);
    assert.match(errorText(new CloudApiError({ reason: 'http', status: 401, action: 'x', summary: 'bad key' })), /Update API Key…/);
    assert.equal(errorText(new ToolInputError('"key" is required.')), 'Invalid input: "key" is required.');
    const text = errorText(new Error('boom [x](command:y)'));
    assert.doesNotMatch(text, /\]\(command:|\n\s+at /);
  });
});
