// Well-known records that exist in every seeded organization, whatever the seed. Tests import these
// instead of discovering ids at run time. The ids only look like real ones; never rely on their shape.

export const DEFAULT_API_KEY = 'SANDBOXKEY000001';
export const DEFAULT_API_SECRET = 'sandbox-secret-not-for-production';
export const DEFAULT_SEED = 20231201;
export const DEFAULT_PORT = 8787;

/** Authenticates but may only read: every POST, PATCH or DELETE answers 403. */
export const READ_ONLY_API_KEY = 'SANDBOXREADONLY1';
export const READ_ONLY_API_SECRET = 'sandbox-read-only-secret-not-for-production';

/** Exact sizes of the seeded collections (fixtures included). */
export const SEED_COUNTS = { serviceAccounts: 1500, users: 300, apiKeys: 5000 } as const;

export const FIXTURES = {
  organization: { id: '5f0c9d3e-8a21-4c6b-9e47-2b1d7a60c3f8', displayName: 'Sandbox Organization' },
  /** Owner of the default Cloud API key. */
  adminUser: { id: 'u-sbx0adm', email: 'admin@sandbox.example.com', fullName: 'Sandbox Admin' },
  user: { id: 'u-ada1815', email: 'ada.lovelace@example.com', fullName: 'Ada Lovelace', apiKeyIds: ['ADALOVELACE00001'] },
  productionEnvironment: { id: 'env-prod01', displayName: 'Production', streamGovernance: 'ADVANCED' },
  productionCluster: {
    id: 'lkc-prod01', displayName: 'orders-prod', cloud: 'AWS', region: 'us-east-1', kind: 'Dedicated',
  },
  paymentsServiceAccount: {
    id: 'sa-pay0001',
    displayName: 'payments-service',
    description: 'Moves money between ledgers',
    /** Two keys on the production cluster, then one Cloud key (resource null). */
    apiKeyIds: ['PAYMENTSKEY00001', 'PAYMENTSKEY00002', 'PAYMENTSCLOUD001'],
  },
  /** A service account with no keys, safe to delete in tests (restore with reset). */
  disposableServiceAccount: { id: 'sa-disp001', displayName: 'disposable-service' },
  invitation: { id: 'i-sbx0001', email: 'grace.hopper@example.com' },
} as const;

/** Names that must be shown literally, never rendered as Markdown, HTML or links. */
export const HOSTILE_NAMES = [
  '[click](command:workbench.action.quit)',
  '<img src=x onerror=alert(1)>',
  '**bold** _italic_ `code`',
  'command:workbench.action.reloadWindow',
  '$(alert) ${env:HOME} {{constructor.constructor}}',
  'Zahlungsdienst Ünïcödé — 支付服务 🚀 عربى',
  '\u202Eevil-rtl-override\u202C',
  'zero\u200Bwidth\u200Djoiner',
  '../../../etc/passwd',
  '<script>alert("x")</script>',
  'x'.repeat(255),
  'ü'.repeat(255),
] as const;
