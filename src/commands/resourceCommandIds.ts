/** IDs of the create, update, delete and rotate commands (package.json declares the same). */
export const ResourceCommand = {
  createEnvironment: 'confluentCloud.createEnvironment',
  renameEnvironment: 'confluentCloud.renameEnvironment',
  deleteEnvironment: 'confluentCloud.deleteEnvironment',
  createServiceAccount: 'confluentCloud.createServiceAccount',
  editServiceAccount: 'confluentCloud.editServiceAccount',
  deleteServiceAccount: 'confluentCloud.deleteServiceAccount',
  inviteUser: 'confluentCloud.inviteUser',
  renameUser: 'confluentCloud.renameUser',
  deleteUser: 'confluentCloud.deleteUser',
  createApiKey: 'confluentCloud.createApiKey',
  editApiKey: 'confluentCloud.editApiKey',
  deleteApiKey: 'confluentCloud.deleteApiKey',
  rotateApiKey: 'confluentCloud.rotateApiKey',
} as const;
