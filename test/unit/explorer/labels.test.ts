import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { clusterDescription, folderDescription, formatAuthType, formatCount, formatDate, oneLine } from '../../../src/explorer/labels';

void describe('folderDescription', () => {
  void it('is empty before the first page', () => {
    assert.equal(folderDescription({ loaded: 0, complete: false, started: false }), '');
  });

  void it('shows loaded of total with locale grouping', () => {
    assert.equal(
      folderDescription({ loaded: 50, total: 1523, complete: false, started: true }),
      `50 of ${(1523).toLocaleString()}`,
    );
  });

  void it('shows just the count when everything is loaded', () => {
    assert.equal(folderDescription({ loaded: 7, total: 7, complete: true, started: true }), '7');
    assert.equal(folderDescription({ loaded: 7, complete: true, started: true }), '7');
  });

  void it('marks an open-ended count when no total is known', () => {
    assert.equal(folderDescription({ loaded: 50, complete: false, started: true }), '50+');
  });

  void it('shows the filter and the matches', () => {
    assert.equal(
      folderDescription({ loaded: 100, complete: false, started: true, filter: 'pay', matches: 3 }),
      '3 matching so far · contains "pay"',
    );
    assert.equal(
      folderDescription({ loaded: 100, complete: true, started: true, filter: 'pay', matches: 3 }),
      '3 matching · contains "pay"',
    );
  });
});

void describe('small formatters', () => {
  void it('formatCount groups digits like toLocaleString', () => {
    assert.equal(formatCount(1523), (1523).toLocaleString());
  });

  void it('formatDate keeps the UTC date and ignores junk', () => {
    assert.equal(formatDate('2024-03-01T23:59:59Z'), '2024-03-01');
    assert.equal(formatDate('not a date'), undefined);
    assert.equal(formatDate(undefined), undefined);
  });

  void it('formatAuthType drops the enum prefix', () => {
    assert.equal(formatAuthType('AUTH_TYPE_SSO'), 'SSO');
    assert.equal(formatAuthType('AUTH_TYPE_LOCAL'), 'LOCAL');
    assert.equal(formatAuthType('SOMETHING_NEW'), 'SOMETHING_NEW');
  });

  void it('clusterDescription joins what is known', () => {
    assert.equal(clusterDescription('aws', 'us-east-2', 'Basic'), 'AWS · us-east-2 · Basic');
    assert.equal(clusterDescription(undefined, 'eu-west-1'), 'eu-west-1');
  });

  void it('oneLine flattens and truncates', () => {
    assert.equal(oneLine('a\n  b'), 'a b');
    assert.equal(oneLine('x'.repeat(10), 5), 'xxxx…');
    assert.equal(oneLine('   '), undefined);
  });
});
