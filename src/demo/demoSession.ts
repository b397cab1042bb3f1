/**
 * One run of the embedded sandbox behind the demo organization. Host-free (no vscode) so its
 * promises (random per-session credentials, lazy start, a freed port after stop) are unit tested
 * in plain Node against the real sandbox.
 */
import * as l10n from '@vscode/l10n';
import { randomBytes, randomInt } from 'node:crypto';
import type { Sandbox } from '../../sandbox/embedded';
import type { SandboxModule } from './sandboxModule';

/** Below Linux's ephemeral range (32768+), so an outgoing connection never holds the port. */
const PORT_RANGE = [20_000, 32_768] as const;
const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** A Cloud API key ID lookalike (16 upper-case characters), random per session. */
export function randomDemoKey(): string {
  const bytes = randomBytes(12);
  let suffix = '';
  for (const byte of bytes) suffix += KEY_ALPHABET[byte % KEY_ALPHABET.length];
  return `DEMO${suffix}`;
}

/** A port the demo tries first; it is only bound when the demo starts. */
export function randomDemoPort(): number {
  return randomInt(PORT_RANGE[0], PORT_RANGE[1]);
}

/** Raised when another program took the port before the demo could bind it. */
export class DemoPortInUse extends Error {
  constructor(readonly port: number) {
    super(l10n.t('Port {0} on 127.0.0.1 is already in use.', port));
  }
}

/**
 * The demo's server and credentials. The key and secret are made here from the OS random source
 * and exist only in this object (and the in-memory sandbox); nothing is written anywhere. The
 * sandbox module is loaded and the server started on the first {@link start}, not before.
 */
export class DemoSession {
  readonly apiKey = randomDemoKey();
  private readonly apiSecret = randomBytes(32).toString('base64url');
  private starting: Promise<Sandbox> | undefined;
  private server: Sandbox | undefined;
  private stopped = false;

  constructor(
    private readonly load: () => SandboxModule,
    /** The port the endpoint names; bound on start. */
    readonly port: number = randomDemoPort(),
  ) {}

  /** Control plane and Metrics API of the demo (one origin, like the sandbox CLI). */
  get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** True while the server listens. */
  get running(): boolean {
    return this.server !== undefined;
  }

  /** Starts the server once; later calls share the first start. Rejects after {@link stop}. */
  start(): Promise<Sandbox> {
    if (this.stopped) return Promise.reject(new Error(l10n.t('The demo organization was removed.')));
    this.starting ??= this.listen();
    return this.starting;
  }

  /** The secret, once the server that accepts it is listening (so no request goes out before). */
  async secret(): Promise<string> {
    await this.start();
    return this.apiSecret;
  }

  /** State back to the seed. A server that never started has nothing to reset. */
  reset(): void {
    this.server?.reset();
  }

  /** Closes the server and frees the port; the session cannot start again. */
  async stop(): Promise<void> {
    this.stopped = true;
    const starting = this.starting;
    this.starting = undefined;
    this.server = undefined;
    const server = await starting?.catch(() => undefined);
    await server?.close();
  }

  private async listen(): Promise<Sandbox> {
    const { startSandbox } = this.load();
    let server: Sandbox;
    try {
      server = await startSandbox({ port: this.port, apiKey: this.apiKey, apiSecret: this.apiSecret, embedded: true });
    } catch (error) {
      this.starting = undefined;
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new DemoPortInUse(this.port);
      throw error;
    }
    if (this.stopped) {
      // Removed while starting: never leave a listener behind.
      await server.close();
      throw new Error(l10n.t('The demo organization was removed.'));
    }
    this.server = server;
    return server;
  }
}
