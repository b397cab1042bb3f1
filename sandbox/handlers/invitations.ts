// iam/v2 invitations: create with an email, list (filterable by email, status, user, creator), get,
// delete. Inviting someone who is already a member, or already invited, is a conflict.

import { nowRfc3339, type Route } from '../api';
import { FIXTURES } from '../fixtures';
import { conflict, validationFailed } from '../failure';
import { checkParams, listResponse } from '../paging';
import { rfc3339, type Invitation } from '../state';
import { bodyObject, isEmail, stringField } from '../validate';
import { invitationView } from '../views';
import { NO_CONTENT, findOr404, param } from './common';

const PATH = '/iam/v2/invitations';
const FILTERS = ['email', 'status', 'user', 'creator'] as const;
const INVITE_LIFETIME_MS = 30 * 86_400_000;

function filterValue(inv: Invitation, name: (typeof FILTERS)[number]): string {
  switch (name) {
    case 'email': return inv.email;
    case 'status': return inv.status;
    case 'user': return inv.userId;
    case 'creator': return inv.creatorId;
  }
}

export const invitationRoutes: Route[] = [
  {
    method: 'GET', pattern: PATH, surface: 'control',
    handler: (req, ctx) => {
      checkParams(req.query, FILTERS);
      const filters: [string, string][] = [];
      for (const name of FILTERS) {
        const value = req.query.get(name);
        if (value !== null) filters.push([name, value]);
      }
      const items = [...ctx.store.invitations.values()].filter((inv) =>
        filters.every(([name, value]) => filterValue(inv, name as (typeof FILTERS)[number]) === value));
      return listResponse(req, ctx, {
        path: PATH, apiVersion: 'iam/v2', kind: 'InvitationList', filters, items, render: (inv) => invitationView(ctx, inv),
      });
    },
  },
  {
    method: 'POST', pattern: PATH, surface: 'control',
    handler: (req, ctx) => {
      const body = bodyObject(req.body);
      const email = stringField(body, 'email', '/email', { required: true }) ?? '';
      if (!isEmail(email)) throw validationFailed('/email', `'${email}' is not a valid email address`);
      const authType = stringField(body, 'auth_type', '/auth_type') ?? 'AUTH_TYPE_LOCAL';
      if (authType !== 'AUTH_TYPE_LOCAL' && authType !== 'AUTH_TYPE_SSO') {
        throw validationFailed('/auth_type', 'auth_type must be AUTH_TYPE_LOCAL or AUTH_TYPE_SSO');
      }
      const lower = email.toLowerCase();
      for (const user of ctx.store.users.values()) {
        if (user.email.toLowerCase() === lower) throw conflict(`The user '${email}' is already a member of the organization`, `${ctx.baseUrl}/iam/v2/users/${user.id}`);
      }
      for (const inv of ctx.store.invitations.values()) {
        if (inv.email.toLowerCase() === lower && inv.status === 'INVITE_STATUS_SENT') {
          throw conflict(`'${email}' has already been invited`, `${ctx.baseUrl}${PATH}/${inv.id}`);
        }
      }
      const now = nowRfc3339();
      const id = ctx.store.newId('i-', ctx.store.invitations, 6);
      const inv: Invitation = {
        seq: ctx.store.nextSeq(), createdAt: now, updatedAt: now, id, email, authType, status: 'INVITE_STATUS_SENT',
        expiresAt: rfc3339(Date.now() + INVITE_LIFETIME_MS), userId: ctx.store.newId('u-', ctx.store.users, 6),
        creatorId: FIXTURES.adminUser.id,
      };
      ctx.store.invitations.set(id, inv);
      return { status: 201, body: invitationView(ctx, inv), headers: { Location: `${ctx.baseUrl}${PATH}/${id}` } };
    },
  },
  {
    method: 'GET', pattern: `${PATH}/:id`, surface: 'control',
    handler: (req, ctx) => ({ status: 200, body: invitationView(ctx, findOr404(ctx.store.invitations, param(req, 'id'), 'invitation')) }),
  },
  {
    method: 'DELETE', pattern: `${PATH}/:id`, surface: 'control',
    handler: (req, ctx) => {
      ctx.store.invitations.delete(findOr404(ctx.store.invitations, param(req, 'id'), 'invitation').id);
      return NO_CONTENT;
    },
  },
];
