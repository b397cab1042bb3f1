import * as vscode from 'vscode';
import { formatRequestLine } from '../logging';
import type { ClientSettings } from './orgConnection';

/**
 * Host settings for every cloud client, read on each request: `confluentCloud.requestTimeoutSeconds`,
 * VS Code's `http.proxy`, and one log line per request in the output channel.
 */
export function clientSettingsFrom(log: vscode.LogOutputChannel): ClientSettings {
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration();
  return {
    timeoutMs: () => Math.max(1, config().get<number>('confluentCloud.requestTimeoutSeconds', 30)) * 1000,
    proxyUrl: () => config().get<string>('http.proxy')?.trim() || undefined,
    onRequest: (entry) => {
      const line = formatRequestLine(entry);
      if (entry.status === undefined || entry.status >= 400) log.warn(line);
      else log.info(line);
    },
  };
}
