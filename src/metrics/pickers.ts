/**
 * The Show Activity choice among a principal's clusters. Every other cluster choice of the
 * metrics commands is the paged `pickCluster` of `commands/pickers`; this one stays apart because
 * it lists only the few clusters the principal has API keys on, already at hand (no paging, no
 * environment walk), and the same list feeds the panel's cluster switcher.
 */
import * as vscode from 'vscode';
import { pickText } from '../ui/inertText';
import type { QuickInputFactory } from '../ui/quickInputs';
import type { ClusterChoice } from './protocol';

interface ClusterItem extends vscode.QuickPickItem {
  readonly cluster: ClusterChoice;
}

/** A row of the choice; server text shown inert (no icons), as in every other picker. */
function clusterItem(cluster: ClusterChoice): ClusterItem {
  const named = cluster.name !== cluster.id;
  return {
    label: pickText(cluster.name),
    description: named ? pickText(cluster.id) : undefined,
    detail: cluster.environmentId ? pickText(cluster.environmentId) : undefined,
    cluster,
  };
}

/** Picks one of a principal's clusters; with one (or none) there is nothing to ask. */
export async function pickKnownCluster(
  clusters: readonly ClusterChoice[],
  principalLabel: string,
  factory: QuickInputFactory = vscode.window,
): Promise<ClusterChoice | undefined> {
  if (clusters.length <= 1) return clusters[0];
  const pick = factory.createQuickPick<ClusterItem>();
  pick.title = vscode.l10n.t({ message: 'Show Activity: {0}', args: [principalLabel], comment: ['{0} is a service account or user name'] });
  pick.placeholder = vscode.l10n.t({
    message: '{0} has API keys on {1} clusters; pick one',
    args: [principalLabel, clusters.length],
    comment: ['{0} is a service account or user name, {1} a number (2 or more)'],
  });
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.items = clusters.map(clusterItem);
  return new Promise<ClusterChoice | undefined>((resolve) => {
    pick.onDidAccept(() => {
      resolve(pick.selectedItems[0]?.cluster);
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}
