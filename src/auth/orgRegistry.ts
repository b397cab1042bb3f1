import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { Disposable } from '../disposable';
import { normalizeEndpoint } from './endpoints';
import { ENVIRONMENT_PROFILE_ID, readEnvironmentProfile } from './environmentProfile';
import { type ClientSettings, type CloudClientFactory, OrgConnection } from './orgConnection';
import { type OrgProfile, type ProfileStore, profileIdFromSecretKey } from './orgProfile';

/** What changed in the registry; the explorer refreshes only what it must. */
export interface OrgRegistryChange {
  readonly added: readonly OrgConnection[];
  readonly removed: readonly OrgConnection[];
  /** Renamed or re-keyed: same connection object, new profile. */
  readonly updated: readonly OrgConnection[];
}

/** The fields of a new organization; the registry assigns the local ID. */
export type NewOrgProfile = Omit<OrgProfile, 'id'>;

/**
 * The organizations the user is connected to: the one from environment variables (if any) first,
 * then the stored ones in the order they were added. Owns every connection and its client.
 * Watches SecretStorage so that adding, re-keying or removing an organization in another window
 * shows up here too.
 */
export class OrgRegistry extends Disposable {
  private readonly connections = new Map<string, OrgConnection>();
  private readonly secretCache = new Map<string, Promise<string | undefined>>();
  private readonly changed = this.register(new vscode.EventEmitter<OrgRegistryChange>());
  private environmentSecret: string | undefined;
  private identifying: Promise<void> = Promise.resolve();

  /** Fires after organizations are added, removed, renamed or re-keyed. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly store: ProfileStore,
    secrets: vscode.SecretStorage,
    private readonly createClient: CloudClientFactory,
    private readonly settings: ClientSettings,
    env: Readonly<Record<string, string | undefined>>,
  ) {
    super();
    const fromEnv = readEnvironmentProfile(env);
    if (fromEnv) {
      this.environmentSecret = fromEnv.secret;
      const connection = this.connect(fromEnv.profile, 'environment');
      this.connections.set(fromEnv.profile.id, connection);
      this.identifying = this.identify(connection);
    }
    for (const profile of store.list()) {
      if (profile.id !== ENVIRONMENT_PROFILE_ID) this.connections.set(profile.id, this.connect(profile, 'storage'));
    }
    this.register(secrets.onDidChange((e) => {
      const id = profileIdFromSecretKey(e.key);
      if (id === undefined) return;
      this.secretCache.delete(id);
      this.reconcile();
    }));
  }

  /** Every connection, environment organization first. */
  list(): readonly OrgConnection[] {
    return [...this.connections.values()];
  }

  /** The connection with this local ID. */
  get(id: string): OrgConnection | undefined {
    return this.connections.get(id);
  }

  /**
   * Settles once the organization from environment variables has been asked for its name and ID
   * (or immediately when there is none). Never rejects: a key without the permission keeps the
   * placeholder name.
   */
  whenIdentified(): Promise<void> {
    return this.identifying;
  }

  /**
   * The organization already connected with this endpoint and API key, if any. Adding it again
   * would show the same resources twice and keep two copies of the secret.
   */
  findExisting(endpoint: string, apiKey: string): OrgConnection | undefined {
    const where = normalizeEndpoint(endpoint);
    const key = apiKey.trim();
    return this.list().find((c) => normalizeEndpoint(c.endpoint) === where && c.apiKey === key);
  }

  /** Stores a new organization (profile in globalState, secret in SecretStorage) and connects. */
  async add(profile: NewOrgProfile, secret: string): Promise<OrgConnection> {
    const full: OrgProfile = { ...profile, id: randomUUID() };
    // Registered before the write: SecretStorage reports our own change too, and the reconcile it
    // triggers must find this connection rather than create a second one.
    const connection = this.connect(full, 'storage');
    this.connections.set(full.id, connection);
    try {
      await this.store.save(full, secret);
    } catch (error) {
      this.drop(connection);
      throw error;
    }
    this.changed.fire({ added: [connection], removed: [], updated: [] });
    return connection;
  }

  /**
   * Shows the demo organization (replacing an earlier demo connection). Nothing is stored: the
   * profile lives in this registry only and the secret comes from `getSecret`, which belongs to the
   * embedded sandbox's session.
   */
  addDemo(profile: OrgProfile, getSecret: () => Promise<string | undefined>): OrgConnection {
    const previous = this.connections.get(profile.id);
    if (previous) this.drop(previous);
    const connection = new OrgConnection(profile, 'demo', getSecret, this.createClient, this.settings);
    this.connections.set(profile.id, connection);
    this.changed.fire({ added: [connection], removed: previous ? [previous] : [], updated: [] });
    return connection;
  }

  /** Takes the demo organization out of the explorer and closes its client. */
  removeDemo(connection: OrgConnection): void {
    if (connection.source !== 'demo' || this.connections.get(connection.id) !== connection) return;
    this.drop(connection);
    this.changed.fire({ added: [], removed: [connection], updated: [] });
  }

  /** Renames a stored organization. */
  async rename(connection: OrgConnection, label: string): Promise<void> {
    this.assertStored(connection);
    const profile: OrgProfile = { ...connection.profile, label };
    connection.updateProfile(profile);
    await this.store.save(profile);
    this.changed.fire({ added: [], removed: [], updated: [connection] });
  }

  /** Replaces the API key and secret of a stored organization. */
  async updateApiKey(connection: OrgConnection, apiKey: string, secret: string, orgId?: string): Promise<void> {
    this.assertStored(connection);
    const profile: OrgProfile = { ...connection.profile, apiKey, orgId: orgId ?? connection.orgId };
    this.secretCache.delete(connection.id);
    connection.updateProfile(profile);
    await this.store.save(profile, secret);
    this.changed.fire({ added: [], removed: [], updated: [connection] });
  }

  /** Forgets a stored organization, deletes its secret and closes its client. */
  async remove(connection: OrgConnection): Promise<void> {
    this.assertStored(connection);
    this.drop(connection);
    await this.store.remove(connection.id);
    this.changed.fire({ added: [], removed: [connection], updated: [] });
  }

  /**
   * Picks an organization for a command run from the palette: none → undefined, one → that one,
   * several → a quick pick. `storedOnly` leaves out the one from environment variables (which
   * cannot be renamed, re-keyed or removed).
   */
  async pick(options: { placeHolder?: string; storedOnly?: boolean } = {}): Promise<OrgConnection | undefined> {
    const placeHolder = options.placeHolder ?? vscode.l10n.t('Select an organization');
    const all = this.list().filter((c) => !options.storedOnly || c.source === 'storage');
    if (all.length <= 1) return all[0];
    const picked = await vscode.window.showQuickPick(
      all.map((connection) => ({
        label: connection.label,
        description: connection.orgId,
        detail: connection.source === 'environment'
          ? vscode.l10n.t({ message: '{0} (from environment variables)', args: [connection.endpoint], comment: ['{0} is an endpoint URL'] })
          : connection.source === 'demo'
            ? vscode.l10n.t({ message: '{0} (demo, runs inside VS Code)', args: [connection.endpoint], comment: ['{0} is an endpoint URL'] })
            : connection.endpoint,
        connection,
      })),
      { placeHolder, matchOnDescription: true },
    );
    return picked?.connection;
  }

  /**
   * Re-reads stored profiles and applies differences. Runs when another window changes a secret,
   * and on a full refresh (which also picks up renames made elsewhere).
   */
  reconcile(): void {
    const stored = new Map(this.store.list().map((p) => [p.id, p]));
    const added: OrgConnection[] = [];
    const removed: OrgConnection[] = [];
    const updated: OrgConnection[] = [];
    for (const connection of this.list()) {
      if (connection.source !== 'storage') continue;
      const profile = stored.get(connection.id);
      if (!profile) {
        this.drop(connection);
        removed.push(connection);
      } else if (profile.label !== connection.label || profile.apiKey !== connection.apiKey || profile.orgId !== connection.orgId) {
        connection.updateProfile(profile);
        updated.push(connection);
      }
    }
    for (const profile of stored.values()) {
      if (profile.id === ENVIRONMENT_PROFILE_ID || this.connections.has(profile.id)) continue;
      const connection = this.connect(profile, 'storage');
      this.connections.set(profile.id, connection);
      added.push(connection);
    }
    if (added.length || removed.length || updated.length) this.changed.fire({ added, removed, updated });
    // A failed first attempt (sandbox not yet up, network down) is retried on every full refresh.
    const fromEnv = this.connections.get(ENVIRONMENT_PROFILE_ID);
    if (fromEnv?.source === 'environment' && fromEnv.orgId === undefined) this.identifying = this.identify(fromEnv);
  }

  override dispose(): void {
    for (const connection of this.connections.values()) connection.dispose();
    this.connections.clear();
    super.dispose();
  }

  /**
   * Reads the name and ID of the organization from environment variables (`GET
   * /org/v2/organizations`, as the Add Organization key check does), so it is shown like a stored
   * one and Copy ID works. Nothing is stored. Failures keep the placeholder; they are not worth
   * a notification because the tree shows its own errors once a folder is opened.
   */
  private async identify(connection: OrgConnection): Promise<void> {
    try {
      const page = await connection.client.organizations.listPage({ pageSize: 10 });
      const org = page.items[0];
      if (!org || !this.connections.has(connection.id)) return;
      connection.updateProfile({ ...connection.profile, label: org.display_name || connection.label, orgId: org.id });
      this.changed.fire({ added: [], removed: [], updated: [connection] });
    } catch {
      // 403 (no permission to read the organization), network trouble or a disposed client.
    }
  }

  private connect(profile: OrgProfile, source: OrgConnection['source']): OrgConnection {
    const getSecret = source === 'environment'
      ? async () => this.environmentSecret
      : () => this.cachedSecret(profile.id);
    return new OrgConnection(profile, source, getSecret, this.createClient, this.settings);
  }

  // One SecretStorage read per profile until it changes: every request asks for credentials.
  private cachedSecret(profileId: string): Promise<string | undefined> {
    let secret = this.secretCache.get(profileId);
    if (!secret) {
      secret = Promise.resolve(this.store.secret(profileId));
      this.secretCache.set(profileId, secret);
    }
    return secret;
  }

  private drop(connection: OrgConnection): void {
    this.connections.delete(connection.id);
    this.secretCache.delete(connection.id);
    connection.dispose();
  }

  private assertStored(connection: OrgConnection): void {
    if (connection.source === 'demo') {
      throw new Error(vscode.l10n.t('The demo organization is not stored; use Reset Demo Organization or Remove Demo Organization instead.'));
    }
    if (connection.source === 'environment') {
      throw new Error(vscode.l10n.t('This organization comes from environment variables; change CONFLUENT_CLOUD_API_KEY and CONFLUENT_CLOUD_API_SECRET instead.'));
    }
  }
}
