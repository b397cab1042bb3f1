// Shared helpers for the explorer's in-host tests: the extension's test API, the sandbox
// organization (from environment variables), and request counting through /_sandbox/requests.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OrgConnection } from '../../src/auth/orgConnection';
import type { ExtensionApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/explorer/nodes/explorerNode';
import type { OrganizationNode } from '../../src/explorer/nodes/organizationNode';
import { activateExtension, sandbox } from './helpers';

/** One request as the sandbox recorded it. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  status: number;
}

// Assert on IDs and labels, never on nodes or connections themselves: a failing assertion formats
// its operands, and these hold clients, sockets and VS Code proxies (enough to stall the host).

/** The activated extension's test API. */
export async function explorerApi(): Promise<ExtensionApi> {
  const ext = await activateExtension();
  return ext.exports as ExtensionApi;
}

/** The organization the host's environment variables point at the sandbox. */
export async function sandboxOrg(): Promise<{ api: ExtensionApi; connection: OrgConnection; org: OrganizationNode }> {
  const api = await explorerApi();
  const connection = api.registry.list().find((c) => c.source === 'environment');
  assert.ok(connection, 'the organization from environment variables is registered');
  return { api, connection, org: api.explorer.organizationNode(connection) };
}

/** Requests for a path (exact, or a prefix ending in `/`) since the last `clearRequests`. */
export async function requestsTo(path: string, method = 'GET'): Promise<RecordedRequest[]> {
  const all = (await sandbox.requests()) as RecordedRequest[];
  return all.filter((r) => r.method === method && (path.endsWith('/') ? r.path.startsWith(path) : r.path === path));
}

/** Children of a node through the provider, as the view would ask for them. */
export async function childrenOf(api: ExtensionApi, node: ExplorerNode): Promise<ExplorerNode[]> {
  return api.explorer.getChildren(node);
}

/** Resource IDs among children (Load more / error / empty nodes left out). */
export function resourceIds(children: readonly ExplorerNode[]): string[] {
  return children.flatMap((c) => ('resourceId' in c && typeof c.resourceId === 'string' ? [c.resourceId] : []));
}

/** The child of a kind, asserting it exists. */
export function childOfKind(children: readonly ExplorerNode[], kind: ExplorerNode['kind']): ExplorerNode {
  const found = children.find((c) => c.kind === kind);
  assert.ok(found, `a ${kind} child among ${children.map((c) => c.kind).join(', ')}`);
  return found;
}

/** Sets `confluentCloud.pageSize` (undefined restores the default). */
export async function usePageSize(size: number | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('confluentCloud').update('pageSize', size, vscode.ConfigurationTarget.Global);
}

/** The label of a tree item as a plain string. */
export function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

/**
 * Shows the file explorer instead of the Confluent Cloud view. While the view is visible the
 * workbench asks for the children of expanded nodes on every change, which would add requests
 * that tests counting requests do not expect.
 */
export async function hideExplorerView(): Promise<void> {
  await vscode.commands.executeCommand('workbench.view.explorer');
}
