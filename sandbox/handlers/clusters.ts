// cmk/v2 clusters, read-only. `environment` is a required query parameter on list and get, as in the
// spec; an environment the caller cannot see answers 403, like the live service.

import type { ApiRequest, Context, Route } from '../api';
import { badRequest, forbidden, notFound } from '../failure';
import { checkParams, listResponse } from '../paging';
import { clusterView } from '../views';
import { param } from './common';

function requiredEnvironment(req: ApiRequest, ctx: Context): string {
  const env = req.query.get('environment');
  if (env === null || env === '') throw badRequest("The query parameter 'environment' is required", 'environment');
  if (!ctx.store.environments.has(env)) throw forbidden(`The environment '${env}' does not exist or is not accessible`);
  return env;
}

export const clusterRoutes: Route[] = [
  {
    method: 'GET', pattern: '/cmk/v2/clusters', surface: 'control',
    handler: (req, ctx) => {
      checkParams(req.query, ['environment', 'spec.network']);
      const env = requiredEnvironment(req, ctx);
      // The sandbox has no networks, so any spec.network filter matches nothing.
      const networks = req.query.getAll('spec.network');
      const items = [...ctx.store.clusters.values()].filter((c) => c.environmentId === env && networks.length === 0);
      return listResponse(req, ctx, {
        path: '/cmk/v2/clusters', apiVersion: 'cmk/v2', kind: 'ClusterList',
        filters: [['environment', env], ...networks.map((n): [string, string] => ['spec.network', n])],
        items, render: (cluster) => clusterView(ctx, cluster),
      });
    },
  },
  {
    method: 'GET', pattern: '/cmk/v2/clusters/:id', surface: 'control',
    handler: (req, ctx) => {
      const env = requiredEnvironment(req, ctx);
      const id = param(req, 'id');
      const cluster = ctx.store.clusters.get(id);
      if (cluster === undefined || cluster.environmentId !== env) throw notFound(`The cluster '${id}' was not found in environment '${env}'`);
      return { status: 200, body: clusterView(ctx, cluster) };
    },
  },
];
