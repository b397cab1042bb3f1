import * as vscode from 'vscode';
import type { OrgConnection } from '../auth/orgConnection';
import type { OrgRegistry } from '../auth/orgRegistry';
import { ExplorerCommand } from '../explorer/commandIds';
import type { ExplorerProvider } from '../explorer/explorerProvider';
import { ExplorerNode } from '../explorer/nodes/explorerNode';
import { askNewApiKey, askNewOrganization, type OrgInputDeps } from './organizationInput';
import { type CommandDeps, registerCommand } from './registerCommand';

/** What the organization commands need. */
export interface OrganizationCommandDeps extends CommandDeps, OrgInputDeps {
  readonly registry: OrgRegistry;
  readonly explorer: ExplorerProvider;
  readonly treeView: vscode.TreeView<ExplorerNode>;
}

/** Add, rename, re-key and remove organizations. */
export function registerOrganizationCommands(deps: OrganizationCommandDeps): vscode.Disposable[] {
  const stored = async (arg: unknown, placeHolder: string): Promise<OrgConnection | undefined> => {
    const connection = arg instanceof ExplorerNode ? arg.connection : await deps.registry.pick({ placeHolder, storedOnly: true });
    if (connection?.source === 'environment') {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('{0} comes from the CONFLUENT_CLOUD_API_KEY and CONFLUENT_CLOUD_API_SECRET environment variables; change them and restart to use another key.', connection.label),
      );
      return undefined;
    }
    return connection;
  };

  return [
    registerCommand(deps, ExplorerCommand.addOrganization, async () => {
      const input = await askNewOrganization(deps, (endpoint, apiKey) => deps.registry.findExisting(endpoint, apiKey));
      if (!input) return undefined;
      if ('existing' in input) {
        const same = input.existing;
        const reveal = vscode.l10n.t('Reveal');
        const answer = await vscode.window.showInformationMessage(
          vscode.l10n.t('{0} is already in the explorer with this endpoint and API key.', same.label), reveal,
        );
        if (answer === reveal) await revealQuietly(deps.treeView, deps.explorer.organizationNode(same), true);
        return same;
      }
      const connection = await deps.registry.add(input.profile, input.secret);
      deps.log.info(`Added organization ${connection.label} (${connection.orgId ?? 'unknown id'}) at ${connection.endpoint}`);
      await revealQuietly(deps.treeView, deps.explorer.organizationNode(connection), true);
      return connection;
    }, { singleFlight: true }),

    registerCommand(deps, ExplorerCommand.renameOrganization, async (arg?: unknown, label?: unknown) => {
      const connection = await stored(arg, vscode.l10n.t('Select the organization to rename'));
      if (!connection) return;
      const name = typeof label === 'string' ? label : await vscode.window.showInputBox({
        title: vscode.l10n.t('Rename Organization'), value: connection.label, prompt: vscode.l10n.t('Name shown in the explorer'),
        validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter a name.')),
      });
      if (name?.trim()) await deps.registry.rename(connection, name.trim());
    }),

    registerCommand(deps, ExplorerCommand.updateApiKey, async (arg?: unknown) => {
      const connection = await stored(arg, vscode.l10n.t('Select the organization whose API key to update'));
      if (!connection) return;
      const input = await askNewApiKey(deps, connection);
      if (!input) return;
      await deps.registry.updateApiKey(connection, input.apiKey, input.secret, input.orgId);
      vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) API key of {0} updated', connection.label), 4000);
    }, { singleFlight: true }),

    registerCommand(deps, ExplorerCommand.removeOrganization, async (arg?: unknown, confirmed?: unknown) => {
      const connection = await stored(arg, vscode.l10n.t('Select the organization to remove'));
      if (!connection) return;
      if (confirmed !== true) {
        const remove = vscode.l10n.t('Remove');
        const answer = await vscode.window.showWarningMessage(
          vscode.l10n.t('Remove {0} from the explorer?', connection.label),
          { modal: true, detail: vscode.l10n.t("Its API secret is deleted from this machine's secret storage. Nothing changes in Confluent Cloud.") },
          remove,
        );
        if (answer !== remove) return;
      }
      await deps.registry.remove(connection);
      deps.log.info(`Removed organization ${connection.label}`);
    }, { singleFlight: true }),
  ];
}

/** Reveals a node if the view can show it; a hidden view is not worth an error. */
export async function revealQuietly(treeView: vscode.TreeView<ExplorerNode>, node: ExplorerNode, expand = false): Promise<void> {
  try {
    await treeView.reveal(node, { select: true, focus: true, expand });
  } catch {
    // The view may be closed or not yet resolved; the node is there when it opens.
  }
}
