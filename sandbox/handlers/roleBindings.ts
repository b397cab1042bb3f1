// iam/v2 role bindings. Lists need `crn_pattern` (exact match, or the scope and everything below it with a
// trailing `/*`); `principal` and `role_name` filter by exact match. Pages default to 100 and go up to
// 1000, as the spec says. A POST must name a known role at a level it may be bound at, a well-formed CRN
// of a scope that exists, and a principal that exists; the same triple twice is a 409. DELETE answers
// 200 with the binding, not 204.

import { nowRfc3339, type ApiRequest, type Context, type Route } from '../api';
import { ApiError, badRequest, conflict, notFound } from '../failure';
import { checkParams, listResponse } from '../paging';
import { matchesQuery, readCrnPattern, segment, type ParsedCrn } from '../roleBindingCrn';
import { SANDBOX_ROLES } from '../roleBindingRoles';
import type { RoleBinding } from '../state';
import { bodyObject, stringField } from '../validate';
import { roleBindingView } from '../views';
import { created, findOr404, param } from './common';

const PATH = '/iam/v2/role-bindings';
const PRINCIPAL = /^(User|Group):(.+)$/;

/** 400 on a body field, pointing at it the way 422s do, for values that are well typed but wrong. */
function badField(pointer: string, detail: string): ApiError {
  return new ApiError(400, 'bad_request', 'Bad Request', detail, { pointer });
}

function listQuery(req: ApiRequest): ParsedCrn {
  const raw = req.query.get('crn_pattern');
  if (raw === null || raw === '') throw badRequest("The query parameter 'crn_pattern' is required", 'crn_pattern');
  const parsed = readCrnPattern(raw);
  if (typeof parsed === 'string') throw badRequest(parsed, 'crn_pattern');
  return parsed;
}

/** 404 unless every scope the pattern names exists (Schema Registry clusters have no API here: any id passes). */
function assertScopeExists(ctx: Context, crn: ParsedCrn): void {
  const org = segment(crn, 'organization');
  if (org !== ctx.store.orgId) throw notFound(`The organization '${org ?? ''}' was not found`);
  const env = segment(crn, 'environment');
  if (env !== undefined && !ctx.store.environments.has(env)) throw notFound(`The environment '${env}' was not found`);
  const clusterId = segment(crn, 'cloud-cluster');
  if (clusterId !== undefined) {
    const cluster = ctx.store.clusters.get(clusterId);
    if (cluster === undefined || cluster.environmentId !== env) throw notFound(`The cluster '${clusterId}' was not found in environment '${env ?? ''}'`);
    if (crn.level !== 'cloud-cluster' && cluster.kind === 'Basic') {
      throw badField('/crn_pattern', `Role bindings on topics, consumer groups and transactional IDs need a Standard, Enterprise or Dedicated cluster; '${clusterId}' is Basic`);
    }
  }
}

/** 400 when the principal is malformed; otherwise whether it exists. */
function principalExists(ctx: Context, principal: string): boolean {
  const match = PRINCIPAL.exec(principal);
  if (!match) throw badField('/principal', `principal must look like User:<id> or Group:<id>, got '${principal.slice(0, 80)}'`);
  const [, type, id = ''] = match;
  const known = type === 'Group'
    ? ctx.store.groups.has(id)
    : id.startsWith('sa-') ? ctx.store.serviceAccounts.has(id)
      : id.startsWith('u-') ? ctx.store.users.has(id)
        : id.startsWith('pool-') ? ctx.store.identityPools.has(id) : undefined;
  if (known === undefined) throw badField('/principal', `User principals name a service account (sa-…), user (u-…) or identity pool (pool-…), got '${id.slice(0, 80)}'`);
  return known;
}

export const roleBindingRoutes: Route[] = [
  {
    method: 'GET', pattern: PATH, surface: 'control',
    handler: (req, ctx) => {
      checkParams(req.query, ['crn_pattern', 'principal', 'role_name']);
      const crn = listQuery(req);
      const principal = req.query.get('principal');
      const roleName = req.query.get('role_name');
      const items = [...ctx.store.roleBindings.values()].filter((rb) =>
        matchesQuery(rb.crnPattern, crn)
        && (principal === null || rb.principal === principal)
        && (roleName === null || rb.roleName === roleName));
      const filters: [string, string][] = [['crn_pattern', req.query.get('crn_pattern') ?? '']];
      if (principal !== null) filters.push(['principal', principal]);
      if (roleName !== null) filters.push(['role_name', roleName]);
      return listResponse(req, ctx, {
        path: PATH, apiVersion: 'iam/v2', kind: 'RoleBindingList', filters, items,
        render: (rb) => roleBindingView(ctx, rb), pageSizes: { default: 100, max: 1000 },
      });
    },
  },
  {
    method: 'POST', pattern: PATH, surface: 'control',
    handler: (req, ctx) => {
      const body = bodyObject(req.body);
      const principal = stringField(body, 'principal', '/principal', { required: true }) ?? '';
      const roleName = stringField(body, 'role_name', '/role_name', { required: true }) ?? '';
      const crnPattern = stringField(body, 'crn_pattern', '/crn_pattern', { required: true, max: 2048 }) ?? '';
      const crn = readCrnPattern(crnPattern);
      if (typeof crn === 'string') throw badField('/crn_pattern', crn);
      if (crn.nested) throw badField('/crn_pattern', 'A binding names one scope; /* is only for list queries');
      const levels = SANDBOX_ROLES[roleName];
      if (levels === undefined) throw badField('/role_name', `The role '${roleName.slice(0, 80)}' does not exist`);
      if (!levels.includes(crn.level)) {
        throw badField('/crn_pattern', `The role '${roleName}' can't be bound at the ${crn.level} level; it binds at ${levels.join(', ')}`);
      }
      const principalKnown = principalExists(ctx, principal);
      assertScopeExists(ctx, crn);
      if (!principalKnown) throw notFound(`The principal '${principal}' was not found`);
      for (const rb of ctx.store.roleBindings.values()) {
        if (rb.principal === principal && rb.roleName === roleName && rb.crnPattern === crnPattern) {
          throw conflict(`The principal '${principal}' already has the role '${roleName}' on this pattern`, `${ctx.baseUrl}${PATH}/${encodeURIComponent(rb.id)}`);
        }
      }
      const now = nowRfc3339();
      const id = ctx.store.newId('rb-', ctx.store.roleBindings);
      const rb: RoleBinding = { seq: ctx.store.nextSeq(), createdAt: now, updatedAt: now, id, principal, roleName, crnPattern };
      ctx.store.roleBindings.set(id, rb);
      return created(roleBindingView(ctx, rb), `${ctx.baseUrl}${PATH}/${id}`);
    },
  },
  {
    method: 'GET', pattern: `${PATH}/:id`, surface: 'control',
    handler: (req, ctx) => ({ status: 200, body: roleBindingView(ctx, findOr404(ctx.store.roleBindings, param(req, 'id'), 'role binding')) }),
  },
  {
    method: 'DELETE', pattern: `${PATH}/:id`, surface: 'control',
    handler: (req, ctx) => {
      const rb = findOr404(ctx.store.roleBindings, param(req, 'id'), 'role binding');
      ctx.store.roleBindings.delete(rb.id);
      return { status: 200, body: roleBindingView(ctx, rb) };
    },
  },
];
