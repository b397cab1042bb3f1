/**
 * "Copy as Terraform": a `resource "confluent_…"` block with the resource's real values plus an
 * `import { to, id }` block in the ID form the confluentinc/confluent provider's import expects.
 * Pure: no vscode import. Every value from the API is written as an escaped HCL string, so a
 * display name such as `${file("/etc/passwd")}` stays literal text.
 */
import type { ApiKey } from '../cloud/schemas/apiKey';
import type { Environment } from '../cloud/schemas/environment';
import type { KafkaCluster } from '../cloud/schemas/kafkaCluster';
import type { ServiceAccount } from '../cloud/schemas/serviceAccount';

/** A role binding as the API returns it; the tree node for bindings supplies this shape. */
export interface RoleBindingShape {
  readonly id: string;
  readonly principal: string;
  readonly role_name: string;
  readonly crn_pattern: string;
}

/** What can be exported, tagged by kind. */
export type ExportTarget =
  | { readonly kind: 'environment'; readonly resource: Environment }
  | { readonly kind: 'kafkaCluster'; readonly resource: KafkaCluster }
  | { readonly kind: 'serviceAccount'; readonly resource: ServiceAccount }
  | { readonly kind: 'apiKey'; readonly resource: ApiKey; readonly environmentId?: string | undefined }
  | { readonly kind: 'roleBinding'; readonly resource: RoleBindingShape };

/** An HCL quoted string: backslashes, quotes, control characters and template openers escaped. */
export function hclString(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    // Remaining C0 controls, DEL, and the bidi/line separators that make code lie about itself.
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    .replace(/[\u0000-\u001f\u007f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    // `${` and `%{` start interpolation and directives; doubling the sigil makes them literal.
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, '%%{');
  return `"${escaped}"`;
}

/**
 * A Terraform resource name from a display name: lower case, `[a-z0-9_]`, starting with a letter or
 * underscore; falls back to the ID when nothing usable is left.
 */
export function terraformName(displayName: string | undefined, id: string): string {
  const clean = (text: string): string => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/_+/g, '_').replace(/^_+|_+$/g, '');
  let name = clean(displayName ?? '').slice(0, 64).replace(/_+$/, '');
  if (!name) name = clean(id);
  if (!name) name = 'imported';
  return /^[a-z_]/.test(name) ? name : `_${name}`;
}

type Line = readonly [string, string] | string;

/** Renders a block body with `=` aligned across consecutive attributes, as `terraform fmt` does. */
function block(header: string, lines: readonly Line[], indent = ''): string {
  const out: string[] = [`${indent}${header} {`];
  let run: (readonly [string, string])[] = [];
  const flush = (): void => {
    const width = Math.max(0, ...run.map(([k]) => k.length));
    for (const [k, v] of run) out.push(`${indent}  ${k.padEnd(width)} = ${v}`);
    run = [];
  };
  for (const line of lines) {
    if (typeof line === 'string') {
      flush();
      out.push(line);
    } else {
      run.push(line);
    }
  }
  flush();
  out.push(`${indent}}`);
  return out.join('\n');
}

function nested(name: string, lines: readonly Line[], indent = '  '): string {
  return lines.length === 0 ? `${indent}${name} {}` : block(name, lines, indent);
}

function importBlock(address: string, id: string): string {
  return block('import', [['to', address], ['id', hclString(id)]]);
}

function clusterType(cluster: KafkaCluster): string {
  return (cluster.spec.config?.kind ?? 'Basic').toLowerCase();
}

/** The provider's `owner` block kind for an API key owner. */
function ownerKind(owner: ApiKey['spec']['owner']): string {
  if (owner.kind) return owner.kind;
  return owner.id.startsWith('sa-') ? 'ServiceAccount' : owner.id.startsWith('pool-') ? 'IdentityPool' : 'User';
}

/** The import ID the provider documents for each kind. */
export function terraformImportId(target: ExportTarget): string {
  switch (target.kind) {
    case 'kafkaCluster':
      return `${target.resource.spec.environment.id}/${target.resource.id}`;
    case 'apiKey': {
      const env = target.resource.spec.resource?.environment || target.environmentId;
      // Kafka (cluster-scoped) keys import as <environment>/<key>, Cloud keys as the key alone.
      return target.resource.spec.resource && env ? `${env}/${target.resource.id}` : target.resource.id;
    }
    default:
      return target.resource.id;
  }
}

/** The provider resource type for a kind. */
export function terraformType(kind: ExportTarget['kind']): string {
  switch (kind) {
    case 'environment': return 'confluent_environment';
    case 'kafkaCluster': return 'confluent_kafka_cluster';
    case 'serviceAccount': return 'confluent_service_account';
    case 'apiKey': return 'confluent_api_key';
    case 'roleBinding': return 'confluent_role_binding';
  }
}

function resourceBody(target: ExportTarget): { name: string; lines: Line[] } {
  switch (target.kind) {
    case 'environment': {
      const env = target.resource;
      const lines: Line[] = [['display_name', hclString(env.display_name)]];
      if (env.stream_governance_config?.package) {
        lines.push('', nested('stream_governance', [['package', hclString(env.stream_governance_config.package)]]));
      }
      return { name: terraformName(env.display_name, env.id), lines };
    }
    case 'kafkaCluster': {
      const { spec, status, id } = target.resource;
      const type = clusterType(target.resource);
      const cku = spec.config?.cku ?? status.cku;
      const typeLines: Line[] = type === 'dedicated' && cku ? [['cku', String(cku)]] : [];
      return {
        name: terraformName(spec.display_name, id),
        lines: [
          ['display_name', hclString(spec.display_name)],
          ['availability', hclString(spec.availability)],
          ['cloud', hclString(spec.cloud)],
          ['region', hclString(spec.region)],
          '',
          nested(type, typeLines),
          '',
          nested('environment', [['id', hclString(spec.environment.id)]]),
        ],
      };
    }
    case 'serviceAccount': {
      const sa = target.resource;
      const lines: Line[] = [['display_name', hclString(sa.display_name)]];
      if (sa.description) lines.push(['description', hclString(sa.description)]);
      return { name: terraformName(sa.display_name, sa.id), lines };
    }
    case 'apiKey': {
      const key = target.resource;
      const { spec } = key;
      const lines: Line[] = [];
      if (spec.display_name) lines.push(['display_name', hclString(spec.display_name)]);
      if (spec.description) lines.push(['description', hclString(spec.description)]);
      if (lines.length) lines.push('');
      lines.push(nested('owner', [
        ['id', hclString(spec.owner.id)],
        ['api_version', hclString(spec.owner.api_version || 'iam/v2')],
        ['kind', hclString(ownerKind(spec.owner))],
      ]));
      const resource = spec.resource;
      if (resource) {
        const env = resource.environment || target.environmentId;
        const managed: Line[] = [
          ['id', hclString(resource.id)],
          ['api_version', hclString(resource.api_version || 'cmk/v2')],
          ['kind', hclString(resource.kind || 'Cluster')],
        ];
        if (env) managed.push('', nested('environment', [['id', hclString(env)]], '    '));
        lines.push('', nested('managed_resource', managed));
      }
      return { name: terraformName(spec.display_name ?? undefined, key.id), lines };
    }
    case 'roleBinding': {
      const rb = target.resource;
      return {
        name: terraformName(undefined, rb.id),
        lines: [['principal', hclString(rb.principal)], ['role_name', hclString(rb.role_name)], ['crn_pattern', hclString(rb.crn_pattern)]],
      };
    }
  }
}

/**
 * The resource block and its import block, separated by a blank line. Applying it adopts the
 * existing resource instead of creating a second one (Terraform 1.5+ `import` blocks).
 */
export function toTerraform(target: ExportTarget): string {
  const type = terraformType(target.kind);
  const { name, lines } = resourceBody(target);
  return `${block(`resource "${type}" "${name}"`, lines)}\n\n${importBlock(`${type}.${name}`, terraformImportId(target))}\n`;
}
