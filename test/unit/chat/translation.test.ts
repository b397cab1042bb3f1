// What a person reads while a tool runs (progress, confirmations) follows the display language;
// what the model reads (results) stays English. The cluster's environment is found with the shared
// cluster walk, which stops at the page that holds the cluster.
import { strict as assert } from 'node:assert';
import { afterEach, describe, it } from 'node:test';
import * as l10n from '@vscode/l10n';
import { createApiKeyTool, deleteApiKeyTool } from '../../../src/chat/actionTools';
import { environmentOfCluster } from '../../../src/chat/clusterEnvironment';
import { listKafkaClustersTool } from '../../../src/chat/listTools';
import { grantRoleTool } from '../../../src/chat/roleActionTools';
import { describeScope, describeScopeForPerson } from '../../../src/chat/scopeText';
import { CursorStore, type ToolConnection, type ToolContext } from '../../../src/chat/toolContext';
import { kafkaResourceScope } from '../../../src/cloud/crn';
import type { CloudClient } from '../../../src/cloud/cloudClient';
import { RateQueue } from '../../../src/metrics/rateQueue';

const GRANT_COMMENT = '{2} is a scope such as "cluster `lkc-1` in environment `env-1`"';

/** Two environments, the second with two pages of clusters; every list call is recorded. */
function fakeClient(calls: string[]): CloudClient {
  const envPages = [[{ id: 'env-a', display_name: 'A' }], [{ id: 'env-b', display_name: 'B' }]];
  const clusterPages: Record<string, { id: string }[][]> = {
    'env-a': [[{ id: 'lkc-a1' }]],
    'env-b': [[{ id: 'lkc-b1' }], [{ id: 'lkc-b2' }]],
  };
  return {
    organizations: { listPage: async () => ({ items: [{ id: 'org-1' }] }) },
    environments: {
      async* pages(options: { signal?: AbortSignal }) {
        for (const [i, items] of envPages.entries()) {
          options.signal?.throwIfAborted();
          calls.push(`environments ${i}`);
          yield { items };
        }
      },
    },
    kafkaClusters: {
      async* pages(options: { environment: string; signal?: AbortSignal }) {
        for (const [i, items] of (clusterPages[options.environment] ?? []).entries()) {
          options.signal?.throwIfAborted();
          calls.push(`clusters ${options.environment} ${i}`);
          yield { items };
        }
      },
    },
    apiKeys: {
      get: async (id: string) => ({ id, spec: { display_name: 'ci', owner: { id: 'sa-1' }, resource: { id: 'lkc-b2' } } }),
    },
    serviceAccounts: { get: async (id: string) => ({ id, display_name: 'payments' }) },
  } as unknown as CloudClient;
}

function context(client: CloudClient): ToolContext {
  return {
    connections: () => [{ id: 'c1', label: 'Org', orgId: 'org-1', client }],
    metricsQueue: new RateQueue(50),
    executeCommand: async () => undefined,
    cursors: new CursorStore(),
    now: () => Date.now(),
  };
}

const signal = new AbortController().signal;

void describe('chat tools in another display language', () => {
  afterEach(() => l10n.config({ contents: {} }));

  void it('translates progress texts and confirmations, including the scope inside them', async () => {
    l10n.config({
      contents: {
        'Deleting API key {0}': 'Lösche API-Schlüssel {0}',
        'Listing Kafka clusters in {0}': 'Liste Kafka-Cluster in {0}',
        'Grant a role?': 'Rolle vergeben?',
        [`Grants role {0} to {1} on {2} in organization {3}. CRN pattern: {4}./${GRANT_COMMENT}`]: 'Vergibt {0} an {1} auf {2} in Organisation {3}. CRN: {4}.',
        'topics starting with {0}': 'Topics, die mit {0} beginnen',
        '{0} in cluster {1} in environment {2}/{0} is a resource such as "topic `orders`"': '{0} in Cluster {1} in Umgebung {2}',
        'Deletes API key {0} {1}, owned by {2}, for {3}, in {4}. Applications using it stop working immediately. This cannot be undone.': 'Löscht {0} {1} von {2} für {3} in {4}.',
        'resource {0}': 'Ressource {0}',
        'organization {0} ({1})': 'Organisation {0} ({1})',
      },
    });
    assert.equal(deleteApiKeyTool.invocationMessage({ key: 'KEY1' }), 'Lösche API-Schlüssel KEY1');
    assert.equal(listKafkaClustersTool.invocationMessage({ environment: 'env-a' }), 'Liste Kafka-Cluster in env-a');

    const ctx = context(fakeClient([]));
    const grant = await grantRoleTool.confirm!({ principal: 'sa-1', role: 'DeveloperRead', cluster: 'lkc-b2', topic: 'orders-*' }, ctx, signal);
    assert.equal(grant.title, 'Rolle vergeben?');
    assert.equal(grant.message, 'Vergibt `DeveloperRead` an `User:sa-1` auf Topics, die mit `orders-` beginnen in Cluster `lkc-b2` in Umgebung `env-b` in Organisation `Org`. CRN: `crn://confluent.cloud/organization=org-1/environment=env-b/cloud-cluster=lkc-b2/kafka=lkc-b2/topic=orders-*`.');

    const del = await deleteApiKeyTool.confirm!({ key: 'KEY1' }, ctx, signal);
    assert.equal(del.message, 'Löscht `KEY1` `ci` von `sa-1` für Ressource `lkc-b2` in Organisation `Org` (`org-1`).');
  });

  void it('keeps results and the results\' scope wording in English', async () => {
    l10n.config({ contents: { 'topic {0}': 'Thema {0}', 'cluster {0} in environment {1}': 'Cluster {0} in Umgebung {1}' } });
    const scope = kafkaResourceScope('org-1', 'env-b', 'lkc-b2', 'topic', 'orders');
    assert.equal(describeScope(scope), 'topic `orders` in cluster `lkc-b2` in environment `env-b`');
    assert.equal(describeScopeForPerson(scope), 'Thema `orders` in cluster `lkc-b2` in environment `env-b`');
    // A result that fails on input is model text: English whatever the bundle says.
    l10n.config({ contents: { '"owner" (sa-… or u-…) is required.': 'übersetzt' } });
    const text = await createApiKeyTool.run({ owner: ' ', resource: 'cloud' }, context(fakeClient([])), signal).catch((e: Error) => e.message);
    assert.equal(text, '"owner" (sa-… or u-…) is required.');
  });

  void it('words the English confirmations as before when no bundle is loaded', async () => {
    const ctx = context(fakeClient([]));
    const create = await createApiKeyTool.confirm!({ owner: 'sa-1', resource: 'lkc-b2', environment: 'env-b', display_name: 'ci' }, ctx, signal);
    assert.equal(create.message, 'Creates an API key owned by service account `sa-1` `payments` for Kafka cluster `lkc-b2` in environment `env-b` in organization `Org` (`org-1`), named `ci`. The key acts with the owner\'s role bindings. Its secret is shown once, in a separate editor tab; it is never sent to the chat.');
    const del = await deleteApiKeyTool.confirm!({ key: 'KEY1' }, ctx, signal);
    assert.equal(del.message, 'Deletes API key `KEY1` `ci`, owned by `sa-1`, for resource `lkc-b2`, in organization `Org` (`org-1`). Applications using it stop working immediately. This cannot be undone.');
  });
});

void describe('environment of a cluster', () => {
  const connection = (calls: string[]): ToolConnection => ({ id: 'c1', label: 'Org', client: fakeClient(calls) });

  void it('stops at the page that holds the cluster', async () => {
    const calls: string[] = [];
    assert.equal(await environmentOfCluster(connection(calls), 'lkc-b1', signal), 'env-b');
    assert.deepEqual(calls, ['environments 0', 'clusters env-a 0', 'environments 1', 'clusters env-b 0']);
  });

  void it('walks everything and answers undefined for an unknown cluster', async () => {
    const calls: string[] = [];
    assert.equal(await environmentOfCluster(connection(calls), 'lkc-zz', signal), undefined);
    assert.deepEqual(calls, ['environments 0', 'clusters env-a 0', 'environments 1', 'clusters env-b 0', 'clusters env-b 1']);
  });

  void it('hands the signal to every page, so a cancelled call stops', async () => {
    const calls: string[] = [];
    const abort = new AbortController();
    abort.abort();
    await assert.rejects(environmentOfCluster(connection(calls), 'lkc-b1', abort.signal));
    assert.deepEqual(calls, []);
  });
});
