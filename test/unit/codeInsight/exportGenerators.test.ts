import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { shellQuote, toCliCommand } from '../../../src/codeInsight/cliCommand';
import { hclString, terraformName, toTerraform, type ExportTarget } from '../../../src/codeInsight/terraform';

// Expected names are written out from the documentation, not taken from the generator:
// - Terraform: registry.terraform.io/providers/confluentinc/confluent/latest/docs/resources/
//   confluent_environment, confluent_kafka_cluster, confluent_service_account, confluent_api_key,
//   confluent_role_binding (argument reference and "Import" sections).
// - CLI: docs.confluent.io/confluent-cli/current/command-reference/ environment/confluent_environment_create,
//   kafka/cluster/confluent_kafka_cluster_create, iam/service-account/confluent_iam_service-account_create,
//   api-key/confluent_api-key_create, iam/rbac/role-binding/confluent_iam_rbac_role-binding_create.

const meta = (crn: string) => ({ created_at: '2021-01-04T09:00:00Z', resource_name: crn });
const ORG = '5f0c9d3e-8a21-4c6b-9e47-2b1d7a60c3f8';

const environment: ExportTarget = {
  kind: 'environment',
  resource: { id: 'env-prod01', display_name: 'Production', stream_governance_config: { package: 'ADVANCED' }, metadata: meta(`crn://confluent.cloud/organization=${ORG}/environment=env-prod01`) },
};
const cluster: ExportTarget = {
  kind: 'kafkaCluster',
  resource: {
    id: 'lkc-prod01',
    spec: { display_name: 'orders-prod', availability: 'MULTI_ZONE', cloud: 'AWS', region: 'us-east-1', config: { kind: 'Dedicated', cku: 2 }, environment: { id: 'env-prod01' } },
    status: { phase: 'PROVISIONED' },
  },
};
const serviceAccount: ExportTarget = {
  kind: 'serviceAccount', resource: { id: 'sa-pay0001', display_name: 'payments-service', description: 'Moves money between ledgers' },
};
const clusterKey: ExportTarget = {
  kind: 'apiKey',
  resource: {
    id: 'PAYMENTSKEY00001',
    spec: {
      display_name: 'payments producer', description: 'rotated quarterly',
      owner: { id: 'sa-pay0001', api_version: 'iam/v2', kind: 'ServiceAccount' },
      resource: { id: 'lkc-prod01', environment: 'env-prod01', api_version: 'cmk/v2', kind: 'Cluster' },
    },
  },
};
const cloudKey: ExportTarget = {
  kind: 'apiKey', resource: { id: 'PAYMENTSCLOUD001', spec: { display_name: 'payments cloud key', owner: { id: 'sa-pay0001' }, resource: null } },
};
const roleBinding: ExportTarget = {
  kind: 'roleBinding',
  resource: {
    id: 'rb-abc123', principal: 'User:sa-pay0001', role_name: 'DeveloperRead',
    crn_pattern: `crn://confluent.cloud/organization=${ORG}/environment=env-prod01/cloud-cluster=lkc-prod01/kafka=lkc-prod01/topic=orders-*`,
  },
};

/** `name = value` pairs of a block body, whatever the alignment. */
const attributes = (hcl: string) => [...hcl.matchAll(/^\s*([a-z_]+)\s+=\s+(.+)$/gm)].map((m) => [m[1], m[2]]);

void describe('Copy as Terraform', () => {
  void it('environment: confluent_environment with display_name and stream_governance { package }; imported by ID', () => {
    const hcl = toTerraform(environment);
    assert.match(hcl, /^resource "confluent_environment" "production" \{/);
    assert.match(hcl, /stream_governance \{\s+package = "ADVANCED"\s+\}/);
    assert.match(hcl, /import \{\s+to = confluent_environment\.production\s+id = "env-prod01"\s+\}/);
  });

  void it('Kafka cluster: availability, cloud, region, a dedicated { cku } block and environment { id }; imported as <env>/<cluster>', () => {
    const hcl = toTerraform(cluster);
    assert.match(hcl, /^resource "confluent_kafka_cluster" "orders_prod" \{/);
    assert.deepEqual(attributes(hcl).slice(0, 6), [
      ['display_name', '"orders-prod"'], ['availability', '"MULTI_ZONE"'], ['cloud', '"AWS"'], ['region', '"us-east-1"'], ['cku', '2'], ['id', '"env-prod01"'],
    ]);
    assert.match(hcl, /dedicated \{\s+cku = 2\s+\}/);
    assert.match(hcl, /environment \{\s+id = "env-prod01"\s+\}/);
    assert.match(hcl, /id = "env-prod01\/lkc-prod01"/);
  });

  void it('a Basic cluster gets an empty basic {} block', () => {
    const basic: ExportTarget = { ...cluster, resource: { ...cluster.resource, spec: { ...cluster.resource.spec, config: { kind: 'Basic' } } } };
    assert.match(toTerraform(basic), /\n {2}basic \{\}\n/);
  });

  void it('service account: display_name and description; imported by ID', () => {
    const hcl = toTerraform(serviceAccount);
    assert.match(hcl, /^resource "confluent_service_account" "payments_service" \{/);
    assert.deepEqual(attributes(hcl), [['display_name', '"payments-service"'], ['description', '"Moves money between ledgers"'], ['to', 'confluent_service_account.payments_service'], ['id', '"sa-pay0001"']]);
  });

  void it('Kafka API key: owner { id api_version kind } and managed_resource { id api_version kind environment { id } }; imported as <env>/<key>', () => {
    const hcl = toTerraform(clusterKey);
    assert.match(hcl, /^resource "confluent_api_key" "payments_producer" \{/);
    assert.match(hcl, /owner \{\s+id\s+= "sa-pay0001"\s+api_version = "iam\/v2"\s+kind\s+= "ServiceAccount"\s+\}/);
    assert.match(hcl, /managed_resource \{\s+id\s+= "lkc-prod01"\s+api_version = "cmk\/v2"\s+kind\s+= "Cluster"\s+environment \{\s+id = "env-prod01"\s+\}\s+\}/);
    assert.match(hcl, /id = "env-prod01\/PAYMENTSKEY00001"/);
    assert.doesNotMatch(hcl, /secret/);
  });

  void it('Cloud API key: no managed_resource; imported by the key ID alone', () => {
    const hcl = toTerraform(cloudKey);
    assert.doesNotMatch(hcl, /managed_resource/);
    assert.match(hcl, /kind\s+= "ServiceAccount"/, 'the owner kind follows from the sa- prefix when the API leaves it out');
    assert.match(hcl, /id = "PAYMENTSCLOUD001"\n\}/);
  });

  void it('role binding: principal, role_name, crn_pattern; imported by rb- ID', () => {
    const hcl = toTerraform(roleBinding);
    assert.match(hcl, /^resource "confluent_role_binding" "rb_abc123" \{/);
    assert.deepEqual(attributes(hcl).slice(0, 3).map(([k]) => k), ['principal', 'role_name', 'crn_pattern']);
    assert.match(hcl, /id = "rb-abc123"/);
  });

  void it('hostile names stay literal strings: quotes, backslashes, interpolation, directives, newlines, bidi controls', () => {
    assert.equal(hclString('a"b\\c'), '"a\\"b\\\\c"');
    assert.equal(hclString('${file("/etc/passwd")}'), '"$${file(\\"/etc/passwd\\")}"');
    assert.equal(hclString('%{ if true }x%{ endif }'), '"%%{ if true }x%%{ endif }"');
    assert.equal(hclString('line1\nline2'), '"line1\\nline2"');
    assert.equal(hclString('\u202Eevil'), '"\\u202eevil"');
    const hcl = toTerraform({ kind: 'serviceAccount', resource: { id: 'sa-x1', display_name: '"}\nresource "x" "y" {', description: '' } });
    assert.equal(hcl.match(/^resource /gm)?.length, 1, 'a name cannot open a second block');
  });

  void it('resource names are valid identifiers whatever the display name', () => {
    assert.equal(terraformName('Analytics 📊 Ünïcode', 'env-1'), 'analytics_unicode');
    assert.equal(terraformName('123 go', 'env-1'), '_123_go');
    assert.equal(terraformName('<img src=x onerror=alert(1)>', 'sa-1'), 'img_src_x_onerror_alert_1');
    assert.equal(terraformName('支付服务', 'sa-pay0001'), 'sa_pay0001');
    assert.equal(terraformName(undefined, 'PAYMENTSKEY00001'), 'paymentskey00001');
  });
});

void describe('Copy as CLI Command', () => {
  void it('environment: confluent environment create <name> --governance-package', () => {
    assert.equal(toCliCommand(environment), 'confluent environment create Production --governance-package advanced');
  });

  void it('Kafka cluster: confluent kafka cluster create <name> --cloud --region --type --cku --availability --environment', () => {
    assert.equal(toCliCommand(cluster), 'confluent kafka cluster create orders-prod --cloud aws --region us-east-1 --type dedicated --cku 2 --availability multi-zone --environment env-prod01');
  });

  void it('service account: confluent iam service-account create <name> --description (required by the CLI)', () => {
    assert.equal(toCliCommand(serviceAccount), "confluent iam service-account create payments-service --description 'Moves money between ledgers'");
    assert.equal(toCliCommand({ kind: 'serviceAccount', resource: { id: 'sa-1', display_name: 'x' } }), "confluent iam service-account create x --description ''");
  });

  void it('API key: confluent api-key create --resource --service-account --environment --description; Cloud keys use --resource cloud', () => {
    assert.equal(toCliCommand(clusterKey), "confluent api-key create --resource lkc-prod01 --service-account sa-pay0001 --environment env-prod01 --description 'rotated quarterly'");
    assert.equal(toCliCommand(cloudKey), 'confluent api-key create --resource cloud --service-account sa-pay0001');
    const userKey = { kind: 'apiKey', resource: { id: 'ADALOVELACE00001', spec: { owner: { id: 'u-ada1815' }, resource: { id: 'lkc-prod01', environment: 'env-prod01' } } } } as ExportTarget;
    assert.match(toCliCommand(userKey), /^confluent api-key create --resource lkc-prod01 --environment env-prod01 {2}# .*u-ada1815/);
  });

  void it('role binding: --principal --role --environment --cloud-cluster --kafka-cluster --resource Topic:<name> --prefix', () => {
    assert.equal(toCliCommand(roleBinding),
      'confluent iam rbac role-binding create --principal User:sa-pay0001 --role DeveloperRead --environment env-prod01 --cloud-cluster lkc-prod01 --kafka-cluster lkc-prod01 --resource Topic:orders- --prefix');
    const envScope = { kind: 'roleBinding', resource: { ...roleBinding.resource, crn_pattern: `crn://confluent.cloud/organization=${ORG}/environment=env-prod01` } } as ExportTarget;
    assert.equal(toCliCommand(envScope), 'confluent iam rbac role-binding create --principal User:sa-pay0001 --role DeveloperRead --environment env-prod01');
    const allTopics = { kind: 'roleBinding', resource: { ...roleBinding.resource, crn_pattern: roleBinding.resource.crn_pattern.replace('orders-*', '*') } } as ExportTarget;
    assert.match(toCliCommand(allTopics), /--resource 'Topic:\*'$/);
  });

  void it('quotes anything a shell would interpret', () => {
    assert.equal(shellQuote('plain-name_1.2'), 'plain-name_1.2');
    assert.equal(shellQuote("it's $(rm -rf ~) `x`"), `'it'\\''s $(rm -rf ~) \`x\`'`);
    assert.equal(shellQuote(''), "''");
    assert.match(toCliCommand({ kind: 'environment', resource: { id: 'env-1', display_name: '[click](command:x); rm -rf /' } }), /create '\[click\]\(command:x\); rm -rf \/'$/);
  });
});
