// iam/v2 API keys in the 2023 shape: typed owner and resource references, `resource: null` for Cloud
// keys. Create answers 202 and is the only response that ever carries `spec.secret`.

import { randomBytes } from 'node:crypto';
import { nowRfc3339, type Context, type Route } from '../api';
import { validationFailed } from '../failure';
import { checkParams, listResponse } from '../paging';
import type { ApiKey } from '../state';
import { bodyObject, objectField, stringField, type JsonObject } from '../validate';
import { apiKeyView } from '../views';
import { NO_CONTENT, created, findOr404, param } from './common';

const PATH = '/iam/v2/api-keys';
const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function newSecret(): string {
  return [...randomBytes(64)].map((b) => SECRET_ALPHABET[b % SECRET_ALPHABET.length]).join('');
}

function readResource(ctx: Context, spec: JsonObject): string | null {
  const resource = objectField(spec, 'resource', '/spec/resource', { nullable: true });
  if (resource === undefined || resource === null) return null;
  const id = stringField(resource, 'id', '/spec/resource/id', { required: true }) ?? '';
  const cluster = ctx.store.clusters.get(id);
  if (cluster === undefined) throw validationFailed('/spec/resource/id', `The resource '${id}' does not exist`);
  const environment = stringField(resource, 'environment', '/spec/resource/environment');
  if (environment !== undefined && environment !== cluster.environmentId) {
    throw validationFailed('/spec/resource/environment', `The resource '${id}' is not in environment '${environment}'`);
  }
  return id;
}

export const apiKeyRoutes: Route[] = [
  {
    method: 'GET', pattern: PATH, surface: 'control',
    handler: (req, ctx) => {
      checkParams(req.query, ['spec.owner', 'spec.resource']);
      const owner = req.query.get('spec.owner');
      const resource = req.query.get('spec.resource');
      const filters: [string, string][] = [];
      if (owner !== null) filters.push(['spec.owner', owner]);
      if (resource !== null) filters.push(['spec.resource', resource]);
      const items = [...ctx.store.apiKeys.values()].filter((key) =>
        (owner === null || key.ownerId === owner) && (resource === null || key.resourceId === resource));
      return listResponse(req, ctx, {
        path: PATH, apiVersion: 'iam/v2', kind: 'ApiKeyList', filters, items, render: (key) => apiKeyView(ctx, key),
      });
    },
  },
  {
    method: 'POST', pattern: PATH, surface: 'control',
    handler: (req, ctx) => {
      const spec = objectField(bodyObject(req.body), 'spec', '/spec', { required: true }) ?? {};
      const owner = objectField(spec, 'owner', '/spec/owner', { required: true }) ?? {};
      const ownerId = stringField(owner, 'id', '/spec/owner/id', { required: true }) ?? '';
      if (!ctx.store.ownerExists(ownerId)) throw validationFailed('/spec/owner/id', `The owner '${ownerId}' does not exist`);
      const resourceId = readResource(ctx, spec);
      const displayName = stringField(spec, 'display_name', '/spec/display_name', { allowEmpty: true }) ?? '';
      const description = stringField(spec, 'description', '/spec/description', { allowEmpty: true }) ?? '';
      const now = nowRfc3339();
      const secret = newSecret();
      const key: ApiKey = {
        seq: ctx.store.nextSeq(), createdAt: now, updatedAt: now, id: ctx.store.newApiKeyId(),
        ownerId, resourceId, displayName, description, secret,
      };
      ctx.store.apiKeys.set(key.id, key);
      return created(apiKeyView(ctx, key, secret), `${ctx.baseUrl}${PATH}/${key.id}`, 202);
    },
  },
  {
    method: 'GET', pattern: `${PATH}/:id`, surface: 'control',
    handler: (req, ctx) => ({ status: 200, body: apiKeyView(ctx, findOr404(ctx.store.apiKeys, param(req, 'id'), 'API key')) }),
  },
  {
    method: 'PATCH', pattern: `${PATH}/:id`, surface: 'control',
    handler: (req, ctx) => {
      const key = findOr404(ctx.store.apiKeys, param(req, 'id'), 'API key');
      const spec = objectField(bodyObject(req.body), 'spec', '/spec', { required: true }) ?? {};
      const displayName = stringField(spec, 'display_name', '/spec/display_name', { allowEmpty: true });
      const description = stringField(spec, 'description', '/spec/description', { allowEmpty: true });
      if (displayName !== undefined) key.displayName = displayName;
      if (description !== undefined) key.description = description;
      key.updatedAt = nowRfc3339();
      return { status: 200, body: apiKeyView(ctx, key) };
    },
  },
  {
    method: 'DELETE', pattern: `${PATH}/:id`, surface: 'control',
    handler: (req, ctx) => {
      ctx.store.apiKeys.delete(findOr404(ctx.store.apiKeys, param(req, 'id'), 'API key').id);
      return NO_CONTENT;
    },
  },
];
