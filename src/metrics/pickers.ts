/**
 * Quick picks for the palette: a flat, progressively filled list of clusters across all
 * environments (no three-step drill-down), and a choice among a principal's clusters.
 */
import * as vscode from 'vscode';
import type { OrgConnection } from '../auth/orgConnection';
import { pickText } from '../ui/inertText';
import { allClusters, type ClusterRef } from './clusterSource';

interface ClusterItem extends vscode.QuickPickItem {
  readonly cluster: ClusterRef;
}

/**
 * The metrics commands' cluster picker: one flat list that fills while pages arrive, so every
 * environment's clusters are searchable at once (the wizards' paged `pickCluster` in
 * `commands/pickers` loads a page per "Load more…" instead). Lets the user pick a cluster while pages are still arriving (the picker shows a busy bar);
 * closing it cancels the remaining requests. `only` narrows to a set of cluster ids.
 */
export async function pickStreamedCluster(
  connection: OrgConnection,
  options: { title: string; placeholder: string; only?: ReadonlySet<string> },
): Promise<ClusterRef | undefined> {
  const quickPick = vscode.window.createQuickPick<ClusterItem>();
  quickPick.title = options.title;
  quickPick.placeholder = options.placeholder;
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  quickPick.busy = true;
  const abort = new AbortController();
  const items: ClusterItem[] = [];
  const done = new Promise<ClusterRef | undefined>((resolve) => {
    quickPick.onDidAccept(() => {
      resolve(quickPick.selectedItems[0]?.cluster);
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      abort.abort();
      resolve(undefined);
      quickPick.dispose();
    });
  });
  quickPick.show();
  void (async () => {
    try {
      for await (const batch of allClusters(connection.client, abort.signal)) {
        const fresh = batch.filter((c) => !options.only || options.only.has(c.id));
        // Server text, shown inert like every other picker's rows.
        items.push(...fresh.map((cluster) => ({ label: pickText(cluster.name), description: pickText(cluster.id), detail: pickText(cluster.detail), cluster })));
        quickPick.items = items;
      }
      if (items.length === 0) quickPick.placeholder = 'No Kafka clusters found in this organization.';
    } catch (error) {
      if (!abort.signal.aborted) quickPick.placeholder = error instanceof Error ? error.message : String(error);
    } finally {
      quickPick.busy = false;
    }
  })();
  return done;
}

/** Picks one of a few known clusters (a principal's); names are fetched only if needed. */
export async function pickKnownCluster(
  clusters: readonly { id: string; environmentId?: string }[],
  principalLabel: string,
): Promise<{ id: string; environmentId?: string } | undefined> {
  if (clusters.length <= 1) return clusters[0];
  const picked = await vscode.window.showQuickPick(
    clusters.map((c) => ({ label: pickText(c.id), description: pickText(c.environmentId), cluster: c })),
    { title: `Show Activity: ${principalLabel}`, placeHolder: `${principalLabel} has API keys on ${clusters.length} clusters; pick one` },
  );
  return picked?.cluster;
}
