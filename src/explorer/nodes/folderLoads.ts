import { isCancelled } from '../../cloud/errors';
import { FolderLifetime } from './folderLifetime';

/** Which load ran: the first page (its failure replaces the rows) or a later one (shown after them). */
export type LoadStage = 'first' | 'more';

/** What the runner needs from its folder. */
export interface LoadHost {
  /** True once the first page arrived. */
  started(): boolean;
  /** Redraws the folder's row and children. */
  changed(): void;
}

/**
 * Runs one paged folder's loads, one at a time: marks the folder busy, keeps the last failure
 * of each stage for the error row, and drops what arrives for a generation a refresh has left
 * behind. Every load gets one signal for all its requests: the folder's lifetime joined with the
 * caller's. No vscode import.
 */
export class FolderLoads {
  private firstFailure: unknown;
  private moreFailure: unknown;
  private inflight: Promise<void> | undefined;
  // Bumped by reset and dispose: a response that arrives for an older generation is dropped.
  private current = 0;
  // Aborted by reset, cancel and dispose (see FolderLifetime).
  private readonly lifetime = new FolderLifetime();

  constructor(private readonly host: LoadHost) {}

  /** The load that runs now, if any. */
  get running(): Promise<void> | undefined {
    return this.inflight;
  }
  /** Why the first page failed, if it did. */
  get firstError(): unknown {
    return this.firstFailure;
  }
  /** Why a later page failed, if one did. */
  get moreError(): unknown {
    return this.moreFailure;
  }
  /** Taken before a request; pass it to {@link isCurrent} when the response is in. */
  get generation(): number {
    return this.current;
  }
  /** Aborts when the folder is refreshed, collapsed or disposed. */
  get signal(): AbortSignal {
    return this.lifetime.signal;
  }

  isCurrent(generation: number): boolean {
    return generation === this.current;
  }

  /** Waits for the running load, if any, whatever its outcome. */
  async settled(): Promise<void> {
    await this.inflight?.catch(() => undefined);
  }

  /**
   * Runs a load; a failure becomes an error row, not a notification. A failed `more` load also
   * rejects, so a command can report it once; a cancel never does.
   */
  run(load: (signal: AbortSignal) => Promise<void>, stage: LoadStage, callerSignal?: AbortSignal): Promise<void> {
    const generation = this.current;
    const signal = this.lifetime.forLoad(callerSignal);
    const holder: { promise?: Promise<void> } = {};
    const promise = (async () => {
      if (stage === 'first') this.firstFailure = undefined;
      else this.moreFailure = undefined;
      try {
        await load(signal);
      } catch (error) {
        if (this.isCurrent(generation) && !isCancelled(error)) {
          if (!this.host.started()) this.firstFailure = error;
          else this.moreFailure = error;
        }
        // A cancel (refresh, collapse, the progress's Cancel) is not a failure to report.
        if (stage === 'more' && !isCancelled(error)) throw error;
      } finally {
        if (this.inflight === holder.promise) this.inflight = undefined;
        // Also after the first page: the view built this folder's row ("Service accounts",
        // no count) before the page arrived, and its description should now say "50 of 1,500".
        if (this.isCurrent(generation)) this.host.changed();
      }
    })();
    holder.promise = promise;
    this.inflight = promise;
    // Callers that ignore the result must not see an unhandled rejection.
    promise.catch(() => undefined);
    return promise;
  }

  /** Forgets the first page's failure, so the next expansion fetches it again. */
  clearFirstError(): void {
    this.firstFailure = undefined;
  }

  /** Stops what runs and keeps what arrived; later loads get a fresh lifetime. */
  cancel(): void {
    this.lifetime.cancel();
  }

  /** Starts over: what runs is stopped and dropped, failures are forgotten. */
  reset(): void {
    this.current += 1;
    this.cancel();
    this.firstFailure = undefined;
    this.moreFailure = undefined;
    this.inflight = undefined;
  }

  /** For a folder that leaves the tree: nothing it started may land or run on. */
  dispose(): void {
    this.current += 1;
    this.lifetime.end();
  }
}
