import * as l10n from '@vscode/l10n';
import type { OrgConnection } from '../../auth/orgConnection';
import { buildCrnPattern, covers, type CrnPattern, parentScopes, parseCrnPattern, withNested } from '../../cloud/crn';
import { isCloudApiError } from '../../cloud/errors';
import type { Page } from '../../cloud/pagination';
import type { RoleBinding } from '../../cloud/schemas/roleBinding';
import type { AccessNames } from '../accessNames';
import { accessForbidden, patternText, principalText, parsePrincipal, scopeText } from '../accessText';
import { matchesFilter } from '../filterMatch';
import { type ChainQuery, fetchChainPage } from '../queryChain';
import type { ExplorerNode, TreeContext } from './explorerNode';
import { ErrorNode, NoticeNode } from './messageNodes';
import { PagedFolderNode, type PageRequest } from './pagedFolderNode';
import { type BindingView, RoleBindingNode } from './roleBindingNode';

/**
 * What an Access folder lists: one principal's bindings across the organization, or who holds
 * which role on a scope (organization, environment, cluster) and what it inherits from above.
 */
export type AccessScope =
  | { readonly principal: string }
  | { readonly environment?: string | undefined; readonly cloudCluster?: string | undefined };

/**
 * "Access": role bindings, lazily and page by page like every folder. A principal's folder is one
 * query (`organization=<org>/*` + `principal`); a scope's folder reads each enclosing scope
 * exactly (its bindings apply here too, marked "inherited from …") and the scope with everything
 * below it (`…/*`). Each page is one request per query that has one left; names in the rows come
 * from the tree or from one cached GET by ID.
 */
export class AccessFolderNode extends PagedFolderNode<RoleBinding> implements BindingView {
  readonly kind = 'accessFolder' as const;
  readonly itemKind = 'roleBinding' as const;
  readonly label = l10n.t('Access');
  readonly noun = l10n.t({ message: 'role bindings', comment: ['Plural noun in messages such as "No role bindings"'] });
  protected readonly icon = 'shield';
  readonly mode: BindingView['mode'];
  // Known once the organization ID is (the first page); used to tell inherited bindings apart.
  private scopePattern: CrnPattern | undefined;

  constructor(connection: OrgConnection, parent: ExplorerNode, readonly scope: AccessScope, readonly names: AccessNames, tree: TreeContext) {
    super(connection, parent, tree);
    this.mode = 'principal' in scope ? 'principal' : 'scope';
  }

  get id(): string {
    return `${this.parent?.id ?? this.connection.id}/access`;
  }

  /** The principal this folder lists, or undefined for a scope's folder. */
  get principal(): string | undefined {
    return 'principal' in this.scope ? this.scope.principal : undefined;
  }

  /** The scope of a scope folder with the organization ID filled in (for presets). */
  async scopeOf(signal?: AbortSignal): Promise<CrnPattern | undefined> {
    if ('principal' in this.scope) return undefined;
    return this.pattern(await this.names.organizationId(signal));
  }

  protected async fetchPage(request: PageRequest): Promise<Page<RoleBinding>> {
    const org = await this.names.organizationId(request.signal);
    const page = await fetchChainPage(this.queries(org, request.pageSize), request.pageToken, request.signal);
    // Names first, so the rows read as sentences when they appear; a failed lookup shows the ID.
    await this.names.resolve(page.items, request.signal).catch(() => undefined);
    return page;
  }

  protected createNode(item: RoleBinding): RoleBindingNode {
    return new RoleBindingNode(this.connection, this, item, this);
  }

  matches(item: RoleBinding, filter: string): boolean {
    return matchesFilter(filter, [
      item.id, item.role_name, item.principal, item.crn_pattern,
      principalText(parsePrincipal(item.principal), this.names), patternText(item.crn_pattern, this.names),
    ]);
  }

  accepts(item: RoleBinding): boolean {
    if ('principal' in this.scope) return item.principal === this.scope.principal;
    const scope = this.scopePattern;
    const parsed = parseCrnPattern(item.crn_pattern);
    if (!scope || !parsed.ok) return false;
    return covers(scope, parsed.pattern) || this.inheritedFrom(item) !== undefined;
  }

  inheritedFrom(binding: RoleBinding): string | undefined {
    const scope = this.scopePattern;
    if (!scope) return undefined;
    const parsed = parseCrnPattern(binding.crn_pattern);
    if (!parsed.ok) return undefined;
    const parent = parentScopes(scope).find((p) => buildCrnPattern(p) === buildCrnPattern({ ...parsed.pattern, nested: false }));
    return parent ? scopeText(parent, this.names) : undefined;
  }

  /** A 403 is about roles, not a fault: one node that says which role lists bindings. */
  override async getChildren(): Promise<ExplorerNode[]> {
    const children = await super.getChildren();
    return children.map((child) => {
      if (!(child instanceof ErrorNode && isCloudApiError(child.error) && child.error.status === 403)) return child;
      const forbidden = accessForbidden();
      return new NoticeNode(this.connection, this, forbidden.label, forbidden.hint);
    });
  }

  private pattern(org: string): CrnPattern | undefined {
    if ('principal' in this.scope) return undefined;
    const { environment, cloudCluster } = this.scope;
    return {
      organization: org,
      ...(environment !== undefined ? { environment } : {}),
      ...(environment !== undefined && cloudCluster !== undefined ? { cloudCluster } : {}),
      nested: false,
    };
  }

  private queries(org: string, pageSize: number): ChainQuery<RoleBinding>[] {
    const api = this.connection.client.roleBindings;
    const query = (crnPattern: string, principal?: string): ChainQuery<RoleBinding> => (pageToken, signal) =>
      api.listPage({ crnPattern, pageSize, signal, ...(pageToken ? { pageToken } : {}), ...(principal ? { principal } : {}) });
    if ('principal' in this.scope) {
      return [query(buildCrnPattern(withNested({ organization: org, nested: false })), this.scope.principal)];
    }
    const scope = this.pattern(org)!;
    this.scopePattern = scope;
    // Enclosing scopes first, so what is inherited shows on top of the first page.
    return [...parentScopes(scope).map((p) => query(buildCrnPattern(p))), query(buildCrnPattern(withNested(scope)))];
  }
}

/** The organization's name cache, found from any node below it. */
export function accessNamesOf(node: ExplorerNode): AccessNames {
  let root = node;
  while (root.parent) root = root.parent;
  const names = (root as { names?: unknown }).names;
  if (!names) throw new Error(l10n.t('This node is not below an organization.'));
  return names as AccessNames;
}
