/** Anything with a `dispose()`; `vscode.Disposable` fits, so this file needs no vscode import. */
export interface DisposableLike {
  dispose(): unknown;
}

/**
 * Base for objects that own listeners and child objects. `register` keeps them for `dispose`;
 * something registered after `dispose` (a late async arrival) is disposed at once instead of
 * leaking. Disposing twice is harmless, and one child that throws does not keep the others alive.
 */
export class Disposable implements DisposableLike {
  private readonly owned: DisposableLike[] = [];
  private disposedFlag = false;

  /** True once `dispose` ran. */
  protected get isDisposed(): boolean {
    return this.disposedFlag;
  }

  /** Keeps `item` until this object is disposed (or disposes it now if that already happened). */
  register<T extends DisposableLike>(item: T): T {
    if (this.disposedFlag) safeDispose(item);
    else this.owned.push(item);
    return item;
  }

  dispose(): void {
    if (this.disposedFlag) return;
    this.disposedFlag = true;
    // Newest first, like a stack: later registrations may depend on earlier ones.
    for (const item of this.owned.splice(0).reverse()) safeDispose(item);
  }
}

function safeDispose(item: DisposableLike): void {
  try {
    item.dispose();
  } catch {
    // One failing child must not keep the rest alive.
  }
}
