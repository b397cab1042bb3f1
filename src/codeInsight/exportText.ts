/**
 * Renders an export target as Terraform or a CLI command, first filling in the one value the
 * API may leave out: the environment of a cluster-scoped API key (found in the cluster index).
 */
import { toCliCommand } from './cliCommand';
import type { LookupConnection, ResourceLookup } from './resourceLookup';
import { type ExportTarget, toTerraform } from './terraform';

export async function cliOrTerraform(
  kind: 'terraform' | 'cli',
  target: ExportTarget,
  connection: LookupConnection | undefined,
  lookup: ResourceLookup,
): Promise<string> {
  let filled = target;
  if (target.kind === 'apiKey' && target.resource.spec.resource && !target.resource.spec.resource.environment && connection) {
    try {
      const cluster = (await lookup.clusters(connection)).get(target.resource.spec.resource.id);
      if (cluster) filled = { ...target, environmentId: cluster.spec.environment.id };
    } catch {
      // Without the environment the block is still valid; the import ID is then the bare key.
    }
  }
  return kind === 'terraform' ? toTerraform(filled) : toCliCommand(filled);
}
