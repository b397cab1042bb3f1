import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCloudApiError } from '../../../src/cloud/errors';
import { parseResponse } from '../../../src/cloud/parse';
import { RoleBinding, RoleBindingList } from '../../../src/cloud/schemas/roleBinding';

const rb = (i: number, extra: Record<string, unknown> = {}) => ({
  id: `rb-${i}`, principal: 'User:sa-1', role_name: 'DeveloperRead', crn_pattern: 'crn://confluent.cloud/organization=o', ...extra,
});

void describe('role binding schema', () => {
  void it('accepts drift: older api_version, unknown fields, missing, empty or null metadata', () => {
    const list = parseResponse(RoleBindingList, {
      api_version: 'iam/v1', kind: 'RoleBindingList', metadata: {},
      data: [rb(1, { api_version: 'iam/v1', x_internal: { a: 1 } }), rb(2, { metadata: {} }), rb(3, { metadata: null }), rb(4, { metadata: { self: 'x', labels: { a: 'b' } } })],
    }, { action: 'list role bindings' });
    assert.equal(list.data.length, 4);
    assert.deepEqual(Object.keys(list.data[0]!).sort(), ['crn_pattern', 'id', 'principal', 'role_name']);
    assert.equal(list.data[3]!.metadata?.self, 'x');
  });

  void it('keeps a role this version does not know as it is', () => {
    assert.equal(parseResponse(RoleBinding, rb(1, { role_name: 'QuantumAdmin' }), { action: 'get role binding' }).role_name, 'QuantumAdmin');
  });

  void it('names the missing field of the binding that lacks it', () => {
    assert.throws(() => parseResponse(RoleBindingList, { data: [rb(0), { id: 'rb-1', principal: 'User:u-1', role_name: 'X' }] }, { action: 'list role bindings' }),
      (e: unknown) => isCloudApiError(e) && e.reason === 'schema' && /data\[1\]\.crn_pattern/.test(`${e.field ?? ''} ${e.message}`));
  });
});
