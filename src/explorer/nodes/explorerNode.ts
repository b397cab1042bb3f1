import type * as vscode from 'vscode';
import type { OrgConnection } from '../../auth/orgConnection';
import type { ResourceKind } from '../resourceIds';

/** Every kind of node in the explorer; `contextValue` starts with it. */
export type NodeKind =
  | 'organization'
  | 'environmentsFolder' | 'kafkaClustersFolder' | 'serviceAccountsFolder' | 'usersFolder' | 'apiKeysFolder' | 'accessFolder'
  | ResourceKind
  | 'loadMore' | 'error' | 'empty';

/**
 * What nodes need from the tree that holds them. Passed down instead of reaching for a global,
 * so a node can be built and tested without a registered view.
 */
export interface TreeContext {
  /** Page size for list requests, from `confluentCloud.pageSize` (1..100). */
  pageSize(): number;
  /** Most items any folder reads, from `confluentCloud.loadAllLimit`. */
  loadAllLimit(): number;
  /** Tells the view that these nodes (or the roots, for undefined) changed. */
  changed(nodes: ExplorerNode | readonly ExplorerNode[] | undefined): void;
}

/**
 * Base of every node. A node is long-lived: folders keep their loaded pages on the node, and the
 * same instance is returned until a refresh, so `getParent` and `reveal` stay consistent.
 */
export abstract class ExplorerNode {
  abstract readonly kind: NodeKind;
  /** Unique within the view and stable across refreshes (organization + path of resource IDs). */
  abstract readonly id: string;

  constructor(
    readonly connection: OrgConnection,
    readonly parent: ExplorerNode | undefined,
  ) {}

  /** Builds the item shown for this node; called again whenever the node is reported changed. */
  abstract getTreeItem(): vscode.TreeItem;

  /** Children of the node; folders fetch their first page here, on first expansion only. */
  getChildren(): ExplorerNode[] | Promise<ExplorerNode[]> {
    return [];
  }

  /** Children that already exist, without fetching anything; used to apply updates in place. */
  loadedChildren(): readonly ExplorerNode[] {
    return [];
  }

  /** Extra `.`-separated contextValue parts, e.g. `filtered`; see {@link ExplorerNode.contextValue}. */
  protected contextModifiers(): readonly string[] {
    return [];
  }

  /**
   * `kind` plus modifiers (`serviceAccountsFolder.filtered`, `serviceAccount.console`), so menus can
   * match precisely with `viewItem == serviceAccount` or loosely with `viewItem =~ /^serviceAccount\b/`.
   */
  get contextValue(): string {
    return [this.kind, ...this.contextModifiers()].join('.');
  }
}

/** Nodes that stand for a Confluent Cloud resource (environment, cluster, account, user, key). */
export abstract class ResourceNode<T extends { id: string; metadata?: { resource_name?: string | null } | null }> extends ExplorerNode {
  abstract override readonly kind: ResourceKind;
  private current: T;

  constructor(connection: OrgConnection, parent: ExplorerNode, resource: T) {
    super(connection, parent);
    this.current = resource;
  }

  override get id(): string {
    return `${this.parent?.id ?? this.connection.id}/${this.current.id}`;
  }

  /** The resource as last loaded or updated. */
  get resource(): T {
    return this.current;
  }

  /** The resource ID (for API keys, the key string). */
  get resourceId(): string {
    return this.current.id;
  }

  /** `metadata.resource_name` exactly as the API returned it. */
  get crn(): string | undefined {
    return this.current.metadata?.resource_name ?? undefined;
  }

  /** Replaces the resource after an update; the caller reports the change to the view. */
  update(resource: T): void {
    this.current = resource;
  }

  /** The resource as JSON for "Copy as JSON"; subclasses strip anything secret. */
  toJson(): unknown {
    return this.current;
  }

  protected override contextModifiers(): readonly string[] {
    return this.connection.isConfluentCloud ? ['console'] : [];
  }
}
