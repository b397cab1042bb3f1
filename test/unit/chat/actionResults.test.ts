// How act tools word command outcomes. The command layer needs a VS Code host, so these tests
// stub `executeCommand` (named so) and check only the wording; the host tests run the real commands.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { createApiKeyTool, outcomeText } from '../../../src/chat/actionTools';
import { CursorStore, type ToolContext } from '../../../src/chat/toolContext';
import type { CloudClient } from '../../../src/cloud/cloudClient';
import { RateQueue } from '../../../src/metrics/rateQueue';

const SECRET = 'Zm9vYmFyYmF6cXV4c2VjcmV0LXRoYXQtbXVzdC1uZXZlci1sZWFr';

function stubbedContext(outcome: unknown, calls: unknown[][]): ToolContext {
  const client = { organizations: { listPage: async () => ({ items: [{ id: 'org-1' }] }) } } as unknown as CloudClient;
  return {
    connections: () => [{ id: 'c1', label: 'Org', orgId: 'org-1', client }],
    metricsQueue: new RateQueue(50),
    executeCommand: async (...args: unknown[]) => {
      calls.push(args);
      return outcome;
    },
    cursors: new CursorStore(),
    now: () => Date.now(),
  };
}

void describe('act tool results (command stubbed)', () => {
  void it('never repeats a secret, even when a command outcome carried one', async () => {
    const calls: unknown[][] = [];
    const outcome = { status: 'done', value: { id: 'KEY0000000000001', spec: { owner: { id: 'sa-1' }, resource: null, display_name: 'ci', secret: SECRET } } };
    const text = await createApiKeyTool.run({ owner: 'sa-1', resource: 'cloud', display_name: 'ci' }, stubbedContext(outcome, calls), new AbortController().signal);
    assert.ok(!text.includes(SECRET));
    assert.match(text, /Created API key `KEY0000000000001` `ci`: owner `sa-1`, Cloud API key/);
    assert.deepEqual(calls, [['confluentCloud.createApiKey', { organization: 'c1' }, { owner: 'sa-1', resource: null, display_name: 'ci', description: '' }]]);
  });

  void it('words cancelled, failed and missing outcomes so the model does not retry blindly', () => {
    const done = (): string => 'done';
    assert.equal(outcomeText({ status: 'cancelled' }, {}, done), 'Cancelled: nothing was changed.');
    assert.match(outcomeText(undefined, {}, done), /^Failed: the command stopped with an error .* do not retry blindly\.$/);
    assert.match(outcomeText({ status: 'failed', message: 'Couldn\'t create API key: boom', httpStatus: 500, lookup: 'absent' }, {}, done), /^500: `Couldn't create API key: boom`\. It was not created, so it is safe to retry\./);
    assert.match(outcomeText({ status: 'failed', message: 'no', httpStatus: 403 }, { role: 'AccountAdmin' }, done), /^403: the signed-in key lacks AccountAdmin\. Don't retry\./);
    assert.match(outcomeText({ status: 'invalid', message: 'name too long', field: 'display_name' }, {}, done), /^Invalid input \(display_name\):/);
  });
});
