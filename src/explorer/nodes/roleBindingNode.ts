import * as vscode from 'vscode';
import { describeRole } from '../../cloud/roleCatalogue';
import type { RoleBinding } from '../../cloud/schemas/roleBinding';
import {
  levelIcon, type NameSource, parsePrincipal, patternLevel, patternText, principalKindText, principalRow, principalText, scopeRow,
} from '../accessText';
import { type ExplorerNode, ResourceNode } from './explorerNode';
import { safeTooltip } from './tooltip';

/** What a binding row needs from the Access folder that lists it. */
export interface BindingView {
  /** 'principal': a principal's bindings (role first); 'scope': who holds what on a scope (principal first). */
  readonly mode: 'principal' | 'scope';
  readonly names: NameSource;
  /** "environment Production" when the binding was made on a scope enclosing the folder's. */
  inheritedFrom(binding: RoleBinding): string | undefined;
}

/**
 * One role binding, read as a sentence: "DeveloperRead · topics starting with 'orders-' ·
 * orders-prod (Production)" under a principal, "payments-service · DeveloperRead · …" under a
 * scope. The icon tells the scope level; the tooltip has the CRN pattern, escaped.
 */
export class RoleBindingNode extends ResourceNode<RoleBinding> {
  readonly kind = 'roleBinding' as const;

  constructor(connection: ExplorerNode['connection'], parent: ExplorerNode, binding: RoleBinding, private readonly view: BindingView) {
    super(connection, parent, binding);
  }

  get roleBinding(): RoleBinding {
    return this.resource;
  }

  /** Set when the binding was made on an enclosing scope of the folder it is listed in. */
  get inheritedFrom(): string | undefined {
    return this.view.inheritedFrom(this.resource);
  }

  getTreeItem(): vscode.TreeItem {
    const rb = this.resource;
    const { names } = this.view;
    const inherited = this.inheritedFrom;
    const sentence = this.view.mode === 'principal' ? principalRow(rb, names) : scopeRow(rb, names, inherited);
    const item = new vscode.TreeItem(sentence.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = this.contextValue;
    item.description = sentence.description;
    item.iconPath = new vscode.ThemeIcon(levelIcon(patternLevel(rb.crn_pattern)));
    const ref = parsePrincipal(rb.principal);
    const scope = patternText(rb.crn_pattern, names);
    item.tooltip = safeTooltip(vscode.l10n.t({ message: '{0} on {1}', args: [rb.role_name, scope], comment: ['{0} is a role name, {1} where it applies'] }), [
      [vscode.l10n.t('Role'), rb.role_name],
      [vscode.l10n.t('What it allows'), describeRole(rb.role_name)],
      [principalKindText(ref), `${principalText(ref, names)} (${rb.principal})`],
      [vscode.l10n.t('Scope'), scope],
      [vscode.l10n.t('Inherited from'), inherited],
      [vscode.l10n.t('CRN pattern'), rb.crn_pattern],
      [vscode.l10n.t('Role binding'), rb.id],
    ]);
    return item;
  }

  protected override contextModifiers(): readonly string[] {
    return this.inheritedFrom ? ['inherited'] : [];
  }
}
