import * as vscode from 'vscode';
import type { OrgConnection } from '../auth/orgConnection';
import type { OrgRegistry } from '../auth/orgRegistry';
import type { ApiKeysApi } from '../cloud/api/apiKeys';
import { Disposable } from '../disposable';
import { DemoPortInUse, DemoSession } from './demoSession';
import type { SandboxModule } from './sandboxModule';

/** Local ID of the demo organization's connection (and the prefix of its tree node IDs). */
export const DEMO_CONNECTION_ID = 'demo';
/**
 * globalState key, true while the user keeps the demo organization. Only this flag is remembered:
 * a reload builds a new session with new credentials and the seed data.
 */
export const DEMO_FLAG_KEY = 'confluentCloud.demoOrganization';
/** Context key, true while the demo is shown; the palette offers Reset and Remove only then. */
export const DEMO_CONTEXT_KEY = 'confluentCloud.demoOrganization';

/** How many random ports Try attempts before giving up (each collision is very unlikely). */
const START_ATTEMPTS = 5;

export interface DemoOrganizationDeps {
  readonly log: vscode.LogOutputChannel;
  readonly registry: OrgRegistry;
  /** The extension's globalState; gets the flag, never a credential. */
  readonly state: vscode.Memento;
  /** Loads the embedded sandbox (dist/sandbox.js); called when the server first starts. */
  readonly loadSandbox: () => SandboxModule;
}

/**
 * The demo organization: the sandbox running inside the extension host, shown as one more
 * organization. Try starts it at once; a window that had it before shows it again at activation
 * but starts the server only when the first request needs the secret.
 */
export class DemoOrganization extends Disposable {
  private session: DemoSession | undefined;
  private current: OrgConnection | undefined;
  /** API keys created in this session's demo, so the secret view can say they are demo keys. */
  private readonly createdKeys = new Set<string>();

  constructor(private readonly deps: DemoOrganizationDeps) {
    super();
    this.register({ dispose: () => void this.session?.stop() });
  }

  /** The demo's connection while it is in the explorer. */
  get connection(): OrgConnection | undefined {
    return this.current;
  }

  /** The port the demo listens on (or will, once started); undefined when it is not shown. */
  get port(): number | undefined {
    return this.current ? this.session?.port : undefined;
  }

  /** True while the embedded server listens. */
  get running(): boolean {
    return this.session?.running ?? false;
  }

  /** At activation: shows the demo again if the user had it. Loads and starts nothing. */
  restore(): void {
    if (this.deps.state.get<boolean>(DEMO_FLAG_KEY) === true && !this.current) this.show(new DemoSession(this.deps.loadSandbox));
  }

  /** Starts the demo (or the existing one's server) and shows it; remembers that the user has it. */
  async open(): Promise<OrgConnection> {
    if (this.current && this.session) {
      try {
        await this.session.start();
        return this.current;
      } catch (error) {
        if (!(error instanceof DemoPortInUse)) this.startFailed(error);
        // A restored demo whose port was taken meanwhile: move it, as a fresh Try would.
        return this.show(await this.startFresh());
      }
    }
    const session = await this.startFresh().catch((error: unknown) => this.startFailed(error));
    const connection = this.show(session);
    await this.deps.state.update(DEMO_FLAG_KEY, true);
    this.deps.log.info(`Started the demo organization on ${session.endpoint}`);
    return connection;
  }

  /** Puts the demo's data back to the seed. False when there is no demo to reset. */
  async reset(): Promise<boolean> {
    if (!this.session) return false;
    await this.session.start();
    this.session.reset();
    this.createdKeys.clear();
    this.deps.log.info('Reset the demo organization to its starting data');
    return true;
  }

  /** Stops the server (freeing its port), removes the demo and forgets that the user had it. */
  async remove(): Promise<boolean> {
    const { current, session } = this;
    if (!current || !session) return false;
    this.current = undefined;
    this.session = undefined;
    this.createdKeys.clear();
    this.deps.registry.removeDemo(current);
    publishContext(false);
    await session.stop();
    await this.deps.state.update(DEMO_FLAG_KEY, undefined);
    this.deps.log.info('Removed the demo organization and stopped its server');
    return true;
  }

  /** True for a key created in the demo organization this session (the secret view marks it). */
  isDemoKey(apiKey: string): boolean {
    return this.createdKeys.has(apiKey);
  }

  private async startFresh(): Promise<DemoSession> {
    for (let attempt = 1; ; attempt++) {
      const session = new DemoSession(this.deps.loadSandbox);
      try {
        await session.start();
        return session;
      } catch (error) {
        if (!(error instanceof DemoPortInUse) || attempt >= START_ATTEMPTS) throw error;
        this.deps.log.info(`Port ${error.port} on 127.0.0.1 is already in use. Trying another port for the demo organization.`);
      }
    }
  }

  private show(session: DemoSession): OrgConnection {
    const previous = this.session;
    this.session = session;
    // A session replaced because its port was taken never listened, but must not start later.
    if (previous && previous !== session) void previous.stop();
    const connection = this.deps.registry.addDemo({
      id: DEMO_CONNECTION_ID,
      // Read when the demo is shown, so it is in the display language.
      label: vscode.l10n.t('Demo organization'),
      endpoint: session.endpoint,
      metricsEndpoint: session.endpoint,
      apiKey: session.apiKey,
    }, () => this.secretFor(session));
    rememberCreatedKeys(connection.client.apiKeys, this.createdKeys);
    this.current = connection;
    publishContext(true);
    return connection;
  }

  /**
   * The credentials callback of the demo's client: the first request of a restored demo starts
   * the server here, so nothing is sent before it listens. If another program took the port in
   * the meantime, the demo moves to a new one (the explorer shows the new connection).
   */
  private async secretFor(session: DemoSession): Promise<string> {
    try {
      return await session.secret();
    } catch (error) {
      if (error instanceof DemoPortInUse && this.session === session) {
        this.deps.log.info(`Port ${error.port} on 127.0.0.1 is already in use. Moving the demo organization to another port.`);
        this.show(new DemoSession(this.deps.loadSandbox));
      } else if (this.session === session) {
        this.startFailed(error);
      }
      throw error;
    }
  }

  private startFailed(error: unknown): never {
    const reason = error instanceof Error ? error.message : String(error);
    this.deps.log.error(`Couldn't start the demo organization: ${reason}`);
    throw new Error(vscode.l10n.t({ message: "Couldn't start the demo organization: {0}", args: [reason], comment: ['{0} says why'] }));
  }
}

function publishContext(shown: boolean): void {
  void vscode.commands.executeCommand('setContext', DEMO_CONTEXT_KEY, shown);
}

/** Wraps `create` so every key made through the demo's client is remembered by ID. */
function rememberCreatedKeys(api: ApiKeysApi, created: Set<string>): void {
  const create = api.create.bind(api);
  api.create = async (...args: Parameters<ApiKeysApi['create']>) => {
    const key = await create(...args);
    created.add(key.id);
    return key;
  };
}
