// The demo's messages come from the translation bundle. node:test runs each file in its own
// process, so the bundle configured here reaches no other test file.
import { strict as assert } from 'node:assert';
import { createServer, type Server } from 'node:net';
import { describe, it } from 'node:test';
import * as l10n from '@vscode/l10n';
import { DemoPortInUse, DemoSession } from '../../../src/demo/demoSession';
import { loadSandboxModule } from '../../../src/demo/sandboxModule';

l10n.config({
  contents: {
    'Port {0} on 127.0.0.1 is already in use.': 'Port {0} auf 127.0.0.1 ist bereits belegt.',
    'The demo organization was removed.': 'Die Demo-Organisation wurde entfernt.',
  },
});

/** A listener on a port the OS picked, so a demo asked to bind it finds it taken. */
function squat(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const server = createServer((socket) => socket.destroy());
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address ? address.port : 0 });
    });
  });
}

void describe('demo organization: wording in the display language', () => {
  void it('says a taken port is in use in the translation, with the port filled in', async () => {
    const { server, port } = await squat();
    const session = new DemoSession(loadSandboxModule, port);
    try {
      await assert.rejects(session.start(), (error: unknown) => {
        assert.ok(error instanceof DemoPortInUse);
        assert.equal(error.message, `Port ${port} auf 127.0.0.1 ist bereits belegt.`);
        return true;
      });
    } finally {
      await session.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  void it('refuses to start a removed demo in the translation', async () => {
    const session = new DemoSession(loadSandboxModule, 1);
    await session.stop();
    await assert.rejects(session.start(), { message: 'Die Demo-Organisation wurde entfernt.' });
  });
});
