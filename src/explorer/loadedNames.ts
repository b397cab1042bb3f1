import type { Environment } from '../cloud/schemas/environment';
import type { KafkaCluster } from '../cloud/schemas/kafkaCluster';
import type { ServiceAccount } from '../cloud/schemas/serviceAccount';
import type { User } from '../cloud/schemas/user';
import type { LoadedName } from './accessNames';
import type { ExplorerNode } from './nodes/explorerNode';
import { PagedFolderNode } from './nodes/pagedFolderNode';

/**
 * Looks a name up among the items loaded below `root` (no request): the first loaded folder of
 * that kind holding the ID answers.
 */
export function loadedNameIn(root: ExplorerNode): LoadedName {
  return (kind, id) => {
    const stack: ExplorerNode[] = [root];
    for (let node = stack.pop(); node; node = stack.pop()) {
      if (node instanceof PagedFolderNode && node.itemKind === kind) {
        const found = node.findNode(id);
        if (found) return nameOf(kind, found.resource);
        continue;
      }
      stack.push(...node.loadedChildren());
    }
    return undefined;
  };
}

function nameOf(kind: Parameters<LoadedName>[0], resource: unknown): string | undefined {
  switch (kind) {
    case 'environment': return (resource as Environment).display_name;
    case 'kafkaCluster': return (resource as KafkaCluster).spec.display_name;
    case 'serviceAccount': return (resource as ServiceAccount).display_name;
    case 'user': {
      const user = resource as User;
      return user.full_name?.trim() || user.email;
    }
  }
}
