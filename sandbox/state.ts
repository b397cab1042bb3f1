// In-memory organization state. Maps keep insertion order and every record carries a monotonically
// increasing `seq`, so lists are stable and page tokens can say "after seq N" even while records are
// created and deleted between pages.

import { environmentCrn } from './crn';
import { createRng, randomString, LOWER_ALNUM, UPPER_ALNUM, type Rng } from './random';

export interface Stamped {
  seq: number;
  createdAt: string;
  updatedAt: string;
}

export interface Organization extends Stamped { id: string; displayName: string; jitEnabled: boolean }
export interface Environment extends Stamped { id: string; displayName: string; streamGovernance?: string }
export type ClusterKind = 'Basic' | 'Standard' | 'Dedicated' | 'Enterprise';
export interface Cluster extends Stamped {
  id: string;
  environmentId: string;
  displayName: string;
  availability: 'SINGLE_ZONE' | 'MULTI_ZONE';
  cloud: 'AWS' | 'GCP' | 'AZURE';
  region: string;
  kind: ClusterKind;
  cku?: number;
  phase: 'PROVISIONED' | 'PROVISIONING';
  endpointId: string;
}
export interface ServiceAccount extends Stamped { id: string; displayName: string; description: string }
export type AuthType = 'AUTH_TYPE_LOCAL' | 'AUTH_TYPE_SSO';
export interface User extends Stamped { id: string; email: string; fullName: string; authType: AuthType }
export interface Invitation extends Stamped {
  id: string;
  email: string;
  authType: AuthType;
  status: string;
  expiresAt: string;
  userId: string;
  creatorId: string;
}
export interface ApiKey extends Stamped {
  id: string;
  ownerId: string;
  resourceId: string | null;
  displayName: string;
  description: string;
  /** Kept only for keys created through the API, so new Cloud keys can authenticate. */
  secret?: string;
}
export interface RoleBinding extends Stamped { id: string; principal: string; roleName: string; crnPattern: string }

export class Store {
  readonly organizations = new Map<string, Organization>();
  readonly environments = new Map<string, Environment>();
  readonly clusters = new Map<string, Cluster>();
  readonly serviceAccounts = new Map<string, ServiceAccount>();
  readonly users = new Map<string, User>();
  readonly invitations = new Map<string, Invitation>();
  readonly apiKeys = new Map<string, ApiKey>();
  readonly roleBindings = new Map<string, RoleBinding>();
  /** Identity pools (`pool-…`) and groups (`group-…`) have no API here; bindings may name these. */
  readonly identityPools = new Set<string>();
  readonly groups = new Set<string>();
  private seq = 0;
  /** Separate stream for ids minted after seeding, so runtime creates are reproducible too. */
  private readonly idRng: Rng;

  constructor(readonly orgId: string, seed: number) {
    this.idRng = createRng(seed ^ 0x5eed1d5);
  }

  nextSeq(): number {
    return ++this.seq;
  }

  get organization(): Organization {
    const org = this.organizations.get(this.orgId);
    if (!org) throw new Error('organization missing from store');
    return org;
  }

  newId(prefix: string, taken: ReadonlyMap<string, unknown>, length = 7): string {
    for (;;) {
      const id = `${prefix}${randomString(this.idRng, LOWER_ALNUM, length)}`;
      if (!taken.has(id)) return id;
    }
  }

  newApiKeyId(): string {
    for (;;) {
      const id = randomString(this.idRng, UPPER_ALNUM, 16);
      if (!this.apiKeys.has(id)) return id;
    }
  }

  ownerExists(id: string): boolean {
    return this.serviceAccounts.has(id) || this.users.has(id);
  }

  deleteServiceAccount(id: string): void {
    this.serviceAccounts.delete(id);
    this.deleteKeysWhere((key) => key.ownerId === id);
    this.deleteBindingsWhere((rb) => rb.principal === `User:${id}`);
  }

  deleteUser(id: string): void {
    this.users.delete(id);
    this.deleteKeysWhere((key) => key.ownerId === id);
    this.deleteBindingsWhere((rb) => rb.principal === `User:${id}`);
  }

  /** Deleting an environment removes everything inside it, and keys scoped to those clusters. */
  deleteEnvironment(id: string): void {
    this.environments.delete(id);
    const gone = new Set<string>();
    for (const cluster of this.clusters.values()) if (cluster.environmentId === id) gone.add(cluster.id);
    for (const clusterId of gone) this.clusters.delete(clusterId);
    this.deleteKeysWhere((key) => key.resourceId !== null && gone.has(key.resourceId));
    // Bindings on the environment and on anything inside it (clusters, topics, subjects).
    const scope = environmentCrn(this.orgId, id);
    this.deleteBindingsWhere((rb) => rb.crnPattern === scope || rb.crnPattern.startsWith(`${scope}/`));
  }

  private deleteBindingsWhere(predicate: (rb: RoleBinding) => boolean): void {
    for (const rb of [...this.roleBindings.values()]) if (predicate(rb)) this.roleBindings.delete(rb.id);
  }

  private deleteKeysWhere(predicate: (key: ApiKey) => boolean): void {
    for (const key of [...this.apiKeys.values()]) if (predicate(key)) this.apiKeys.delete(key.id);
  }
}

export function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
