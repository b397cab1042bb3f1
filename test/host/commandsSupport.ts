// Helpers for the create/update/delete command tests: the extension's API, the sandbox
// organization, running a command with automation input, and counting requests the sandbox saw.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OrgConnection } from '../../src/auth/orgConnection';
import type { Outcome } from '../../src/commands/commandOutcome';
import type { ExtensionApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/explorer/nodes/explorerNode';
import type { OrganizationNode } from '../../src/explorer/nodes/organizationNode';
import { activateExtension, sandbox } from './helpers';

export interface SandboxRequest {
  method: string;
  path: string;
  status: number;
  fault?: string;
}

/** The extension's API and the organization from the host's environment (the sandbox). */
export async function sandboxOrganization(): Promise<{ api: ExtensionApi; connection: OrgConnection; org: OrganizationNode }> {
  const ext = await activateExtension();
  const api = ext.exports as ExtensionApi;
  const connection = api.registry.list().find((c) => c.source === 'environment');
  assert.ok(connection, 'the sandbox organization is connected from environment variables');
  return { api, connection, org: api.explorer.organizationNode(connection) };
}

/** Runs a command as automation would and returns its outcome. */
export async function run<T = unknown>(command: string, ...args: unknown[]): Promise<Outcome<T>> {
  const outcome = await vscode.commands.executeCommand<Outcome<T> | undefined>(command, ...args);
  assert.ok(outcome, `${command} returned an outcome`);
  return outcome;
}

/** Asserts a done outcome and returns its value. */
export function valueOf<T>(outcome: Outcome<T>): T {
  assert.equal(outcome.status, 'done', `expected done, got ${JSON.stringify(outcome)}`);
  return (outcome as { value: T }).value;
}

/** Requests since the last clear, by method and path prefix. */
export async function requests(method: string, pathPrefix: string): Promise<SandboxRequest[]> {
  const all = (await sandbox.requests()) as SandboxRequest[];
  return all.filter((r) => r.method === method && r.path.startsWith(pathPrefix));
}

/** True when `read` fails with a 404: the item was deleted. */
export async function gone(read: () => Promise<unknown>): Promise<boolean> {
  try {
    await read();
    return false;
  } catch (error) {
    return (error as { status?: number }).status === 404;
  }
}

/** Children of a node, loading them as the view would. */
export async function children(api: ExtensionApi, node: ExplorerNode): Promise<ExplorerNode[]> {
  return api.explorer.getChildren(node);
}

/** IDs of the resource nodes among children. */
export function ids(nodes: readonly ExplorerNode[]): string[] {
  return nodes.flatMap((n) => ('resourceId' in n && typeof n.resourceId === 'string' ? [n.resourceId] : []));
}

/** The first child of a kind. */
export function child<K extends ExplorerNode['kind']>(nodes: readonly ExplorerNode[], kind: K, id?: string): ExplorerNode {
  const found = nodes.find((n) => n.kind === kind && (id === undefined || ('resourceId' in n && n.resourceId === id)));
  assert.ok(found, `a ${kind}${id ? ` ${id}` : ''} among ${nodes.map((n) => n.kind).join(', ')}`);
  return found;
}

/** Open tabs showing the API key secret view. */
export function secretTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('confluentCloud.apiKeySecret'));
}

/** Closes every editor (secret views included) so tests start clean. */
export async function closeEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** A fresh sandbox, no faults, and the Confluent Cloud view hidden (no background fetches). */
export async function freshSandbox(): Promise<void> {
  await sandbox.setFaults('');
  await sandbox.reset();
  await sandbox.clearRequests();
  await vscode.commands.executeCommand('workbench.view.explorer');
  const { org } = await sandboxOrganization();
  org.refresh();
}

/**
 * Registers the hooks of a suite that changes sandbox data: a fresh sandbox before each test and
 * no faults left for the next suite. With `closeEditors`, no editor is open before each test or
 * after the suite either, so tests that count secret views see only their own.
 */
export function useFreshSandbox(options: { closeEditors?: boolean } = {}): void {
  beforeEach(async () => {
    await freshSandbox();
    if (options.closeEditors) await closeEditors();
  });
  after(async () => {
    await sandbox.setFaults('');
    if (options.closeEditors) await closeEditors();
  });
}
