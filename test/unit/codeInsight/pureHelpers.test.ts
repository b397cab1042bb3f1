import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { completionContext, nextCrnSegments } from '../../../src/codeInsight/completionContext';
import { crnStructureProblem } from '../../../src/codeInsight/crnParts';
import { envReplacement, fileFamily } from '../../../src/codeInsight/envReference';
import { crnHover, HOVER_COMMANDS, hoverMarkdown } from '../../../src/codeInsight/hoverMarkdown';
import { ageBadge, ageText, keyAgeDays, rotationPolicyDays } from '../../../src/codeInsight/keyAge';
import { reviewRow, rowsToCsv, sortRows } from '../../../src/codeInsight/keyReviewModel';
import { linkTargets } from '../../../src/codeInsight/linkTargets';
import { findReferences } from '../../../src/codeInsight/idPatterns';
import type { LookupConnection } from '../../../src/codeInsight/resourceLookup';
import type { ApiKey } from '../../../src/cloud/schemas/apiKey';

const SECRET = `cflt${'Ab3+/xYz9Q'.repeat(6)}`;
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 1);

/** Applies edits (non-overlapping, any order) to text. */
function apply(text: string, edits: readonly { start: number; end: number; newText: string }[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

function replaced(fileName: string, text: string): string | undefined {
  const start = text.indexOf(SECRET);
  const r = envReplacement(fileFamily('plaintext', fileName), text, start, start + SECRET.length);
  return r && apply(text, r.edits);
}

void describe('environment variable replacement', () => {
  void it('uses each file type\'s syntax and removes the quotes around the literal', () => {
    assert.equal(replaced('client.properties', `sasl.password=${SECRET}`), 'sasl.password=${env:CONFLUENT_API_SECRET}');
    assert.equal(replaced('deploy.yaml', `password: "${SECRET}"`), 'password: "${CONFLUENT_API_SECRET}"');
    assert.equal(replaced('main.tf', `api_secret = "${SECRET}"`), 'api_secret = var.confluent_api_secret');
    assert.equal(replaced('app.ts', `const s = '${SECRET}';`), 'const s = process.env.CONFLUENT_API_SECRET;');
    assert.equal(replaced('app.py', `s = "${SECRET}"`), 'import os\ns = os.environ["CONFLUENT_API_SECRET"]');
    assert.equal(replaced('app.py', `import os\ns = "${SECRET}"`), 'import os\ns = os.environ["CONFLUENT_API_SECRET"]');
  });

  void it('offers nothing where a reference makes no sense', () => {
    assert.equal(replaced('.env', `SECRET=${SECRET}`), undefined, '.env files define the variables');
    assert.equal(replaced('prod.env', `SECRET=${SECRET}`), undefined);
    assert.equal(replaced('config.json', `{"s": "${SECRET}"}`), undefined);
    assert.equal(replaced('prod.tfvars', `s = "${SECRET}"`), undefined);
    assert.equal(replaced('app.ts', `const s = \`x${SECRET}\`;`), undefined, 'not a whole literal');
  });
});

void describe('CRN structure', () => {
  const org = 'crn://confluent.cloud/organization=5f0c9d3e';
  void it('accepts the CRN shapes the API returns', () => {
    for (const crn of [
      `${org}`, `${org}/environment=env-prod01`, `${org}/environment=env-prod01/cloud-cluster=lkc-prod01`,
      `${org}/environment=env-prod01/cloud-cluster=lkc-prod01/kafka=lkc-prod01/topic=orders`,
      `${org}/service-account=sa-pay0001`, `${org}/user=u-ada1815/api-key=ADALOVELACE00001`,
      `${org}/service-account=sa-pay0001/api-key=PAYMENTSKEY00001`, 'crn://confluent.cloud/service-account=sa-12345',
    ]) assert.equal(crnStructureProblem(crn), undefined, crn);
  });

  void it('names the part that does not fit', () => {
    assert.match(crnStructureProblem(`${org}/environment=env-1/cloud-cluster=lkc-a/kafka=lkc-b/topic=x`) ?? '', /kafka=lkc-b must name the same cluster as cloud-cluster=lkc-a/);
    assert.match(crnStructureProblem(`${org}/service-account=u-ada1815`) ?? '', /service-account ID 'u-ada1815' does not look like sa-/);
    assert.match(crnStructureProblem(`${org}/environment=lkc-prod01`) ?? '', /environment ID 'lkc-prod01'/);
    assert.match(crnStructureProblem(`${org}/user=u-1/environment=env-1`) ?? '', /cannot follow user/);
    assert.match(crnStructureProblem(`${org}/cloud-cluster=lkc-1`) ?? '', /cloud-cluster must come after environment/);
  });
});

void describe('API key age and review rows', () => {
  const key = (id: string, createdDaysAgo: number, owner: string, resource: string | null): ApiKey => ({
    id, metadata: { created_at: new Date(NOW - createdDaysAgo * DAY).toISOString() },
    spec: { owner: { id: owner }, resource: resource ? { id: resource } : null, display_name: `=HYPERLINK("x") ${id}` },
  });

  void it('measures age in whole days and compares it with the policy', () => {
    assert.equal(keyAgeDays(new Date(NOW - 91.5 * DAY).toISOString(), NOW), 91);
    assert.equal(keyAgeDays('not a date', NOW), undefined);
    assert.equal(ageBadge(new Date(NOW - 91 * DAY).toISOString(), 90, NOW), '⚠ 91 d old');
    assert.equal(ageBadge(new Date(NOW - 90 * DAY).toISOString(), 90, NOW), undefined);
    assert.equal(ageText(new Date(NOW - 1 * DAY).toISOString(), 90, NOW), '1 day (within the 90-day rotation policy)');
    assert.equal(rotationPolicyDays(undefined), 90);
    assert.equal(rotationPolicyDays(0), 90);
    assert.equal(rotationPolicyDays(30.7), 30);
  });

  void it('flags old keys, no traffic, deleted owners and users\' personal cluster keys, and sorts worst first', () => {
    const base = { organization: 'Org', organizationId: 'c1', policyDays: 90, now: NOW };
    const rows = [
      reviewRow({ ...base, key: key('FRESHKEY00000001', 5, 'sa-1', 'lkc-1'), owner: { name: 'app' }, lastActivity: NOW - DAY }),
      reviewRow({ ...base, key: key('OLDUSERKEY000001', 400, 'u-1', 'lkc-1'), owner: { name: 'Ada' }, lastActivity: null }),
      reviewRow({ ...base, key: key('ORPHANKEY0000001', 100, 'sa-gone1', null), owner: { deleted: true } }),
    ];
    assert.deepEqual(rows.map((r) => r.flags), [[], ['overdue', 'noTraffic', 'personalClusterKey'], ['overdue', 'ownerDeleted']]);
    assert.deepEqual(sortRows(rows, 'flags').map((r) => r.keyId), ['OLDUSERKEY000001', 'ORPHANKEY0000001', 'FRESHKEY00000001']);
    assert.deepEqual(sortRows(rows, 'age').map((r) => r.keyId), ['OLDUSERKEY000001', 'ORPHANKEY0000001', 'FRESHKEY00000001']);
    assert.deepEqual(sortRows(rows, 'activity').map((r) => r.keyId), ['OLDUSERKEY000001', 'FRESHKEY00000001', 'ORPHANKEY0000001']);
    const csv = rowsToCsv(rows, 90);
    const lines = csv.split('\r\n');
    assert.equal(lines[0], 'organization,key,display_name,owner_id,owner_name,resource,created_at,age_days,last_activity,role_bindings,flags');
    assert.ok(lines.every((l) => !l.includes(',=HYPERLINK')), 'formula-looking names are neutralised');
    assert.match(lines[2] ?? '', /,400,none,unknown,older than 90 days; no traffic in 30 days; a user's personal key on a cluster$/);
  });
});

void describe('completion context', () => {
  void it('recognises an ID prefix being typed and a CRN path', () => {
    assert.deepEqual(completionContext('  id = "sa-'), { type: 'id', prefix: 'sa-', start: 8, typed: 'sa-' });
    assert.deepEqual(completionContext('owner: u-ad'), { type: 'id', prefix: 'u-', start: 7, typed: 'u-ad' });
    assert.equal(completionContext('my-sa-'), undefined);
    assert.equal(completionContext('usa-'), undefined);
    const crn = completionContext('p = "crn://confluent.cloud/organization=o1/environment=env-1/cloud');
    assert.deepEqual(crn, {
      type: 'crn', segments: [{ key: 'organization', value: 'o1' }, { key: 'environment', value: 'env-1' }],
      start: 'p = "crn://confluent.cloud/organization=o1/environment=env-1/'.length, typed: 'cloud',
    });
    assert.deepEqual(nextCrnSegments([]), ['organization']);
    assert.deepEqual(nextCrnSegments([{ key: 'organization', value: 'o' }]), ['environment', 'service-account', 'user']);
    assert.deepEqual(nextCrnSegments([{ key: 'cloud-cluster', value: 'lkc-1' }]), ['kafka']);
  });
});

void describe('hover Markdown', () => {
  const connection = { id: 'c1', label: '[Org](command:workbench.action.quit)', client: {} } as unknown as LookupConnection;

  void it('escapes every API string and links only to allow-listed commands', () => {
    const md = hoverMarkdown('serviceAccount', 'sa-1x', {
      status: 'found',
      matches: [{ kind: 'serviceAccount', connection, resource: { id: 'sa-1x', display_name: '[click](command:workbench.action.quit) $(alert) <img src=x>', description: '**bold**', metadata: { resource_name: 'crn://confluent.cloud/organization=o/service-account=sa-1x' } } }],
    });
    assert.ok(!md.includes('[click](command:'), 'a name cannot become a link');
    assert.ok(md.includes('\\[click\\]\\(command\\:workbench\\.action\\.quit\\)'));
    assert.ok(md.includes('\\$\\(alert\\)'), 'no theme icon');
    assert.ok(md.includes('\\<img'), 'no HTML');
    const commands = [...md.matchAll(/\]\(command:([^?)]+)/g)].map((m) => m[1]);
    assert.ok(commands.length >= 4);
    for (const c of commands) assert.ok(HOVER_COMMANDS.includes(c ?? ''), `${c} is allow-listed`);
  });

  void it('says where it looked when nothing has the ID', () => {
    assert.match(hoverMarkdown('user', 'u-12345', { status: 'missing', checked: [connection] }), /Not found in \\\[Org\\\]/);
    assert.match(crnHover('crn://confluent.cloud/organization=o/environment=env-1', 'x'), /\*\*environment:\*\* env\\-1/);
  });
});

void describe('document links', () => {
  void it('one link per bare ID and one per CRN (to its innermost resource), never overlapping', () => {
    const text = 'a sa-pay0001 b crn://confluent.cloud/organization=o/service-account=sa-pay0001/api-key=PAYMENTSKEY00001 c pool-abc123';
    const links = linkTargets(findReferences(text));
    assert.deepEqual(links.map((l) => [text.slice(l.start, l.end).slice(0, 12), l.target.kind, l.target.id]), [
      ['sa-pay0001', 'serviceAccount', 'sa-pay0001'],
      ['crn://conflu', 'apiKey', 'PAYMENTSKEY00001'],
    ]);
  });
});
