import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { CloudApiError } from '../../../src/cloud/errors';
import { describeLoadError } from '../../../src/explorer/errorText';
import { isRateLimitLow } from '../../../src/explorer/labels';
import { readEnvironmentProfile } from '../../../src/auth/environmentProfile';

void describe('describeLoadError', () => {
  void it('names the status, code and request', () => {
    const error = new CloudApiError({ reason: 'http', action: 'list users', summary: 'forbidden', status: 403, code: 'user_unauthorized', requestId: '7f3c1a2b-0000-4000-8000-000000000000' });
    const d = describeLoadError('users', error);
    assert.equal(d.label, "Couldn't load users: 403 user_unauthorized; needs the OrganizationAdmin or AccountAdmin role (request 7f3c1a2b…)");
    assert.equal(d.remedy, 'retry');
    assert.match(d.detail, /forbidden/);
  });

  void it('offers a new key for 401', () => {
    const error = new CloudApiError({ reason: 'http', action: 'list users', summary: 'bad key', status: 401, code: 'user_unauthenticated' });
    assert.equal(describeLoadError('users', error).remedy, 'updateApiKey');
  });

  void it('words 429, offline and timeouts', () => {
    assert.match(describeLoadError('users', new CloudApiError({ reason: 'http', action: 'x', summary: 'slow down', status: 429, retryAfterSeconds: 7 })).label, /429 too many requests, retry in 7 s/);
    assert.match(describeLoadError('users', new CloudApiError({ reason: 'network', action: 'x', summary: 'refused', networkCode: 'ECONNREFUSED' })).label, /the connection was refused/);
    const socket = describeLoadError('users', new CloudApiError({ reason: 'network', action: 'x', summary: 'closed', networkCode: 'UND_ERR_SOCKET' })).label;
    assert.equal(socket, "Couldn't load users: the connection was closed by the server or a proxy");
    assert.match(describeLoadError('users', new CloudApiError({ reason: 'timeout', action: 'x', summary: 'no answer' })).label, /timed out/);
  });

  void it('copes with errors that are not from the client', () => {
    assert.equal(describeLoadError('users', new Error('boom')).label, "Couldn't load users: boom");
  });
});

void describe('isRateLimitLow', () => {
  void it('warns under 20 % or at 10 requests or fewer', () => {
    assert.equal(isRateLimitLow(undefined), false);
    assert.equal(isRateLimitLow({ remaining: 500, limit: 1000 }), false);
    assert.equal(isRateLimitLow({ remaining: 150, limit: 1000 }), true);
    assert.equal(isRateLimitLow({ remaining: 10 }), true);
    assert.equal(isRateLimitLow({ remaining: 11 }), false);
  });
});

void describe('readEnvironmentProfile', () => {
  void it('needs both key and secret', () => {
    assert.equal(readEnvironmentProfile({ CONFLUENT_CLOUD_API_KEY: 'k' }), undefined);
    assert.equal(readEnvironmentProfile({ CONFLUENT_CLOUD_API_SECRET: 's' }), undefined);
  });

  void it('defaults to Confluent Cloud and follows endpoint overrides', () => {
    const cloud = readEnvironmentProfile({ CONFLUENT_CLOUD_API_KEY: 'k', CONFLUENT_CLOUD_API_SECRET: 's' });
    assert.equal(cloud?.profile.endpoint, 'https://api.confluent.cloud');
    assert.equal(cloud?.profile.metricsEndpoint, 'https://api.telemetry.confluent.cloud');
    const local = readEnvironmentProfile({ CONFLUENT_CLOUD_API_KEY: 'k', CONFLUENT_CLOUD_API_SECRET: 's', CONFLUENT_CLOUD_ENDPOINT: 'http://127.0.0.1:8787/' });
    assert.equal(local?.profile.endpoint, 'http://127.0.0.1:8787');
    assert.equal(local?.profile.metricsEndpoint, 'http://127.0.0.1:8787');
    const both = readEnvironmentProfile({ CONFLUENT_CLOUD_API_KEY: 'k', CONFLUENT_CLOUD_API_SECRET: 's', CONFLUENT_CLOUD_METRICS_ENDPOINT: 'https://m.example' });
    assert.equal(both?.profile.metricsEndpoint, 'https://m.example');
    assert.equal(both?.secret, 's');
    assert.ok(!JSON.stringify(both?.profile).includes('"s"'), 'the secret is not part of the profile');
  });
});
