import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { isConfluentCloudEndpoint, isLoopbackHost, normalizeEndpoint, validateEndpoint } from '../../../src/auth/endpoints';
import { consoleUrl } from '../../../src/explorer/consoleUrls';
import { formatRequestLine } from '../../../src/logging';

void describe('validateEndpoint', () => {
  void it('accepts https anywhere and http on loopback', () => {
    assert.equal(validateEndpoint('https://api.confluent.cloud'), undefined);
    assert.equal(validateEndpoint('http://127.0.0.1:8787'), undefined);
    assert.equal(validateEndpoint('http://localhost:8787/'), undefined);
    assert.equal(validateEndpoint('http://[::1]:8787'), undefined);
  });

  void it('rejects http elsewhere, junk, and credentials in the URL', () => {
    assert.match(validateEndpoint('http://example.com') ?? '', /only allowed/);
    assert.ok(validateEndpoint('not a url'));
    assert.ok(validateEndpoint('ftp://127.0.0.1'));
    assert.ok(validateEndpoint('https://key:secret@example.com'));
    assert.ok(validateEndpoint(''));
  });

  void it('isLoopbackHost covers 127/8 but not look-alikes', () => {
    assert.ok(isLoopbackHost('127.4.5.6'));
    assert.ok(!isLoopbackHost('127.0.0.1.evil.example'));
  });

  void it('normalises and recognises the public endpoint', () => {
    assert.equal(normalizeEndpoint('https://api.confluent.cloud/'), 'https://api.confluent.cloud');
    assert.ok(isConfluentCloudEndpoint('https://api.confluent.cloud/'));
    assert.ok(!isConfluentCloudEndpoint('http://127.0.0.1:8787'));
  });
});

void describe('consoleUrl', () => {
  void it('links clusters under their environment and encodes IDs', () => {
    assert.equal(
      consoleUrl({ kind: 'kafkaCluster', id: 'lkc-1', environmentId: 'env-1' }),
      'https://confluent.cloud/environments/env-1/clusters/lkc-1/overview',
    );
  });

  void it('refuses IDs that are not one safe path segment', () => {
    for (const id of ['.', '..', '%2e%2E', 'x/../../../../logout', 'sa/../x', 'sa%2F..%2Fx', 'a?b', 'a#b', 'a b', '', 'sa-1\u202e']) {
      assert.throws(() => consoleUrl({ kind: 'serviceAccount', id }), /not a valid resource ID/, JSON.stringify(id));
    }
    assert.throws(() => consoleUrl({ kind: 'kafkaCluster', id: 'lkc-1', environmentId: '..' }), /not a valid resource ID/);
  });

  void it('builds links with nothing a URI parser would decode or resolve', () => {
    const url = consoleUrl({ kind: 'apiKey', id: 'ABCDEF12345_~-x' });
    assert.equal(url, 'https://confluent.cloud/settings/api-keys/ABCDEF12345_~-x/settings');
    assert.equal(new URL(url).href, url);
    assert.doesNotMatch(url, /%/);
  });

  void it('does not echo a hostile ID as markup in its refusal', () => {
    assert.throws(() => consoleUrl({ kind: 'user', id: '[x](command:workbench.action.quit)' }), (error: Error) => !error.message.includes(']('));
  });
});

void describe('formatRequestLine', () => {
  void it('writes method, path, status, time, request id and attempt', () => {
    assert.equal(
      formatRequestLine({ method: 'get', path: '/iam/v2/users?page_size=50', status: 200, ms: 83.4, requestId: 'r-1', attempt: 1 }),
      'GET /iam/v2/users?page_size=50 → 200 in 83 ms (request r-1, attempt 1)',
    );
  });

  void it('hides page tokens', () => {
    assert.equal(
      formatRequestLine({ method: 'GET', path: '/iam/v2/users?page_size=5&page_token=abc', status: 200 }),
      'GET /iam/v2/users?page_size=5&page_token=… → 200',
    );
  });
});
