import * as vscode from 'vscode';
import { ExplorerCommand } from '../explorer/commandIds';
import type { ExplorerNode } from '../explorer/nodes/explorerNode';
import { type CommandDeps, registerCommand } from './registerCommand';
import { AccessCommand } from './accessCommandIds';
import { ResourceCommand } from './resourceCommandIds';

/** The command Delete, F2 and Ctrl+C (Cmd+C) run in the explorer; package.json binds it. */
export const KEYBOARD_ACTION_COMMAND = 'confluentCloud.explorer.keyboardAction';

// The key bindings' `when` clauses read the selection from a context key the tree keeps current
// (src/explorer/selectionContext.ts).

export type KeyboardAction = 'delete' | 'rename' | 'copyId';

/** Which command each key runs for each node kind; kinds left out ignore the key. */
const ACTIONS: Readonly<Record<KeyboardAction, Partial<Record<ExplorerNode['kind'], string>>>> = {
  delete: {
    environment: ResourceCommand.deleteEnvironment,
    serviceAccount: ResourceCommand.deleteServiceAccount,
    user: ResourceCommand.deleteUser,
    apiKey: ResourceCommand.deleteApiKey,
    roleBinding: AccessCommand.revokeRole,
    organization: ExplorerCommand.removeOrganization,
  },
  rename: {
    environment: ResourceCommand.renameEnvironment,
    serviceAccount: ResourceCommand.editServiceAccount,
    user: ResourceCommand.renameUser,
    apiKey: ResourceCommand.editApiKey,
    organization: ExplorerCommand.renameOrganization,
  },
  copyId: {
    environment: ExplorerCommand.copyId,
    kafkaCluster: ExplorerCommand.copyId,
    serviceAccount: ExplorerCommand.copyId,
    user: ExplorerCommand.copyId,
    apiKey: ExplorerCommand.copyId,
    organization: ExplorerCommand.copyId,
  },
};

/** What the keyboard shortcuts need. */
export interface KeyboardCommandDeps extends CommandDeps {
  readonly treeView: vscode.TreeView<ExplorerNode>;
}

/**
 * Delete, F2 and Ctrl+C on tree rows. A command run from a key binding receives no tree node, so
 * this one reads the selection and runs the node's own Delete…, Rename…/Edit… or Copy ID command
 * with it, exactly as the context menu would.
 */
export function registerKeyboardCommands(deps: KeyboardCommandDeps): vscode.Disposable[] {
  return [
    registerCommand(deps, KEYBOARD_ACTION_COMMAND, async (args?: { action?: KeyboardAction }) => {
      const action = args?.action;
      const selection = deps.treeView.selection;
      const node = selection[0];
      if (!action || !node || !(action in ACTIONS)) return undefined;
      const command = ACTIONS[action][node.kind];
      if (!command) return undefined;
      // Copy ID copies every selected row; the others act on one node, as from the context menu.
      return action === 'copyId'
        ? vscode.commands.executeCommand(command, node, selection)
        : vscode.commands.executeCommand(command, node);
    }),
  ];
}
