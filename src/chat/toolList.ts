/**
 * Every chat tool this extension registers, in package.json order. No vscode import, so plain
 * Node tests can check it against the manifest and run the tools.
 */
import { principalAccessTool, resourceAccessTool } from './accessTools';
import { createApiKeyTool, createServiceAccountTool, deleteApiKeyTool } from './actionTools';
import { reviewApiKeysTool } from './keyReview';
import { listApiKeysTool, listEnvironmentsTool, listKafkaClustersTool, listServiceAccountsTool, listUsersTool } from './listTools';
import { queryMetricTool } from './metricTool';
import { grantRoleTool, revokeRoleTool } from './roleActionTools';
import type { AnyChatToolSpec } from './toolSpec';

export const CHAT_TOOLS: readonly AnyChatToolSpec[] = [
  listServiceAccountsTool, listUsersTool, listApiKeysTool, listEnvironmentsTool, listKafkaClustersTool,
  principalAccessTool, resourceAccessTool, reviewApiKeysTool, queryMetricTool,
  createServiceAccountTool, createApiKeyTool, deleteApiKeyTool, grantRoleTool, revokeRoleTool,
];
