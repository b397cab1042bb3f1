// iam/v2 service accounts. display_name is unique (409 with the existing account's Location) and is
// filterable by exact match, repeatable to mean OR. Deleting an account deletes its API keys.

import { nowRfc3339, type Context, type Route } from '../api';
import { conflict } from '../failure';
import { checkParams, listResponse } from '../paging';
import type { ServiceAccount } from '../state';
import { bodyObject, stringField } from '../validate';
import { serviceAccountView } from '../views';
import { NO_CONTENT, created, findOr404, param } from './common';

const PATH = '/iam/v2/service-accounts';

function assertUniqueName(ctx: Context, name: string, selfId?: string): void {
  for (const sa of ctx.store.serviceAccounts.values()) {
    if (sa.displayName === name && sa.id !== selfId) {
      throw conflict(`A service account named '${name}' already exists`, `${ctx.baseUrl}${PATH}/${encodeURIComponent(sa.id)}`);
    }
  }
}

export const serviceAccountRoutes: Route[] = [
  {
    method: 'GET', pattern: PATH, surface: 'control',
    handler: (req, ctx) => {
      checkParams(req.query, ['display_name']);
      const names = req.query.getAll('display_name');
      const wanted = new Set(names);
      const items = [...ctx.store.serviceAccounts.values()].filter((sa) => wanted.size === 0 || wanted.has(sa.displayName));
      return listResponse(req, ctx, {
        path: PATH, apiVersion: 'iam/v2', kind: 'ServiceAccountList',
        filters: names.map((n): [string, string] => ['display_name', n]),
        items, render: (sa) => serviceAccountView(ctx, sa),
      });
    },
  },
  {
    method: 'POST', pattern: PATH, surface: 'control',
    handler: (req, ctx) => {
      const body = bodyObject(req.body);
      const displayName = stringField(body, 'display_name', '/display_name', { required: true }) ?? '';
      const description = stringField(body, 'description', '/description', { allowEmpty: true }) ?? '';
      assertUniqueName(ctx, displayName);
      const now = nowRfc3339();
      const id = ctx.store.newId('sa-', ctx.store.serviceAccounts);
      const sa: ServiceAccount = { seq: ctx.store.nextSeq(), createdAt: now, updatedAt: now, id, displayName, description };
      ctx.store.serviceAccounts.set(id, sa);
      return created(serviceAccountView(ctx, sa), `${ctx.baseUrl}${PATH}/${id}`);
    },
  },
  {
    method: 'GET', pattern: `${PATH}/:id`, surface: 'control',
    handler: (req, ctx) => ({ status: 200, body: serviceAccountView(ctx, findOr404(ctx.store.serviceAccounts, param(req, 'id'), 'service account')) }),
  },
  {
    method: 'PATCH', pattern: `${PATH}/:id`, surface: 'control',
    handler: (req, ctx) => {
      const sa = findOr404(ctx.store.serviceAccounts, param(req, 'id'), 'service account');
      const body = bodyObject(req.body);
      const displayName = stringField(body, 'display_name', '/display_name');
      const description = stringField(body, 'description', '/description', { allowEmpty: true });
      if (displayName !== undefined) assertUniqueName(ctx, displayName, sa.id);
      if (displayName !== undefined) sa.displayName = displayName;
      if (description !== undefined) sa.description = description;
      sa.updatedAt = nowRfc3339();
      return { status: 200, body: serviceAccountView(ctx, sa) };
    },
  },
  {
    method: 'DELETE', pattern: `${PATH}/:id`, surface: 'control',
    handler: (req, ctx) => {
      ctx.store.deleteServiceAccount(findOr404(ctx.store.serviceAccounts, param(req, 'id'), 'service account').id);
      return NO_CONTENT;
    },
  },
];
