/**
 * The cancellation of one paged folder's requests. Every request of the folder carries this
 * signal, so nothing keeps paging for a folder nobody looks at any more: a refresh or collapse
 * aborts what runs and starts a new lifetime for later loads; leaving the tree ends it for good.
 */
export class FolderLifetime {
  private controller = new AbortController();

  /** Aborts on the next {@link cancel} or {@link end}. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Stops every load of the current lifetime; later loads get a fresh signal. */
  cancel(): void {
    this.controller.abort();
    this.controller = new AbortController();
  }

  /** Stops every load for good (the folder left the tree). */
  end(): void {
    this.controller.abort();
  }

  /**
   * The signal of one load: this lifetime as it is now (a later cancel aborts it although a new
   * lifetime starts) joined with the caller's own.
   */
  forLoad(callerSignal?: AbortSignal): AbortSignal {
    return callerSignal ? AbortSignal.any([this.controller.signal, callerSignal]) : this.controller.signal;
  }
}
