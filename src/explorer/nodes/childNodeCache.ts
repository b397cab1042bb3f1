import type { PageBuffer } from '../pageBuffer';

/** A node that shows one item and can be handed a newer copy of it. */
export interface ItemNode<T> {
  update(item: T): void;
}

/** Builds the node of an item (a method, so a cache of a narrower item type still fits a wider one). */
export interface ItemNodeFactory<T, N> {
  create(item: T): N;
}

/**
 * The nodes of one folder's loaded items, kept in step with its pages: one node per item ID,
 * built when first shown and reused after, so a row keeps its identity (and its expansion) across
 * redraws. In-place updates (a resource created, changed or deleted elsewhere) change the pages
 * and the nodes together. No vscode import.
 */
export class ChildNodeCache<T extends { readonly id: string }, N extends ItemNode<T>> {
  private readonly nodes = new Map<string, N>();

  constructor(private readonly buffer: PageBuffer<T>, private readonly factory: ItemNodeFactory<T, N>) {}

  /** The node of an item if it was built. */
  find(id: string): N | undefined {
    return this.nodes.get(id);
  }

  /** Every node built so far, without building any. */
  all(): N[] {
    return [...this.nodes.values()];
  }

  /** The item's node, built on first use. */
  nodeFor(item: T): N {
    let node = this.nodes.get(item.id);
    if (!node) {
      node = this.factory.create(item);
      this.nodes.set(item.id, node);
    }
    return node;
  }

  /**
   * Makes an item fetched elsewhere (Go to ID) part of the folder: replaces its loaded copy, or
   * pins it when the pages do not hold it (`pinned`: the folder's rows changed).
   */
  ensure(item: T): { node: N; pinned: boolean } {
    const pinned = this.buffer.find(item.id) === undefined;
    if (pinned) this.buffer.pin(item);
    else this.buffer.replace(item);
    const node = this.nodeFor(item);
    node.update(item);
    return { node, pinned };
  }

  /** Adds a created item after the loaded ones (or replaces it, if it is already here). */
  insert(item: T): void {
    this.buffer.insert(item);
    this.nodes.get(item.id)?.update(item);
  }

  /** Replaces a loaded or pinned item; returns its node, or undefined when it is not here. */
  replace(item: T): N | undefined {
    if (!this.buffer.replace(item)) return undefined;
    const node = this.nodeFor(item);
    node.update(item);
    return node;
  }

  /** Removes matching items and their nodes; returns how many went. */
  removeWhere(predicate: (item: T) => boolean): number {
    const removed = this.buffer.removeWhere(predicate);
    for (const item of removed) this.nodes.delete(item.id);
    return removed.length;
  }

  /** Forgets every node (the pages were dropped). */
  clear(): void {
    this.nodes.clear();
  }
}
