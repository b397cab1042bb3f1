import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { CloudApiError } from '../../../src/cloud/errors';
import { describeLoadError } from '../../../src/explorer/errorText';
import { emptyFolderText, folderTooltip, notLoadedNotice, stopNotice } from '../../../src/explorer/folderText';
import { chosenFilterMode, effectiveFilterMode, searchForMatches } from '../../../src/explorer/nodes/folderFilter';
import { roleHint, roleHintForKind } from '../../../src/explorer/requiredRoles';

const forbidden = (): CloudApiError => new CloudApiError({ reason: 'http', action: 'list users', summary: 'forbidden', status: 403, code: 'user_unauthorized' });

void describe('folder wording', () => {
  void it('says how a filter matches in the tooltip', () => {
    assert.equal(folderTooltip('Users', undefined, false), 'Users');
    assert.equal(folderTooltip('Service accounts', 'pay', true),
      'Service accounts named exactly "pay" (Confluent Cloud searches every page, exact and case-sensitive)');
    assert.equal(folderTooltip('Users', 'ada', false),
      'Users containing "ada" in loaded pages (any case; more pages are fetched until a page of matches shows)');
    assert.ok(!folderTooltip('Users', 'a\u202Eb', false).includes('\u202E'), 'the filter is one plain line');
  });

  void it('says why paging stopped, and nothing when it did not', () => {
    assert.equal(stopNotice(undefined, 10), undefined);
    assert.equal(stopNotice('limit', 10_000)?.message, '10,000 loaded, stopped at the limit');
    assert.match(stopNotice('limit', 10_000)?.hint ?? '', /confluentCloud\.loadAllLimit/);
    assert.equal(stopNotice('repeatedToken', 1500)?.message, "1,500 loaded, stopped: the server's pages go nowhere");
    assert.match(stopNotice('repeatedToken', 1)?.hint ?? '', /token it had sent before/);
    assert.match(stopNotice('noProgress', 1)?.hint ?? '', /empty pages/);
  });

  void it('words empty and unloaded folders', () => {
    assert.equal(emptyFolderText('service accounts', undefined), 'No service accounts');
    assert.equal(emptyFolderText('service accounts', 'x'), 'No service accounts match "x"');
    assert.deepEqual(notLoadedNotice(), { message: 'Not loaded', hint: 'Refresh the folder to load it.' });
  });
});

void describe('load errors by subject', () => {
  void it('words a first page and a further one', () => {
    const error = new Error('boom');
    assert.equal(describeLoadError({ noun: 'users' }, error).label, "Couldn't load users: boom");
    assert.equal(describeLoadError({ noun: 'users', more: true }, error).label, "Couldn't load more users: boom");
    assert.equal(describeLoadError('more users', error).label, "Couldn't load more users: boom");
  });

  void it('names the role by kind, whatever the noun says', () => {
    const d = describeLoadError({ noun: 'Benutzer', more: true, kind: 'user' }, forbidden());
    assert.equal(d.label, "Couldn't load more Benutzer: 403 user_unauthorized; needs the OrganizationAdmin or AccountAdmin role");
    assert.match(d.detail, /Listing Benutzer needs the OrganizationAdmin or AccountAdmin role\./);
    assert.equal(describeLoadError({ noun: 'Benutzer' }, forbidden()).label, "Couldn't load Benutzer: 403 user_unauthorized", 'no kind, no guess');
  });

  void it('keys every kind of the tree to a row of the role table', () => {
    for (const kind of ['environment', 'kafkaCluster', 'serviceAccount', 'user', 'apiKey', 'roleBinding'] as const) {
      assert.ok(roleHintForKind(kind, 'list'), kind);
    }
    assert.equal(roleHintForKind('environment', 'create'), roleHint('environment', 'create'));
    assert.equal(roleHint('environment', 'create'), 'the OrganizationAdmin role');
    assert.equal(roleHintForKind('kafkaCluster', 'list'), 'the OrganizationAdmin, EnvironmentAdmin or CloudClusterAdmin role');
  });
});

void describe('filter modes', () => {
  void it('lets only server-filtered folders choose, exact by default', () => {
    assert.equal(chosenFilterMode(false, 'x', 'exact'), undefined);
    assert.equal(chosenFilterMode(true, undefined, 'contains'), undefined);
    assert.equal(chosenFilterMode(true, 'x', undefined), 'exact');
    assert.equal(chosenFilterMode(true, 'x', 'contains'), 'contains');
    assert.equal(effectiveFilterMode(true, undefined), 'exact');
    assert.equal(effectiveFilterMode(false, undefined), 'contains');
    assert.equal(effectiveFilterMode(true, 'contains'), 'contains');
  });

  void it('searches pages until enough match, the list ends or the signal aborts', async () => {
    const run = async (pages: number[], target: number, abortAfter?: number): Promise<number> => {
      const abort = new AbortController();
      let fetched = 0;
      let matches = 0;
      await searchForMatches({
        hasMore: () => fetched < pages.length,
        matches: () => matches,
        fetchNext: () => {
          matches += pages[fetched++]!;
          if (fetched === abortAfter) abort.abort();
          return Promise.resolve();
        },
      }, target, abort.signal);
      return fetched;
    };
    assert.equal(await run([0, 0, 3, 5], 2), 3, 'stops at the page that brings enough matches');
    assert.equal(await run([0, 0, 0], 2), 3, 'stops at the last page');
    assert.equal(await run([0, 0, 0, 0], 2, 2), 2, 'stops when the signal aborts');
    assert.equal(await run([1, 1], 0), 0, 'fetches nothing when enough already match');
  });
});
