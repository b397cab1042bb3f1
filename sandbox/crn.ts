// Confluent Resource Names in the documented `crn://confluent.cloud/<key>=<value>/...` form.
// Clients must treat these as opaque; the sandbox only has to produce them consistently.

const ROOT = 'crn://confluent.cloud';

export function organizationCrn(orgId: string): string {
  return `${ROOT}/organization=${orgId}`;
}

export function environmentCrn(orgId: string, envId: string): string {
  return `${organizationCrn(orgId)}/environment=${envId}`;
}

export function clusterCrn(orgId: string, envId: string, clusterId: string): string {
  return `${environmentCrn(orgId, envId)}/cloud-cluster=${clusterId}`;
}

export function serviceAccountCrn(orgId: string, id: string): string {
  return `${organizationCrn(orgId)}/service-account=${id}`;
}

export function userCrn(orgId: string, id: string): string {
  return `${organizationCrn(orgId)}/user=${id}`;
}

export function invitationCrn(orgId: string, id: string): string {
  return `${organizationCrn(orgId)}/invitation=${id}`;
}

/** API keys are named under their owner, as in the spec's `…/user=u-zyx98/api-key=…` example. */
export function apiKeyCrn(orgId: string, ownerId: string, keyId: string): string {
  const owner = ownerId.startsWith('sa-') ? 'service-account' : 'user';
  return `${organizationCrn(orgId)}/${owner}=${ownerId}/api-key=${keyId}`;
}
