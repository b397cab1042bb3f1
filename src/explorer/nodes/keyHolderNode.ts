import type { OrgConnection } from '../../auth/orgConnection';
import { AccessFolderNode, type AccessScope, accessNamesOf } from './accessFolderNode';
import { type ApiKeyScope, ApiKeysFolderNode } from './apiKeysFolderNode';
import { type ExplorerNode, ResourceNode, type TreeContext } from './explorerNode';

/**
 * A resource with an "API keys" folder and an "Access" folder: service accounts and users (keys
 * they own, bindings they hold) and Kafka clusters (keys scoped to them, who holds which role
 * there). The folders are created on first expansion and kept, so their loaded pages survive
 * collapsing.
 */
export abstract class KeyHolderNode<T extends { id: string; metadata?: { resource_name?: string | null } | null }> extends ResourceNode<T> {
  private keysFolder: ApiKeysFolderNode | undefined;
  private accessFolder: AccessFolderNode | undefined;

  constructor(connection: OrgConnection, parent: ExplorerNode, resource: T, protected readonly tree: TreeContext) {
    super(connection, parent, resource);
  }

  /** Which keys the folder lists: by `spec.owner` or by `spec.resource`. */
  protected abstract keyScope(): ApiKeyScope;
  /** Which role bindings the Access folder lists: the principal's, or the cluster's. */
  protected abstract accessScope(): AccessScope;

  /** The "API keys" folder below this resource. */
  get apiKeys(): ApiKeysFolderNode {
    this.keysFolder ??= new ApiKeysFolderNode(this.connection, this, this.keyScope(), this.tree);
    return this.keysFolder;
  }

  /** The "Access" folder below this resource. */
  get access(): AccessFolderNode {
    this.accessFolder ??= new AccessFolderNode(this.connection, this, this.accessScope(), accessNamesOf(this), this.tree);
    return this.accessFolder;
  }

  override getChildren(): ExplorerNode[] {
    return [this.apiKeys, this.access];
  }

  override loadedChildren(): readonly ExplorerNode[] {
    return [this.keysFolder, this.accessFolder].filter((f): f is ApiKeysFolderNode | AccessFolderNode => f !== undefined);
  }
}
