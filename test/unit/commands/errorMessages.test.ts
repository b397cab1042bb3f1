import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import * as l10n from '@vscode/l10n';
import { describeFailure, fieldFromPointer, fieldLabel } from '../../../src/commands/errorMessages';
import { CloudApiError, type CloudApiErrorInit } from '../../../src/cloud/errors';
import { roleInfo } from '../../../src/cloud/roleCatalogue';
import { rolesInTable } from '../../../src/explorer/requiredRoles';

const REQUEST_ID = '7f3c1a2b-9d4e-4f00-8a11-123456789abc';

function httpError(status: number, extra: Partial<CloudApiErrorInit> = {}): CloudApiError {
  return new CloudApiError({ reason: 'http', action: 'create service account', summary: extra.detail ?? 'failed', status, requestId: REQUEST_ID, ...extra });
}

const CREATE_SA = { verb: 'create', noun: 'service account', name: 'payments' };

void describe('describeFailure', () => {
  void it('409: already exists, on the name field, with code and request ID', () => {
    const d = describeFailure(httpError(409, { code: 'resource_already_exists', detail: "A service account named 'payments' already exists" }), CREATE_SA);
    assert.equal(d.message, "Couldn't create service account 'payments': a service account named 'payments' already exists (409 resource_already_exists, request 7f3c1a2b…).");
    assert.equal(d.field, 'display_name');
    assert.match(d.fieldMessage ?? '', /^A service account named 'payments' already exists\. Choose another\.$/);
    assert.equal(d.uncertain, false);
  });

  void it('409 on delete explains the conflict without blaming a field', () => {
    const d = describeFailure(httpError(409, { code: 'conflict', detail: 'Environment has active resources' }), { verb: 'delete', noun: 'environment', name: 'prod' });
    assert.equal(d.field, undefined);
    assert.match(d.message, /^Couldn't delete environment 'prod': environment has active resources \(it conflicts with/);
  });

  void it('402: quota, in plain words', () => {
    const d = describeFailure(httpError(402, { code: 'quota_exceeded', detail: 'Quota exceeded for service accounts' }), CREATE_SA);
    assert.match(d.message, /reached its quota for service accounts/);
    assert.match(d.message, /\(402 quota_exceeded, request 7f3c1a2b…\)\.$/);
  });

  void it('403: names the permission when the API does', () => {
    const withPermission = describeFailure(httpError(403, { code: 'user_unauthorized', detail: 'Missing permission CreateEnvironment:Organization' }),
      { verb: 'create', noun: 'environment', name: 'dev' });
    assert.match(withPermission.message, /not allowed to do this; it needs the CreateEnvironment:Organization permission, granted by the OrganizationAdmin role \(403 user_unauthorized/);
    const explicit = describeFailure(httpError(403, { permission: 'Delete:Environment' }), { verb: 'delete', noun: 'environment', name: 'dev' });
    assert.match(explicit.message, /needs the Delete:Environment permission, granted by the OrganizationAdmin or EnvironmentAdmin role/);
    const without = describeFailure(httpError(403, { detail: 'Forbidden' }), CREATE_SA);
    assert.match(without.message, /not allowed to do this; it needs the OrganizationAdmin or AccountAdmin role \(403/);
  });

  void it('403: names the role per kind and action, from the role table', () => {
    const key = describeFailure(httpError(403, {}), { verb: 'create', noun: 'API key' });
    assert.match(key.message, /it needs the OrganizationAdmin, AccountAdmin or ResourceKeyAdmin role/);
    const grant = describeFailure(httpError(403, {}), { verb: 'grant', noun: 'role binding' });
    assert.match(grant.message, /it needs the OrganizationAdmin or AccountAdmin role/);
    const unknown = describeFailure(httpError(403, {}), { verb: 'create', noun: 'widget' });
    assert.match(unknown.message, /not allowed to do this \(403, request/);
  });

  void it('every role the table names is in the role catalogue', () => {
    for (const role of rolesInTable()) assert.ok(roleInfo(role), `${role} is not a known role`);
  });

  void it('422: puts the server message on the field the pointer names', () => {
    const d = describeFailure(httpError(422, { code: 'invalid_configuration', pointer: '/display_name', detail: "The property '/display_name' must be at most 255 characters" }), CREATE_SA);
    assert.equal(d.field, 'display_name');
    assert.equal(d.fieldMessage, "The property '/display_name' must be at most 255 characters.");
    assert.match(d.message, /the name was rejected: the property/);
    const key = describeFailure(httpError(422, { pointer: '/spec/resource/id', detail: "The resource 'lkc-x' does not exist" }), { verb: 'create', noun: 'API key' });
    assert.equal(key.field, 'resource');
    assert.match(key.message, /^Couldn't create API key: the resource was rejected/);
  });

  void it('429: says when to try again', () => {
    const d = describeFailure(httpError(429, { code: 'too_many_requests', retryAfterSeconds: 7 }), CREATE_SA);
    assert.match(d.message, /limiting the request rate; try again in 7 s/);
    assert.equal(d.uncertain, false);
  });

  void it('5xx, timeouts and dropped connections are uncertain (look it up, never re-send)', () => {
    assert.equal(describeFailure(httpError(500, { code: 'internal_server_error' }), CREATE_SA).uncertain, true);
    assert.equal(describeFailure(httpError(503), CREATE_SA).uncertain, true);
    const timeout = describeFailure(new CloudApiError({ reason: 'timeout', action: 'x', summary: 'timed out' }), CREATE_SA);
    assert.equal(timeout.uncertain, true);
    assert.match(timeout.message, /the request timed out/);
    const network = describeFailure(new CloudApiError({ reason: 'network', action: 'x', summary: 'reset', networkCode: 'ECONNRESET' }), CREATE_SA);
    assert.equal(network.uncertain, true);
    assert.match(network.message, /the connection was closed by the server or a proxy \(ECONNRESET\)\.$/);
    assert.doesNotMatch(network.message, /couldn't reach.*couldn't reach/i);
  });

  void it('404 means gone; cancelled means silence', () => {
    assert.equal(describeFailure(httpError(404), { verb: 'delete', noun: 'API key', name: 'K' }).notFound, true);
    assert.equal(describeFailure(new CloudApiError({ reason: 'cancelled', action: 'x', summary: 'cancelled' }), CREATE_SA).cancelled, true);
  });

  void it('401 points to Update API Key', () => {
    assert.match(describeFailure(httpError(401), CREATE_SA).message, /Update API Key/);
  });

  void it('keeps hostile names on one line', () => {
    const d = describeFailure(httpError(409), { verb: 'create', noun: 'service account', name: 'evil\nname' });
    assert.doesNotMatch(d.message, /\n/);
  });

  void it('falls back to the message of unknown errors', () => {
    assert.equal(describeFailure(new Error('boom'), CREATE_SA).message, "Couldn't create service account 'payments': boom");
  });

  void it('reads each sentence whole from the translation bundle, the kind and verb too', () => {
    l10n.config({
      contents: {
        "Couldn't {0} {1}: it no longer exists{2}.": '{1} existiert nicht mehr ({0}){2}.',
        'service account/inside a sentence': 'Dienstkonto',
        'a {0} with that name already exists/{0} is a resource kind ("service account")': 'ein {0} mit diesem Namen existiert bereits',
      },
    });
    try {
      const gone = describeFailure(httpError(404), { verb: 'delete', noun: 'service account', name: 'payments' });
      assert.equal(gone.message, "Dienstkonto 'payments' existiert nicht mehr (delete) (404, request 7f3c1a2b…).");
      // The field a conflict is about still follows the kind's identifier, not its translation.
      const taken = describeFailure(httpError(409), CREATE_SA);
      assert.equal(taken.field, 'display_name');
      assert.match(taken.message, /ein Dienstkonto mit diesem Namen existiert bereits/);
    } finally {
      l10n.config({ contents: {} });
    }
    assert.match(describeFailure(httpError(404), CREATE_SA).message, /^Couldn't create service account 'payments': it no longer exists/);
  });
});

void describe('fieldFromPointer', () => {
  void it('maps pointers to form fields', () => {
    assert.equal(fieldFromPointer('/display_name'), 'display_name');
    assert.equal(fieldFromPointer('/spec/display_name'), 'display_name');
    assert.equal(fieldFromPointer('/spec/owner/id'), 'owner');
    assert.equal(fieldFromPointer('/stream_governance_config/package'), 'stream_governance_config');
    assert.equal(fieldFromPointer('/email'), 'email');
    assert.equal(fieldFromPointer(undefined), undefined);
    assert.equal(fieldFromPointer(''), undefined);
  });
  void it('labels fields for people', () => {
    assert.equal(fieldLabel('display_name'), 'name');
    assert.equal(fieldLabel('full_name'), 'full name');
    assert.equal(fieldLabel('some_field'), 'some field');
  });
});
