/** Names of the chat tools; package.json `contributes.languageModelTools` declares the same. */
export const ChatTool = {
  listServiceAccounts: 'confluentCloud_listServiceAccounts',
  listUsers: 'confluentCloud_listUsers',
  listApiKeys: 'confluentCloud_listApiKeys',
  listEnvironments: 'confluentCloud_listEnvironments',
  listKafkaClusters: 'confluentCloud_listKafkaClusters',
  principalAccess: 'confluentCloud_principalAccess',
  resourceAccess: 'confluentCloud_resourceAccess',
  reviewApiKeys: 'confluentCloud_reviewApiKeys',
  queryMetric: 'confluentCloud_queryMetric',
  createServiceAccount: 'confluentCloud_createServiceAccount',
  createApiKey: 'confluentCloud_createApiKey',
  deleteApiKey: 'confluentCloud_deleteApiKey',
  grantRole: 'confluentCloud_grantRole',
  revokeRole: 'confluentCloud_revokeRole',
} as const;
