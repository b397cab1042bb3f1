import * as vscode from 'vscode';
import type { OrgConnection } from '../auth/orgConnection';
import type { OrgRegistry } from '../auth/orgRegistry';
import type { ExplorerProvider } from '../explorer/explorerProvider';
import type { ExplorerUpdates } from '../explorer/explorerUpdates';
import { ExplorerNode } from '../explorer/nodes/explorerNode';
import type { SecretPanels } from '../secretPanel/secretPanels';
import type { QuickInputFactory } from '../ui/quickInputs';
import type { PickerContext } from './pickers/resourcePickers';
import type { ActivityLookup } from './activityHints';
import { type CommandDeps, registerCommand } from './registerCommand';

/** What the create/update/delete commands need from the composition root. */
export interface ResourceCommandDeps extends CommandDeps {
  readonly registry: OrgRegistry;
  readonly explorer: ExplorerProvider;
  readonly updates: ExplorerUpdates;
  /** The QuickInput factory every form and picker uses (see `src/ui/quickInputs.ts`). */
  readonly quickInputs?: QuickInputFactory | undefined;
  /** Opens (and owns) the views that show a new API key's secret once. */
  readonly secretPanels: SecretPanels;
  /** "Last seen" data for delete previews; absent when the metrics feature is not built. */
  readonly activity?: ActivityLookup | undefined;
}

/**
 * A resource named by ID instead of a tree node, for automation and tests:
 * `executeCommand('confluentCloud.deleteServiceAccount', { id: 'sa-123' }, { confirmName: 'x' })`.
 * `organization` is the explorer's connection ID, the Confluent organization ID or the label;
 * without it the only organization is used (or the user picks one).
 */
export interface ResourceRef {
  readonly id: string;
  readonly organization?: string | undefined;
  /** Needed for Kafka clusters, which are looked up within their environment. */
  readonly environment?: string | undefined;
}

/** Reference to an organization only (for creates from automation). */
export interface OrganizationRef {
  readonly organization: string;
}

export function isResourceRef(value: unknown): value is ResourceRef {
  return typeof value === 'object' && value !== null && !(value instanceof ExplorerNode) && typeof (value as { id?: unknown }).id === 'string';
}

function isOrganizationRef(value: unknown): value is OrganizationRef {
  return typeof value === 'object' && value !== null && !(value instanceof ExplorerNode) && typeof (value as { organization?: unknown }).organization === 'string';
}

/**
 * The organization a command works in: the clicked node's, the one a reference names, the only
 * one, or the user's pick. Undefined when there is none (the user was told) or the pick was
 * dismissed.
 */
export async function connectionFor(registry: OrgRegistry, arg: unknown, placeHolder: string): Promise<OrgConnection | undefined> {
  if (arg instanceof ExplorerNode) return arg.connection;
  const all = registry.list();
  if (isOrganizationRef(arg)) {
    const wanted = arg.organization;
    const match = all.find((c) => c.id === wanted || c.orgId === wanted || c.label === wanted);
    if (!match) throw new Error(vscode.l10n.t("No connected organization matches '{0}'.", wanted));
    return match;
  }
  if (all.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Add a Confluent Cloud organization first (Confluent Cloud: Add Organization…).'));
    return undefined;
  }
  return registry.pick({ placeHolder });
}

/** What a picker needs: the organization, the explorer's page size and the QuickInput factory. */
export function pickerContext(deps: ResourceCommandDeps, connection: OrgConnection): PickerContext {
  return { connection, pageSize: pickerPageSize(deps.explorer), factory: deps.quickInputs };
}

/** The page size pickers use: the explorer's setting, so both list the same way. */
export function pickerPageSize(explorer: ExplorerProvider): number {
  return explorer.pageSize();
}

/** Runs a request under a notification progress; only lookups may be cancelled. */
export function withRequestProgress<T>(
  title: string,
  work: (signal: AbortSignal | undefined) => Promise<T>,
  cancellable = false,
): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable }, async (_progress, token) => {
    if (!cancellable) return work(undefined);
    const abort = new AbortController();
    const subscription = token.onCancellationRequested(() => abort.abort());
    try {
      return await work(abort.signal);
    } finally {
      subscription.dispose();
    }
  });
}

/**
 * The automation answers of a command, or undefined. A tree with multi-select passes the
 * selected nodes as the second argument of a context-menu command; that array is not answers.
 */
export function asInputs<T extends object>(value: unknown): T | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof ExplorerNode) ? value as T : undefined;
}

/**
 * Registers a create/update/delete command: single-flight (a second invocation while one runs is
 * ignored), called as `(target, automation inputs)`, where the tree's multi-selection in the
 * second argument is never taken for inputs.
 */
export function registerResourceAction<I extends object>(
  deps: CommandDeps,
  id: string,
  action: (arg: unknown, inputs: I | undefined) => unknown,
): vscode.Disposable {
  return registerCommand(deps, id, (arg?: unknown, inputs?: unknown) => action(arg, asInputs<I>(inputs)), { singleFlight: true });
}
