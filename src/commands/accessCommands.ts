import * as vscode from 'vscode';
import type { ExplorerNode } from '../explorer/nodes/explorerNode';
import { RoleBindingNode } from '../explorer/nodes/roleBindingNode';
import { targetNodes } from '../explorer/nodeText';
import { AccessCommand } from './accessCommandIds';
import { registerResourceAction, type ResourceCommandDeps } from './commandTargets';
import { onboardApplication, type OnboardInputs } from './onboardApplication';
import { registerCommand } from './registerCommand';

/**
 * Onboard an Application… and Copy CRN Pattern. Grant Role… and Revoke Role… are the role-binding
 * kind's create and delete (`kinds/roleBindingKind.ts`).
 */
export function registerAccessCommands(deps: ResourceCommandDeps & { readonly treeView?: vscode.TreeView<ExplorerNode> }): vscode.Disposable[] {
  return [
    registerResourceAction<OnboardInputs>(deps, AccessCommand.onboardApplication, (arg, inputs) => onboardApplication(deps, arg, inputs)),
    registerCommand(deps, AccessCommand.copyCrnPattern, async (node?: unknown, selection?: unknown) => {
      const patterns = targetNodes(node, selection, deps.treeView?.selection ?? [])
        .filter((n): n is RoleBindingNode => n instanceof RoleBindingNode)
        .map((n) => n.roleBinding.crn_pattern);
      if (patterns.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to copy: select a role binding.'));
        return undefined;
      }
      const text = patterns.join('\n');
      await vscode.env.clipboard.writeText(text);
      vscode.window.setStatusBarMessage(patterns.length === 1 ? vscode.l10n.t('$(copy) Copied CRN pattern') : vscode.l10n.t('$(copy) Copied {0} CRN patterns', patterns.length), 3000);
      return text;
    }),
  ];
}
