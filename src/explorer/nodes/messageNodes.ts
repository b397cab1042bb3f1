import * as vscode from 'vscode';
import type { OrgConnection } from '../../auth/orgConnection';
import { ExplorerCommand } from '../commandIds';
import { describeLoadError, type ErrorDescription, type LoadSubject } from '../errorText';
import { escapeMarkdown } from '../../ui/inertText';
import { ExplorerNode } from './explorerNode';

/**
 * A failure shown in place of the children it could not load, so a failing folder shows one
 * node instead of a storm of notifications. Clicking it retries, or, for a rejected key, opens
 * Update API Key.
 */
export class ErrorNode extends ExplorerNode {
  readonly kind = 'error' as const;
  readonly description: ErrorDescription;

  constructor(
    connection: OrgConnection,
    parent: ExplorerNode,
    what: string | LoadSubject,
    readonly error: unknown,
    /** Runs on Retry; the owner re-fetches and reports the change. */
    readonly retry: () => void | Promise<void>,
  ) {
    super(connection, parent);
    this.description = describeLoadError(what, error);
  }

  get id(): string {
    return `${this.parent?.id ?? this.connection.id}/#error`;
  }

  /** True when the fix is a new API key (HTTP 401). */
  get needsNewKey(): boolean {
    return this.description.remedy === 'updateApiKey';
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.description.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = this.contextValue;
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
    const tooltip = new vscode.MarkdownString(undefined, false);
    tooltip.isTrusted = false;
    tooltip.supportHtml = false;
    tooltip.appendMarkdown(escapeMarkdown(this.description.detail));
    const advice = this.needsNewKey ? vscode.l10n.t('Click to update the API key of this organization.') : vscode.l10n.t('Click to retry.');
    tooltip.appendMarkdown(`\n\n_${advice}_`);
    item.tooltip = tooltip;
    item.command = this.needsNewKey
      ? { title: vscode.l10n.t('Update API Key…'), command: ExplorerCommand.updateApiKey, arguments: [this] }
      : { title: vscode.l10n.t('Retry'), command: ExplorerCommand.retry, arguments: [this] };
    return item;
  }

  protected override contextModifiers(): readonly string[] {
    return this.needsNewKey ? ['unauthenticated'] : ['retryable'];
  }
}

/** "No service accounts" / "No matches": says the list is empty instead of showing nothing. */
export class EmptyNode extends ExplorerNode {
  readonly kind = 'empty' as const;

  constructor(connection: OrgConnection, parent: ExplorerNode, readonly message: string) {
    super(connection, parent);
  }

  get id(): string {
    return `${this.parent?.id ?? this.connection.id}/#empty`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.message, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = this.contextValue;
    return item;
  }
}

/**
 * A note at the end of a folder that stopped loading on purpose: "10,000 loaded, stopped at the
 * limit", or a server that repeated a page token. Not clickable; the tooltip says what to do.
 */
export class NoticeNode extends ExplorerNode {
  readonly kind = 'empty' as const;

  constructor(connection: OrgConnection, parent: ExplorerNode, readonly message: string, readonly hint: string) {
    super(connection, parent);
  }

  get id(): string {
    return `${this.parent?.id ?? this.connection.id}/#notice`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.message, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = this.contextValue;
    item.iconPath = new vscode.ThemeIcon('info');
    item.tooltip = this.hint;
    return item;
  }
}
