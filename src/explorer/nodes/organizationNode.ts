import * as vscode from 'vscode';
import type { OrgConnection } from '../../auth/orgConnection';
import { AccessNames } from '../accessNames';
import { loadedNameIn } from '../loadedNames';
import { AccessFolderNode } from './accessFolderNode';
import { ApiKeysFolderNode } from './apiKeysFolderNode';
import { EnvironmentsFolderNode } from './environmentsFolderNode';
import { ExplorerNode, type TreeContext } from './explorerNode';
import type { FolderItem, PagedFolderNode } from './pagedFolderNode';
import { ServiceAccountsFolderNode } from './serviceAccountsFolderNode';
import { safeTooltip } from './tooltip';
import { UsersFolderNode } from './usersFolderNode';

/**
 * The root of one organization. Its five folders exist from the start but fetch nothing until
 * expanded, so adding an organization costs no requests beyond the key check.
 */
export class OrganizationNode extends ExplorerNode {
  readonly kind = 'organization' as const;
  readonly environments: EnvironmentsFolderNode;
  readonly serviceAccounts: ServiceAccountsFolderNode;
  readonly users: UsersFolderNode;
  readonly apiKeys: ApiKeysFolderNode;
  /** Names of environments, clusters and principals that Access rows show (cached per organization). */
  readonly names: AccessNames;
  /** Who holds which role anywhere in the organization. */
  readonly access: AccessFolderNode;

  constructor(connection: OrgConnection, tree: TreeContext) {
    super(connection, undefined);
    this.names = new AccessNames(connection, loadedNameIn(this));
    this.environments = new EnvironmentsFolderNode(connection, this, tree);
    this.serviceAccounts = new ServiceAccountsFolderNode(connection, this, tree);
    this.users = new UsersFolderNode(connection, this, tree);
    this.apiKeys = new ApiKeysFolderNode(connection, this, {}, tree);
    this.access = new AccessFolderNode(connection, this, {}, this.names, tree);
  }

  get id(): string {
    return this.connection.id;
  }

  /** The folders, in display order. */
  get folders(): readonly PagedFolderNode<FolderItem>[] {
    return [this.environments, this.serviceAccounts, this.users, this.apiKeys, this.access];
  }

  getTreeItem(): vscode.TreeItem {
    if (this.connection.source === 'demo') return this.demoTreeItem();
    const c = this.connection;
    const item = new vscode.TreeItem(c.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = this.contextValue;
    item.description = [c.orgId, c.source === 'environment' ? vscode.l10n.t('from environment') : undefined].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon('cloud');
    item.tooltip = safeTooltip(c.label, [
      [vscode.l10n.t('Organization'), c.orgId],
      [vscode.l10n.t('Endpoint'), c.endpoint],
      [vscode.l10n.t('Metrics endpoint'), c.metricsEndpoint],
      [vscode.l10n.t('API key'), c.apiKey],
      [vscode.l10n.t('Credentials'), c.source === 'environment' ? 'CONFLUENT_CLOUD_API_KEY / CONFLUENT_CLOUD_API_SECRET' : vscode.l10n.t('Secret storage')],
    ]);
    return item;
  }

  /** The demo looks unlike any real organization: beaker icon, "demo" description, its own tooltip. */
  private demoTreeItem(): vscode.TreeItem {
    const c = this.connection;
    const item = new vscode.TreeItem(c.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = this.contextValue;
    item.description = vscode.l10n.t('demo · sample data');
    item.iconPath = new vscode.ThemeIcon('beaker');
    item.tooltip = safeTooltip(vscode.l10n.t({ message: '{0} (demo)', args: [c.label], comment: ['{0} is the demo organization\'s name'] }), [
      [vscode.l10n.t('What it is'), vscode.l10n.t('Sample data served by a sandbox inside VS Code; not a Confluent Cloud organization')],
      [vscode.l10n.t('Endpoint'), c.endpoint],
      [vscode.l10n.t('API key'), c.apiKey],
      [vscode.l10n.t('Credentials'), vscode.l10n.t('Random for this window; never stored')],
      [vscode.l10n.t('Changes'), vscode.l10n.t('Kept in memory; Reset Demo Organization restores the sample data, a window reload starts afresh')],
    ]);
    return item;
  }

  override getChildren(): ExplorerNode[] {
    return [...this.folders];
  }

  override loadedChildren(): readonly ExplorerNode[] {
    return this.folders;
  }

  /** Drops every loaded page below this organization. */
  refresh(): void {
    this.names.clear();
    for (const folder of this.folders) folder.refresh();
  }

  protected override contextModifiers(): readonly string[] {
    return [
      ...(this.connection.source === 'environment' ? ['fromEnvironment'] : []),
      ...(this.connection.source === 'demo' ? ['demo'] : []),
      ...(this.connection.isConfluentCloud ? ['console'] : []),
    ];
  }
}
