import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { findReferences, referenceAt } from '../../../src/codeInsight/idPatterns';

const ids = (text: string) => findReferences(text).map((r) => `${r.kind}:${r.id}`);

// A corpus of files as people write them after copying from the explorer. IDs follow the shapes
// in the specs (env-abc123, lkc-c29js0, sa-abc123, u-a83k9b) and the sandbox's fixtures.
const TERRAFORM = `
resource "confluent_api_key" "orders" {
  display_name = "env-staging key for u-turn handling"
  owner {
    id          = "sa-pay0001"
    api_version = "iam/v2"
  }
  managed_resource {
    id = "lkc-prod01"
    environment {
      id = "env-prod01"
    }
  }
}
resource "confluent_role_binding" "read" {
  principal   = "User:sa-abcdef"
  role_name   = "DeveloperRead"
  crn_pattern = "crn://confluent.cloud/organization=5f0c9d3e-8a21-4c6b-9e47-2b1d7a60c3f8/environment=env-prod01/cloud-cluster=lkc-prod01/kafka=lkc-prod01/topic=orders-*"
}
`;

const YAML = `
apiVersion: v1
kind: Secret
metadata:
  name: kafka-credentials   # see env-var docs; sa-ve the file
stringData:
  CONFLUENT_CLUSTER: lkc-c29js0
  SERVICE_ACCOUNT: "sa-abc123"
  owner: u-a83k9b
  groups: [group-a1b2c3, pool-9x8y7z]
`;

const PROPERTIES = `
bootstrap.servers=pkc-abc12.us-east-1.aws.confluent.cloud:9092
security.protocol=SASL_SSL
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="PAYMENTSKEY00001" password="not-shown";
# principal used: sa-pay0001
client.id=my-env-abc123-client
`;

const JSON_FILE = `{
  "apiKey": "ADALOVELACE00001",
  "environment": "env-456xy",
  "binding": "rb-12ab34",
  "hash": "E3B0C44298FC1C14"
}`;

const TYPESCRIPT = `
const CONFLUENT_CLOUD_API_KEY = 'ABCD1234567890AB';
// The u-turn lane, env-var, sa-ve and lkc-like words are prose.
const env = process.env['env-prod01'];
fetch(\`/iam/v2/service-accounts/sa-disp001\`);
const notAnId = 'xsa-1234ab';
`;

const PYTHON = `
CLUSTER = "lkc-prod01"  # in env-prod01
conf = {"sasl.username": "PAYMENTSCLOUD001", "note": "u-12345 left"}
url = f"crn://confluent.cloud/organization=9bb441c4-edef-46ac-8a41-c49e44a3fd9a/user=u-rst9876/api-key=ABCDEFG987654321."
`;

void describe('ID and CRN recognition', () => {
  void it('finds the IDs in a Terraform file, CRN parts included, and not the words that look like them', () => {
    assert.deepEqual(ids(TERRAFORM), [
      'serviceAccount:sa-pay0001', 'kafkaCluster:lkc-prod01', 'environment:env-prod01', 'serviceAccount:sa-abcdef',
      'crn:crn://confluent.cloud/organization=5f0c9d3e-8a21-4c6b-9e47-2b1d7a60c3f8/environment=env-prod01/cloud-cluster=lkc-prod01/kafka=lkc-prod01/topic=orders-*',
      'environment:env-prod01', 'kafkaCluster:lkc-prod01', 'kafkaCluster:lkc-prod01',
    ]);
  });

  void it('finds IDs in YAML, including identity pools and group mappings, and skips env-var / sa-ve', () => {
    assert.deepEqual(ids(YAML), ['kafkaCluster:lkc-c29js0', 'serviceAccount:sa-abc123', 'user:u-a83k9b', 'groupMapping:group-a1b2c3', 'identityPool:pool-9x8y7z']);
  });

  void it('finds the API key in sasl.jaas.config and a principal in a comment, not an ID inside a longer word', () => {
    assert.deepEqual(ids(PROPERTIES), ['apiKey:PAYMENTSKEY00001', 'serviceAccount:sa-pay0001']);
  });

  void it('finds a key under "apiKey" in JSON but not a 16-character hex value under another name', () => {
    assert.deepEqual(ids(JSON_FILE), ['apiKey:ADALOVELACE00001', 'environment:env-456xy', 'roleBinding:rb-12ab34']);
  });

  void it('finds IDs in TypeScript strings and URL paths; prose words and prefixed words are not IDs', () => {
    assert.deepEqual(ids(TYPESCRIPT), ['apiKey:ABCD1234567890AB', 'environment:env-prod01', 'serviceAccount:sa-disp001']);
  });

  void it('finds IDs in Python and a key CRN, trimming the sentence full stop', () => {
    const found = findReferences(PYTHON);
    assert.deepEqual(found.map((r) => `${r.kind}:${r.id}`), [
      'kafkaCluster:lkc-prod01', 'environment:env-prod01', 'apiKey:PAYMENTSCLOUD001', 'user:u-12345',
      'crn:crn://confluent.cloud/organization=9bb441c4-edef-46ac-8a41-c49e44a3fd9a/user=u-rst9876/api-key=ABCDEFG987654321',
      'user:u-rst9876', 'apiKey:ABCDEFG987654321',
    ]);
    for (const r of found) assert.equal(PYTHON.slice(r.start, r.end), r.id, 'offsets point at the text');
  });

  void it('rejects the usual false positives', () => {
    for (const text of ['u-turn', 'env-var', 'sa-ve', 'env-staging', 'lkc-abc', 'sa-abcdefghijk1', 'my-sa-abc123', 'sa-abc123-x', 'u-1234', 'env-ABC123', 'ABCDEFGHIJKLMNOP is a key?']) {
      assert.deepEqual(ids(text), [], text);
    }
  });

  void it('an ID inside a CRN is what a hover resolves; elsewhere on the CRN the CRN itself', () => {
    const text = 'x crn://confluent.cloud/organization=o/service-account=sa-abc y';
    const refs = findReferences(text);
    assert.equal(referenceAt(refs, text.indexOf('sa-abc') + 2)?.id, 'sa-abc', 'all-letter IDs count inside a CRN segment');
    assert.equal(referenceAt(refs, text.indexOf('organization'))?.kind, 'crn');
    assert.equal(referenceAt(refs, 0), undefined);
  });
});
