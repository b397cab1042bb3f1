import * as vscode from 'vscode';
import type { OrgConnection } from '../auth/orgConnection';
import type { OrgRegistry } from '../auth/orgRegistry';
import { Disposable } from '../disposable';
import { inertMessage } from '../ui/inertText';
import { isRateLimitLow } from './labels';
import type { ExplorerNode } from './nodes/explorerNode';

/**
 * Shows the active organization (the one of the selected node, or the only one) and, when the
 * API's remaining request budget runs low, how much is left and when it resets.
 */
export class OrgStatusBar extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem('confluentCloud.organization', vscode.StatusBarAlignment.Left, 10));
  private active: OrgConnection | undefined;
  private unsubscribeRate: (() => void) | undefined;

  constructor(treeView: vscode.TreeView<ExplorerNode>, private readonly registry: OrgRegistry) {
    super();
    this.register({ dispose: () => this.unsubscribeRate?.() });
    this.item.name = vscode.l10n.t('Confluent Cloud Organization');
    this.item.command = 'confluentCloud.explorer.focus';
    this.register(treeView.onDidChangeSelection((e) => {
      const selected = e.selection[0]?.connection;
      if (selected) this.setActive(selected);
    }));
    this.register(registry.onDidChange(() => {
      if (this.active && !registry.get(this.active.id)) this.setActive(undefined);
      else this.render();
    }));
    this.setActive(undefined);
  }

  /** The organization shown, for tests and for commands that want a sensible default. */
  get activeConnection(): OrgConnection | undefined {
    return this.active ?? this.soleConnection();
  }

  private setActive(connection: OrgConnection | undefined): void {
    if (connection === this.active && connection !== undefined) return;
    this.unsubscribeRate?.();
    this.unsubscribeRate = undefined;
    this.active = connection;
    const shown = this.activeConnection;
    if (shown) this.unsubscribeRate = shown.client.rateLimit.onDidChange(() => this.render());
    this.render();
  }

  private soleConnection(): OrgConnection | undefined {
    const all = this.registry.list();
    return all.length === 1 ? all[0] : undefined;
  }

  private render(): void {
    const connection = this.activeConnection;
    if (!connection) {
      this.item.hide();
      return;
    }
    const rate = connection.client.rateLimit.current();
    const low = isRateLimitLow(rate);
    // The status bar renders `$(icon)`; the label may be an organization name from the server.
    const label = inertMessage(connection.label, 40);
    // The icons stay outside the messages, so no translation can drop or misspell them.
    this.item.text = low && rate?.remaining !== undefined
      ? `$(cloud) ${label}  $(warning) ${requestsLeft(rate.limit !== undefined ? `${rate.remaining}/${rate.limit}` : String(rate.remaining))}`
      : `$(cloud) ${label}`;
    const lines = [vscode.l10n.t({ message: 'Confluent Cloud: {0}', args: [label], comment: ['{0} is the organization\'s name'] })];
    if (connection.orgId) lines.push(vscode.l10n.t({ message: 'Organization {0}', args: [connection.orgId], comment: ['{0} is the organization ID'] }));
    lines.push(connection.endpoint);
    if (rate?.remaining !== undefined) {
      const budget = rate.limit !== undefined
        ? vscode.l10n.t({ message: '{0} of {1} requests left', args: [rate.remaining, rate.limit], comment: ['{0} requests remaining of {1} allowed'] })
        : requestsLeft(String(rate.remaining));
      lines.push(rate.resetSeconds !== undefined
        ? vscode.l10n.t({
          message: 'Rate limit: {0}, resets in {1} s',
          args: [budget, Math.max(0, Math.round(rate.resetSeconds - (Date.now() - rate.observedAt) / 1000))],
          comment: ['{0} is e.g. "120 of 1000 requests left"; {1} is a number of seconds'],
        })
        : vscode.l10n.t({ message: 'Rate limit: {0}', args: [budget], comment: ['{0} is e.g. "120 of 1000 requests left"'] }));
    }
    this.item.tooltip = lines.join('\n');
    // Screen readers would otherwise read the text with its icon names ("cloud", "warning").
    this.item.accessibilityInformation = {
      label: low && rate?.remaining !== undefined
        ? vscode.l10n.t({
          message: 'Confluent Cloud organization {0}, {1} requests left',
          args: [label, rate.remaining],
          comment: ['{0} is the organization\'s name, {1} a number of requests'],
        })
        : vscode.l10n.t({ message: 'Confluent Cloud organization {0}', args: [label], comment: ['{0} is the organization\'s name'] }),
      role: 'button',
    };
    this.item.backgroundColor = low ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }
}

/** "120/1000 requests left", "7 requests left": the remaining budget as shown. */
function requestsLeft(budget: string): string {
  return vscode.l10n.t({ message: '{0} requests left', args: [budget], comment: ['{0} is a number of requests, or "remaining/limit"'] });
}
