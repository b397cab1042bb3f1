/** The webview side of the VS Code API, typed to this panel's protocol. */
import type { FromWebview, PanelState } from '../../src/metrics/protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export interface HostChannel {
  post(message: FromWebview): void;
  /** Kept by VS Code across reloads and handed to the panel serializer; ids and controls only. */
  saveState(state: PanelState): void;
}

/** `acquireVsCodeApi` may be called once per page; call this once from the entry point. */
export function connectToHost(): HostChannel {
  const api = acquireVsCodeApi();
  return {
    post: (message) => api.postMessage(message),
    saveState: (state) => api.setState(state),
  };
}
