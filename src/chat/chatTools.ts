/**
 * Registers the chat tools (Copilot agent mode and any other `vscode.lm` consumer) and the
 * `confluentCloud.organizationConnected` context key their `when` clauses use. Where the host
 * has no language-model tool API, nothing is registered and the rest of the extension works.
 */
import * as vscode from 'vscode';
import type { OrgRegistry } from '../auth/orgRegistry';
import type { RateQueue } from '../metrics/rateQueue';
import { toLanguageModelTool } from './toolAdapter';
import { CursorStore, type ToolContext } from './toolContext';
import { CHAT_TOOLS } from './toolList';
import { ORGANIZATION_CONNECTED_KEY } from '../contextKeys';

/** The context key that gates the tools in package.json. */
export { ORGANIZATION_CONNECTED_KEY };

export interface ChatToolDeps {
  readonly log: vscode.LogOutputChannel;
  readonly registry: Pick<OrgRegistry, 'list' | 'onDidChange'>;
  /** The Metrics API budget the metrics panel uses (one instance per window). */
  readonly metricsQueue: Pick<RateQueue, 'acquire'>;
  /**
   * Registers one tool. Given when the tools load after activation: the composition root then
   * registered stand-ins for every tool in the manifest, and this hands them the real ones.
   */
  readonly registerTool?: ((name: string, tool: vscode.LanguageModelTool<object>) => vscode.Disposable) | undefined;
}

/** The context the tools run with in the extension host. */
export function hostToolContext(deps: Pick<ChatToolDeps, 'registry' | 'metricsQueue'>): ToolContext {
  return {
    connections: () => deps.registry.list(),
    metricsQueue: deps.metricsQueue,
    executeCommand: (id, ...args) => vscode.commands.executeCommand(id, ...args),
    cursors: new CursorStore(),
    now: () => Date.now(),
  };
}

export function registerChatTools(deps: ChatToolDeps): vscode.Disposable[] {
  const setConnected = (): void => {
    void vscode.commands.executeCommand('setContext', ORGANIZATION_CONNECTED_KEY, deps.registry.list().length > 0);
  };
  setConnected();
  const disposables: vscode.Disposable[] = [deps.registry.onDidChange(setConnected)];
  // Optional chaining on purpose: hosts without the API (older forks, some web hosts) lack `lm`.
  const lm = (vscode as { lm?: Partial<typeof vscode.lm> }).lm;
  const registerTool = deps.registerTool ?? (typeof lm?.registerTool === 'function' ? lm.registerTool.bind(lm) : undefined);
  if (!registerTool) {
    deps.log.info('chat tools: this host has no language model tool API; the tools are not registered.');
    return disposables;
  }
  const ctx = hostToolContext(deps);
  for (const spec of CHAT_TOOLS) {
    disposables.push(registerTool(spec.name, toLanguageModelTool(spec, ctx, (message) => deps.log.warn(`chat tools: ${message}`))));
  }
  return disposables;
}
