import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { matchesFilter, normalizeFilter } from '../../../src/explorer/filterMatch';
import { detectResourceKind, validateResourceId } from '../../../src/explorer/resourceIds';

void describe('matchesFilter', () => {
  void it('matches a substring of any field, ignoring case', () => {
    assert.ok(matchesFilter('PAY', ['payments-service', 'sa-1']));
    assert.ok(matchesFilter('sa-1', ['payments-service', 'sa-1']));
    assert.ok(!matchesFilter('orders', ['payments-service', 'sa-1']));
  });

  void it('ignores accents and missing fields', () => {
    assert.ok(matchesFilter('jose', [undefined, null, 'José']));
  });

  void it('normalizeFilter trims and treats blank as no filter', () => {
    assert.equal(normalizeFilter('  pay '), 'pay');
    assert.equal(normalizeFilter('   '), undefined);
    assert.equal(normalizeFilter(undefined), undefined);
  });
});

void describe('detectResourceKind', () => {
  void it('recognises the documented prefixes', () => {
    assert.equal(detectResourceKind('env-abc123'), 'environment');
    assert.equal(detectResourceKind('lkc-c29js0'), 'kafkaCluster');
    assert.equal(detectResourceKind('sa-abc123'), 'serviceAccount');
    assert.equal(detectResourceKind(' u-a83k9b '), 'user');
  });

  void it('treats anything else as an API key', () => {
    assert.equal(detectResourceKind('ABCDEFGH123456789'), 'apiKey');
  });

  void it('validates the input', () => {
    assert.equal(validateResourceId('sa-1'), undefined);
    assert.ok(validateResourceId(''));
    assert.ok(validateResourceId('a b'));
    assert.ok(validateResourceId('x'.repeat(256)));
  });
});
