import * as vscode from 'vscode';
import type { OrgConnection } from '../auth/orgConnection';
import { buildCrnPattern, clusterScope, covers, parseCrnPattern } from '../cloud/crn';
import { dialogsOf } from '../ui/dialogs';
import { inertMessage } from '../ui/inertText';
import { AccessCommand } from './accessCommandIds';
import { organizationIdOf } from './accessTargets';
import type { CommandDeps } from './registerCommand';

/** The cluster a new key is for, with names for the offer. */
export interface KeyCluster {
  readonly id: string;
  readonly name: string;
  readonly environment: { readonly id: string; readonly display_name: string };
}

/**
 * After a key on a Kafka cluster is made: when its owner holds no binding on the cluster (none
 * that covers it, none inside it), the key authenticates but can do nothing there. Offers
 * "Grant Access…" preset with the owner and the cluster. One list request (the owner's bindings
 * on the cluster's environment and below); a failure to check stays silent.
 */
export async function offerGrantAccess(deps: CommandDeps, connection: OrgConnection, owner: { id: string; name: string }, cluster: KeyCluster): Promise<boolean> {
  try {
    const org = await organizationIdOf(connection);
    const scope = clusterScope(org, cluster.environment.id, cluster.id);
    const principal = `User:${owner.id}`;
    const page = await connection.client.roleBindings.listPage({ crnPattern: buildCrnPattern({ organization: org, nested: true }), principal, pageSize: 100 });
    const relevant = page.items.some((b) => {
      const parsed = parseCrnPattern(b.crn_pattern);
      return parsed.ok && (covers(parsed.pattern, scope) || covers(scope, parsed.pattern));
    });
    // A first page without one but with more pages: don't claim there is none.
    if (relevant || page.nextPageToken) return false;
    const grant = vscode.l10n.t('Grant Access…');
    const choice = await dialogsOf(deps).notify(
      'info', inertMessage(vscode.l10n.t("'{0}' has no role on cluster '{1}', so the new key can't read or write there yet.", owner.name, cluster.name)),
      grant,
    );
    if (choice === grant) {
      await vscode.commands.executeCommand(AccessCommand.grantRole, {
        organization: connection.id, principal: owner.id, principal_name: owner.name,
        cluster: cluster.id, cluster_name: cluster.name, environment: cluster.environment.id, environment_name: cluster.environment.display_name,
      });
    }
    return true;
  } catch (error) {
    deps.log.info(`Couldn't check the role bindings of ${owner.id}: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}
