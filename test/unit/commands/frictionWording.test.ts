// Wording a newcomer found confusing: the credential check repeated itself and showed a bare
// socket code; deletes asked to type names that cannot be typed. Real HTTP against hostile
// servers on 127.0.0.1 (one that closes every connection, one that refuses).
import { strict as assert } from 'node:assert';
import { createServer, type Server } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { checkCredentials } from '../../../src/auth/credentialCheck';
import { networkCause } from '../../../src/auth/networkWording';
import { CloudClient } from '../../../src/cloud/cloudClient';
import { isTypeableName, TYPEABLE_NAME_MAX } from '../../../src/commands/confirmToken';

const SETTINGS = { timeoutMs: () => 5_000, proxyUrl: () => undefined, onRequest: () => undefined };

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

void describe('credential check wording', () => {
  // Accepts the connection and closes it at once: undici reports UND_ERR_SOCKET or ECONNRESET.
  const closer = createServer((socket) => socket.destroy());
  let port = 0;
  before(async () => {
    port = await listen(closer);
  });
  after(() => closer.close());

  void it('a closed connection reads in plain words, once, without the socket code', async () => {
    const endpoint = `http://127.0.0.1:${port}`;
    const check = await checkCredentials((o) => new CloudClient(o), SETTINGS, { endpoint, metricsEndpoint: endpoint, apiKey: 'K', secret: 'S' });
    assert.equal(check.ok, false);
    const message = check.ok ? '' : check.message;
    assert.equal(message, `Couldn't reach ${endpoint}: the connection was closed by the server or a proxy.`);
    assert.equal(message.match(/couldn't/gi)?.length, 1, 'said once');
    assert.doesNotMatch(message, /UND_ERR|list organizations/);
  });

  void it('a refused connection says so', async () => {
    const spare = createServer();
    const freePort = await listen(spare);
    await new Promise<void>((resolve) => spare.close(() => resolve()));
    const endpoint = `http://127.0.0.1:${freePort}`;
    const check = await checkCredentials((o) => new CloudClient(o), SETTINGS, { endpoint, metricsEndpoint: endpoint, apiKey: 'K', secret: 'S' });
    assert.equal(check.ok ? '' : check.message, `Couldn't reach ${endpoint}: ${networkCause('ECONNREFUSED')}.`);
  });
});

void describe('delete confirmation: which names can be typed', () => {
  void it('plain names are typed; bidi, invisible and control characters or long names are not', () => {
    assert.equal(isTypeableName('payments-service'), true);
    assert.equal(isTypeableName('x'.repeat(TYPEABLE_NAME_MAX)), true);
    assert.equal(isTypeableName('x'.repeat(TYPEABLE_NAME_MAX + 1)), false);
    assert.equal(isTypeableName('invoice\u202Etxt.exe'), false);
    assert.equal(isTypeableName('pay\u200Bments'), false);
    assert.equal(isTypeableName('two\nlines'), false);
    assert.equal(isTypeableName('   '), false);
    // An emoji counts as one character, and the zero-width joiner in a sequence is allowed.
    assert.equal(isTypeableName('team 👩‍💻'), true);
  });
});
