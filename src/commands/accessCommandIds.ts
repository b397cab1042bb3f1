/** IDs of the role-binding commands (package.json declares the same). */
export const AccessCommand = {
  grantRole: 'confluentCloud.grantRole',
  revokeRole: 'confluentCloud.revokeRole',
  onboardApplication: 'confluentCloud.onboardApplication',
  copyCrnPattern: 'confluentCloud.copyCrnPattern',
} as const;
