import type { AccessScope } from './accessFolderNode';
import type { ApiKeyScope } from './apiKeysFolderNode';
import { KeyHolderNode } from './keyHolderNode';

/**
 * A principal that holds keys and roles: a service account or a user. Its API keys are the ones
 * it owns (`spec.owner`), its Access folder the bindings of `User:<id>` across the organization.
 */
export abstract class PrincipalNode<T extends { id: string; metadata?: { resource_name?: string | null } | null }> extends KeyHolderNode<T> {
  protected keyScope(): ApiKeyScope {
    return { owner: this.resource.id };
  }

  protected accessScope(): AccessScope {
    return { principal: `User:${this.resource.id}` };
  }
}
