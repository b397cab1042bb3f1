// Onboard an Application… driven through its real QuickInput boxes, as a person runs it from the
// organization's context menu: no automation input, so every step (name, cluster, access, topic
// match, topic, consumer group, confirmation) is answered in the box the extension created. The
// happy path asks no modal; the dialog seam records the messages and fails on any modal.
import * as assert from 'node:assert/strict';
import { FIXTURES } from '../../sandbox/fixtures';
import { ROLE_BINDING_FIXTURES } from '../../sandbox/roleBindingFixtures';
import type { Outcome } from '../../src/commands/commandOutcome';
import { requests, secretTabs, valueOf } from './commandsSupport';
import { chooseItem, start, typeAndAccept, useInteractiveTests } from './frictionSupport';
import { waitFor } from './helpers';

const SERVICE_ACCOUNTS = '/iam/v2/service-accounts';
const BINDINGS = '/iam/v2/role-bindings';
const API_KEYS = '/iam/v2/api-keys';
const PROD_KAFKA = `${ROLE_BINDING_FIXTURES.crn.productionCluster}/kafka=${FIXTURES.productionCluster.id}`;

interface Onboarded {
  serviceAccount: { id: string; display_name: string };
  bindings: { id: string; principal: string; role_name: string; crn_pattern: string }[];
  apiKey: { id: string; spec: { secret?: string | null } };
}

describe('Onboard an Application through real QuickInput boxes', function () {
  this.timeout(60_000);
  const ctx = useInteractiveTests();

  it('onboards from the organization row step by step: one account, three bindings, one key, then the secret view (no modal)', async () => {
    const { org } = ctx;
    const outcome = start<Outcome<Onboarded>>('confluentCloud.onboardApplication', org);

    const name = await ctx.inputs.next('inputBox');
    await typeAndAccept(name, 'ledger-app');
    await chooseItem(await ctx.inputs.next('quickPick'), (i) => i.description === FIXTURES.productionCluster.id);
    await chooseItem(await ctx.inputs.next('quickPick'), (i) => i.label === 'Read and write');
    await chooseItem(await ctx.inputs.next('quickPick'), (i) => i.label === 'Topics starting with a prefix');
    await typeAndAccept(await ctx.inputs.next('inputBox'), 'ledger-');
    await typeAndAccept(await ctx.inputs.next('inputBox'), 'ledger-app');

    const confirm = await ctx.inputs.next('quickPick');
    const detail = await waitFor(() => confirm.items[0]?.detail, 5_000, 'the plan in the confirmation');
    assert.match(detail, /Service account 'ledger-app'/);
    assert.match(detail, /DeveloperRead on topics starting with 'ledger-'/);
    assert.match(detail, /DeveloperWrite on topics starting with 'ledger-'/);
    assert.match(detail, /API key on/);
    assert.equal((await requests('POST', SERVICE_ACCOUNTS)).length, 0, 'nothing created before the confirmation');
    assert.equal((await requests('POST', BINDINGS)).length, 0);
    assert.equal((await requests('POST', API_KEYS)).length, 0);
    await chooseItem(confirm, (i) => i.label === 'Create');

    const made = valueOf(await outcome);
    assert.equal(made.serviceAccount.display_name, 'ledger-app');
    assert.equal(made.apiKey.spec.secret ?? undefined, undefined, 'no secret in the outcome');

    const accountPosts = await requests('POST', SERVICE_ACCOUNTS);
    assert.equal(accountPosts.length, 1, 'exactly one service-account POST');
    assert.ok(accountPosts[0]!.status < 300);
    const bindingPosts = await requests('POST', BINDINGS);
    assert.equal(bindingPosts.length, 3, 'one POST per role binding');
    assert.ok(bindingPosts.every((r) => r.status < 300));
    const keyPosts = await requests('POST', API_KEYS);
    assert.equal(keyPosts.length, 1, 'exactly one API-key POST');
    assert.ok(keyPosts[0]!.status < 300);

    const principal = `User:${made.serviceAccount.id}`;
    const expected = [
      ['DeveloperRead', `${PROD_KAFKA}/group=ledger-app`],
      ['DeveloperRead', `${PROD_KAFKA}/topic=ledger-*`],
      ['DeveloperWrite', `${PROD_KAFKA}/topic=ledger-*`],
    ];
    assert.deepEqual(made.bindings.map((b) => [b.role_name, b.crn_pattern]).sort(), expected);
    assert.ok(made.bindings.every((b) => b.principal === principal), 'every binding is for the new account');
    // What the sandbox now holds, as it was POSTed.
    const { connection } = ctx;
    const stored = await Promise.all(made.bindings.map((b) => connection.client.roleBindings.get(b.id)));
    assert.deepEqual(stored.map((b) => [b.principal, b.role_name, b.crn_pattern]).sort(), expected.map(([role, crn]) => [principal, role, crn]));
    const key = await connection.client.apiKeys.get(made.apiKey.id);
    assert.equal(key.spec.owner.id, made.serviceAccount.id);
    assert.equal(key.spec.resource?.id, FIXTURES.productionCluster.id);

    await waitFor(() => secretTabs().length === 1, 10_000, 'the secret view');
    const note = await waitFor(() => ctx.dialogs.notifications('info').find((r) => r.message.startsWith("Onboarded 'ledger-app'")), 10_000, 'the done notification');
    assert.match(note.message, new RegExp(`service account ${made.serviceAccount.id}, 3 role bindings and API key ${made.apiKey.id}`));
    assert.equal(ctx.dialogs.modals.length, 0, 'the happy path asks no modal');
  });
});
