import * as vscode from 'vscode';
import type { Outcome } from '../commands/commandOutcome';
import { type CommandDeps, registerCommand } from '../commands/registerCommand';
import type { ExplorerProvider } from '../explorer/explorerProvider';
import type { ExplorerNode } from '../explorer/nodes/explorerNode';
import type { DemoOrganization } from './demoOrganization';

/** Command IDs of the demo organization (package.json contributes the same). */
export const DemoCommand = {
  tryDemo: 'confluentCloud.tryDemoOrganization',
  resetDemo: 'confluentCloud.resetDemoOrganization',
  removeDemo: 'confluentCloud.removeDemoOrganization',
} as const;

export interface DemoCommandDeps extends CommandDeps {
  readonly demo: DemoOrganization;
  readonly explorer: ExplorerProvider;
  readonly treeView: vscode.TreeView<ExplorerNode>;
}

/** What the demo commands report to automation: where the demo runs (never its secret). */
export interface DemoSummary {
  readonly label: string;
  readonly endpoint: string;
}

/** Try, Reset and Remove Demo Organization. Each works from the palette and the tree alike. */
export function registerDemoCommands(deps: DemoCommandDeps): vscode.Disposable[] {
  const missing = (): Outcome<never> => {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is no demo organization. Run "Try Demo Organization" to start one.'));
    return { status: 'failed', message: vscode.l10n.t('There is no demo organization.') };
  };

  return [
    registerCommand(deps, DemoCommand.tryDemo, async (): Promise<Outcome<DemoSummary>> => {
      const connection = await vscode.window.withProgress(
        { location: { viewId: 'confluentCloud.explorer' }, title: vscode.l10n.t('Starting the demo organization…') },
        () => deps.demo.open(),
      );
      const root = deps.explorer.organizationNode(connection);
      try {
        await deps.treeView.reveal(root, { select: true, focus: true, expand: true });
      } catch {
        // The view may be hidden or not resolved yet; the demo is there when it opens.
      }
      return { status: 'done', value: { label: connection.label, endpoint: connection.endpoint } };
    }, { singleFlight: true }),

    registerCommand(deps, DemoCommand.resetDemo, async (): Promise<Outcome<DemoSummary>> => {
      const connection = deps.demo.connection;
      if (!connection || !(await deps.demo.reset())) return missing();
      deps.explorer.refresh(deps.explorer.organizationNode(connection));
      // The icon stays out of the message so a translation cannot break its syntax.
      vscode.window.setStatusBarMessage(`$(beaker) ${vscode.l10n.t('Demo organization reset to its starting data')}`, 5000);
      return { status: 'done', value: { label: connection.label, endpoint: connection.endpoint } };
    }, { singleFlight: true }),

    registerCommand(deps, DemoCommand.removeDemo, async (): Promise<Outcome<DemoSummary>> => {
      const connection = deps.demo.connection;
      if (!connection || !(await deps.demo.remove())) return missing();
      vscode.window.setStatusBarMessage(`$(beaker) ${vscode.l10n.t('Demo organization removed')}`, 5000);
      return { status: 'done', value: { label: connection.label, endpoint: connection.endpoint } };
    }, { singleFlight: true }),
  ];
}
