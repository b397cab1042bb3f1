import * as vscode from 'vscode';
import { formatRequestLine } from '../logging';
import type { ClientSettings } from './orgConnection';

/** Bounds of `confluentCloud.requestTimeoutSeconds`; beyond 300 s a hung request is not worth waiting for. */
export const TIMEOUT_SECONDS = { min: 1, max: 300, default: 30 } as const;
/** Bounds of `confluentCloud.maxResponseMegabytes`; V8 cannot hold a string much over 512 MB anyway. */
export const MAX_RESPONSE_MEGABYTES = { min: 1, max: 256, default: 32 } as const;

/** `value` if it is a number, clamped into `bounds`; the default for anything else. */
export function clampSetting(value: unknown, bounds: { min: number; max: number; default: number }): number {
  if (typeof value !== 'number' || Number.isNaN(value)) return bounds.default;
  return Math.min(bounds.max, Math.max(bounds.min, value));
}

/**
 * Host settings for every cloud client, read on each request: `confluentCloud.requestTimeoutSeconds`
 * (per attempt), `confluentCloud.maxResponseMegabytes`, VS Code's `http.proxy`, and one log line per
 * request in the output channel.
 */
export function clientSettingsFrom(log: vscode.LogOutputChannel): ClientSettings {
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration();
  return {
    timeoutMs: () => clampSetting(config().get<unknown>('confluentCloud.requestTimeoutSeconds'), TIMEOUT_SECONDS) * 1000,
    maxResponseBytes: () => Math.floor(clampSetting(config().get<unknown>('confluentCloud.maxResponseMegabytes'), MAX_RESPONSE_MEGABYTES) * 1024 * 1024),
    proxyUrl: () => config().get<string>('http.proxy')?.trim() || undefined,
    onRequest: (entry) => {
      const line = formatRequestLine(entry);
      if (entry.status === undefined || entry.status >= 400) log.warn(line);
      else log.info(line);
    },
  };
}
