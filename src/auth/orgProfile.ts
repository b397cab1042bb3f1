import type * as vscode from 'vscode';

/**
 * What is remembered about an organization outside SecretStorage. The API secret is deliberately
 * not part of this type so it cannot end up in globalState by accident.
 */
export interface OrgProfile {
  /** Stable local ID (not the Confluent organization ID); keys the secret and the tree nodes. */
  readonly id: string;
  readonly label: string;
  /** Confluent organization ID (UUID), read from the API when the key was validated. */
  readonly orgId?: string | undefined;
  readonly endpoint: string;
  readonly metricsEndpoint: string;
  /** The Cloud API key ID (the Basic auth username); not a secret. */
  readonly apiKey: string;
}

const PROFILES_KEY = 'confluentCloud.organizations';
const SECRET_PREFIX = 'confluentCloud.apiSecret.';

/** The SecretStorage key holding the API secret of a profile. */
export function secretKeyFor(profileId: string): string {
  return `${SECRET_PREFIX}${profileId}`;
}

/** The profile ID a SecretStorage key belongs to, or undefined for other keys. */
export function profileIdFromSecretKey(key: string): string | undefined {
  return key.startsWith(SECRET_PREFIX) ? key.slice(SECRET_PREFIX.length) : undefined;
}

/**
 * Profiles in globalState and secrets in SecretStorage, behind one small interface. Writes go
 * profile first, then secret (and the reverse on removal), so another window reacting to the
 * secret change always finds a consistent profile list.
 */
export class ProfileStore {
  constructor(
    private readonly state: vscode.Memento,
    private readonly secrets: vscode.SecretStorage,
  ) {}

  /** All stored profiles, in the order they were added. Malformed entries are skipped. */
  list(): OrgProfile[] {
    const raw = this.state.get<unknown>(PROFILES_KEY);
    if (!Array.isArray(raw)) return [];
    return raw.filter(isProfile);
  }

  /** Adds or replaces a profile and stores its secret. */
  async save(profile: OrgProfile, secret?: string): Promise<void> {
    const others = this.list().filter((p) => p.id !== profile.id);
    const existing = this.list().findIndex((p) => p.id === profile.id);
    const next = [...others];
    next.splice(existing < 0 ? next.length : existing, 0, toPlain(profile));
    await this.state.update(PROFILES_KEY, next);
    if (secret !== undefined) await this.secrets.store(secretKeyFor(profile.id), secret);
  }

  /** Removes a profile and deletes its secret. */
  async remove(profileId: string): Promise<void> {
    await this.state.update(PROFILES_KEY, this.list().filter((p) => p.id !== profileId).map(toPlain));
    await this.secrets.delete(secretKeyFor(profileId));
  }

  /** Reads the API secret of a profile. */
  async secret(profileId: string): Promise<string | undefined> {
    return this.secrets.get(secretKeyFor(profileId));
  }
}

function toPlain(p: OrgProfile): OrgProfile {
  // Spell out the fields so nothing else that happens to be on the object is persisted.
  return { id: p.id, label: p.label, orgId: p.orgId, endpoint: p.endpoint, metricsEndpoint: p.metricsEndpoint, apiKey: p.apiKey };
}

function isProfile(value: unknown): value is OrgProfile {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'string' && typeof v.label === 'string' && typeof v.endpoint === 'string'
    && typeof v.metricsEndpoint === 'string' && typeof v.apiKey === 'string'
    && (v.orgId === undefined || v.orgId === null || typeof v.orgId === 'string');
}
