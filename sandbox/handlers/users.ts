// iam/v2 users. There is no create (users arrive through invitations); only full_name is writable;
// deleting a user deletes the user's API keys.

import { nowRfc3339, type Route } from '../api';
import { checkParams, listResponse } from '../paging';
import { bodyObject, stringField } from '../validate';
import { userView } from '../views';
import { NO_CONTENT, findOr404, param } from './common';

const PATH = '/iam/v2/users';

export const userRoutes: Route[] = [
  {
    method: 'GET', pattern: PATH, surface: 'control',
    handler: (req, ctx) => {
      checkParams(req.query, []);
      return listResponse(req, ctx, {
        path: PATH, apiVersion: 'iam/v2', kind: 'UserList', filters: [],
        items: [...ctx.store.users.values()], render: (user) => userView(ctx, user),
      });
    },
  },
  {
    method: 'GET', pattern: `${PATH}/:id`, surface: 'control',
    handler: (req, ctx) => ({ status: 200, body: userView(ctx, findOr404(ctx.store.users, param(req, 'id'), 'user')) }),
  },
  {
    method: 'PATCH', pattern: `${PATH}/:id`, surface: 'control',
    handler: (req, ctx) => {
      const user = findOr404(ctx.store.users, param(req, 'id'), 'user');
      const fullName = stringField(bodyObject(req.body), 'full_name', '/full_name');
      if (fullName !== undefined) user.fullName = fullName;
      user.updatedAt = nowRfc3339();
      return { status: 200, body: userView(ctx, user) };
    },
  },
  {
    method: 'DELETE', pattern: `${PATH}/:id`, surface: 'control',
    handler: (req, ctx) => {
      ctx.store.deleteUser(findOr404(ctx.store.users, param(req, 'id'), 'user').id);
      return NO_CONTENT;
    },
  },
];
