/**
 * What an observer of a metrics panel is told: the messages crossing the webview boundary, the
 * queries sent for it and the failures it showed. Nothing is kept for observers that are not
 * attached; the in-host tests attach one through the extension's exported API.
 */
import type { MetricsQueryRequest } from '../cloud/schemas/metrics';
import type { FromWebview, ToWebview } from './protocol';

export interface PanelObserver {
  /** A message posted to the webview (after it said it listens). */
  readonly sent?: (message: ToWebview) => void;
  /** A well-formed message from the webview. */
  readonly received?: (message: FromWebview) => void;
  /** A Metrics API query sent for the chart (each page counts). */
  readonly queried?: (request: MetricsQueryRequest) => void;
  /** The text of a failure the panel showed. */
  readonly failed?: (message: string) => void;
}

/** A set of observers told in turn; one that throws does not stop the others or the panel. */
export class PanelObservers {
  private readonly observers = new Set<PanelObserver>();

  add(observer: PanelObserver): { dispose(): void } {
    this.observers.add(observer);
    return { dispose: () => void this.observers.delete(observer) };
  }

  tell<K extends keyof PanelObserver>(event: K, value: Parameters<NonNullable<PanelObserver[K]>>[0]): void {
    for (const observer of this.observers) {
      try {
        (observer[event] as ((v: typeof value) => void) | undefined)?.(value);
      } catch {
        // An observer's mistake must not change what the panel does.
      }
    }
  }

  get size(): number {
    return this.observers.size;
  }

  clear(): void {
    this.observers.clear();
  }
}
