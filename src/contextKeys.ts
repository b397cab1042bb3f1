/**
 * Context keys that `when` clauses in package.json read and that must be right before the
 * features bundle loads (the chat tools are hidden while no organization is connected, so a
 * model would never invoke one that would load it).
 */
export const ORGANIZATION_CONNECTED_KEY = 'confluentCloud.organizationConnected';
