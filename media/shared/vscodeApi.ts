/**
 * The webview side of the VS Code API, shared by the webviews. `acquireVsCodeApi` may be called
 * once per page, so each entry point calls one of these once.
 */
interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** Posts typed messages to the host. */
export interface HostChannel<From> {
  post(message: From): void;
}

/** A channel that also keeps state across reloads (handed to the panel serializer). */
export interface StatefulHostChannel<From, State> extends HostChannel<From> {
  saveState(state: State): void;
}

/** Messages only: for views that must keep nothing (the secret view never calls `setState`). */
export function connectToHost<From>(): HostChannel<From> {
  const api = acquireVsCodeApi();
  return { post: (message) => api.postMessage(message) };
}

/** Messages and webview state (ids and controls only, never credentials). */
export function connectWithState<From, State>(): StatefulHostChannel<From, State> {
  const api = acquireVsCodeApi();
  return {
    post: (message) => api.postMessage(message),
    saveState: (state) => api.setState(state),
  };
}
