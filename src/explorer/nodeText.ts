import { consoleUrl } from './consoleUrls';
import { type ExplorerNode, ResourceNode } from './nodes/explorerNode';
import { KafkaClusterNode } from './nodes/kafkaClusterNode';
import { OrganizationNode } from './nodes/organizationNode';

/** The ID to copy for a node: the resource ID, or the organization ID for a root. */
export function nodeId(node: ExplorerNode): string | undefined {
  if (node instanceof ResourceNode) return node.resourceId;
  if (node instanceof OrganizationNode) return node.connection.orgId;
  return undefined;
}

/** The CRN of a node (`metadata.resource_name`, exactly as returned). */
export function nodeCrn(node: ExplorerNode): string | undefined {
  return node instanceof ResourceNode ? node.crn : undefined;
}

/** The resource as JSON (secrets stripped), or undefined for nodes that are not resources. */
export function nodeJson(node: ExplorerNode): unknown {
  return node instanceof ResourceNode ? node.toJson() : undefined;
}

/** The Confluent Cloud console page for a node, when its organization is on the public endpoint. */
export function nodeConsoleUrl(node: ExplorerNode): string | undefined {
  if (!node.connection.isConfluentCloud) return undefined;
  if (node instanceof OrganizationNode) return consoleUrl({ kind: 'organization', id: node.connection.orgId ?? '' });
  if (!(node instanceof ResourceNode)) return undefined;
  return consoleUrl({
    kind: node.kind,
    id: node.resourceId,
    environmentId: node instanceof KafkaClusterNode ? node.environmentId : undefined,
  });
}

/**
 * The nodes a command acts on. VS Code passes the clicked node and, with multi-select, the whole
 * selection; from the palette neither, so the view's selection is used.
 */
export function targetNodes(node: unknown, selection: unknown, fallback: readonly ExplorerNode[]): ExplorerNode[] {
  if (Array.isArray(selection) && selection.length > 0 && selection.every((n) => isNode(n))) return selection;
  if (isNode(node)) return [node];
  return [...fallback];
}

function isNode(value: unknown): value is ExplorerNode {
  return typeof value === 'object' && value !== null && 'kind' in value && 'connection' in value && 'getTreeItem' in value;
}
