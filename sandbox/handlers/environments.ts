// org/v2 environments. Display names are unique within the organization (409 otherwise), and deleting
// an environment deletes its clusters and the API keys scoped to them.

import { nowRfc3339, type Context, type Route } from '../api';
import { conflict, validationFailed } from '../failure';
import { checkParams, listResponse } from '../paging';
import type { Environment } from '../state';
import { bodyObject, objectField, stringField, type JsonObject } from '../validate';
import { environmentView } from '../views';
import { NO_CONTENT, created, findOr404, param } from './common';

const PACKAGES = ['ESSENTIALS', 'ADVANCED'];

function governance(body: JsonObject): string | undefined {
  const config = objectField(body, 'stream_governance_config', '/stream_governance_config');
  if (!config) return undefined;
  const pkg = stringField(config, 'package', '/stream_governance_config/package', { required: true });
  if (pkg === undefined || !PACKAGES.includes(pkg)) {
    throw validationFailed('/stream_governance_config/package', `package must be one of ${PACKAGES.join(', ')}`);
  }
  return pkg;
}

function assertUniqueName(ctx: Context, name: string, selfId?: string): void {
  for (const env of ctx.store.environments.values()) {
    if (env.displayName === name && env.id !== selfId) {
      throw conflict(`An environment named '${name}' already exists`, `${ctx.baseUrl}/org/v2/environments/${env.id}`);
    }
  }
}

export const environmentRoutes: Route[] = [
  {
    method: 'GET', pattern: '/org/v2/environments', surface: 'control',
    handler: (req, ctx) => {
      checkParams(req.query, []);
      return listResponse(req, ctx, {
        path: '/org/v2/environments', apiVersion: 'org/v2', kind: 'EnvironmentList', filters: [],
        items: [...ctx.store.environments.values()], render: (env) => environmentView(ctx, env),
      });
    },
  },
  {
    method: 'POST', pattern: '/org/v2/environments', surface: 'control',
    handler: (req, ctx) => {
      const body = bodyObject(req.body);
      const displayName = stringField(body, 'display_name', '/display_name', { required: true }) ?? '';
      const streamGovernance = governance(body);
      assertUniqueName(ctx, displayName);
      const now = nowRfc3339();
      const id = ctx.store.newId('env-', ctx.store.environments, 6);
      const env: Environment = { seq: ctx.store.nextSeq(), createdAt: now, updatedAt: now, id, displayName, ...(streamGovernance ? { streamGovernance } : {}) };
      ctx.store.environments.set(id, env);
      return created(environmentView(ctx, env), `${ctx.baseUrl}/org/v2/environments/${id}`);
    },
  },
  {
    method: 'GET', pattern: '/org/v2/environments/:id', surface: 'control',
    handler: (req, ctx) => ({ status: 200, body: environmentView(ctx, findOr404(ctx.store.environments, param(req, 'id'), 'environment')) }),
  },
  {
    method: 'PATCH', pattern: '/org/v2/environments/:id', surface: 'control',
    handler: (req, ctx) => {
      const env = findOr404(ctx.store.environments, param(req, 'id'), 'environment');
      const body = bodyObject(req.body);
      const displayName = stringField(body, 'display_name', '/display_name');
      const streamGovernance = governance(body);
      if (displayName !== undefined) assertUniqueName(ctx, displayName, env.id);
      if (displayName !== undefined) env.displayName = displayName;
      if (streamGovernance !== undefined) env.streamGovernance = streamGovernance;
      env.updatedAt = nowRfc3339();
      return { status: 200, body: environmentView(ctx, env) };
    },
  },
  {
    method: 'DELETE', pattern: '/org/v2/environments/:id', surface: 'control',
    handler: (req, ctx) => {
      const env = findOr404(ctx.store.environments, param(req, 'id'), 'environment');
      ctx.store.deleteEnvironment(env.id);
      return NO_CONTENT;
    },
  },
];
