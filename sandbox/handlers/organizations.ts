// org/v2 organizations: the sandbox has exactly one, readable through list and get.

import type { Route } from '../api';
import { checkParams, listResponse } from '../paging';
import { organizationView } from '../views';
import { findOr404, param } from './common';

export const organizationRoutes: Route[] = [
  {
    method: 'GET', pattern: '/org/v2/organizations', surface: 'control',
    handler: (req, ctx) => {
      checkParams(req.query, []);
      return listResponse(req, ctx, {
        path: '/org/v2/organizations', apiVersion: 'org/v2', kind: 'OrganizationList', filters: [],
        items: [...ctx.store.organizations.values()], render: (org) => organizationView(ctx, org),
      });
    },
  },
  {
    method: 'GET', pattern: '/org/v2/organizations/:id', surface: 'control',
    handler: (req, ctx) => ({ status: 200, body: organizationView(ctx, findOr404(ctx.store.organizations, param(req, 'id'), 'organization')) }),
  },
];
