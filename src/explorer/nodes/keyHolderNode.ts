import type { OrgConnection } from '../../auth/orgConnection';
import { type ApiKeyScope, ApiKeysFolderNode } from './apiKeysFolderNode';
import { type ExplorerNode, ResourceNode, type TreeContext } from './explorerNode';

/**
 * A resource whose only child is an "API keys" folder: service accounts and users (keys they own)
 * and Kafka clusters (keys scoped to them). The folder is created on first expansion and kept, so
 * its loaded pages survive collapsing.
 */
export abstract class KeyHolderNode<T extends { id: string; metadata?: { resource_name?: string | null } | null }> extends ResourceNode<T> {
  private keysFolder: ApiKeysFolderNode | undefined;

  constructor(connection: OrgConnection, parent: ExplorerNode, resource: T, protected readonly tree: TreeContext) {
    super(connection, parent, resource);
  }

  /** Which keys the folder lists: by `spec.owner` or by `spec.resource`. */
  protected abstract keyScope(): ApiKeyScope;

  /** The "API keys" folder below this resource. */
  get apiKeys(): ApiKeysFolderNode {
    this.keysFolder ??= new ApiKeysFolderNode(this.connection, this, this.keyScope(), this.tree);
    return this.keysFolder;
  }

  override getChildren(): ExplorerNode[] {
    return [this.apiKeys];
  }

  override loadedChildren(): readonly ExplorerNode[] {
    return this.keysFolder ? [this.keysFolder] : [];
  }
}
