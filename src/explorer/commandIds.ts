/**
 * IDs of the commands the explorer contributes. Nodes use them for click actions, so they live
 * here rather than in the command files (which depend on the nodes).
 */
export const ExplorerCommand = {
  addOrganization: 'confluentCloud.addOrganization',
  renameOrganization: 'confluentCloud.renameOrganization',
  updateApiKey: 'confluentCloud.updateApiKey',
  removeOrganization: 'confluentCloud.removeOrganization',
  refresh: 'confluentCloud.explorer.refresh',
  refreshAll: 'confluentCloud.explorer.refreshAll',
  loadMore: 'confluentCloud.explorer.loadMore',
  loadAll: 'confluentCloud.explorer.loadAll',
  filter: 'confluentCloud.explorer.filter',
  clearFilter: 'confluentCloud.explorer.clearFilter',
  goToId: 'confluentCloud.explorer.goToId',
  retry: 'confluentCloud.explorer.retry',
  copyId: 'confluentCloud.copyId',
  copyCrn: 'confluentCloud.copyCrn',
  copyJson: 'confluentCloud.copyJson',
  insertCrn: 'confluentCloud.insertCrn',
  openInConfluentCloud: 'confluentCloud.openInConfluentCloud',
} as const;
