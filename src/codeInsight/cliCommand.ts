/**
 * "Copy as CLI Command": the `confluent …` command that would create the resource, with values
 * quoted for POSIX shells (a display name is data, never shell syntax). Pure: no vscode import.
 */
import { parseCrnPattern } from '../cloud/crn';
import type { ExportTarget } from './terraform';

/** Quotes a value for sh/bash/zsh unless it is made only of characters no shell treats specially. */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_.,:/@%+=-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

function command(parts: readonly (string | undefined)[]): string {
  return parts.filter((p): p is string => p !== undefined).join(' ');
}

const RESOURCE_TYPES: Readonly<Record<string, string>> = {
  topic: 'Topic', group: 'Group', 'transactional-id': 'Transactional-Id', subject: 'Subject',
};

/** `confluent iam rbac role-binding create …` for a binding's principal, role and CRN pattern. */
function roleBindingCommand(principal: string, role: string, crnPattern: string): string {
  const parts = ['confluent iam rbac role-binding create', `--principal ${shellQuote(principal)}`, `--role ${shellQuote(role)}`];
  const parsed = parseCrnPattern(crnPattern);
  if (!parsed.ok) return `${parts.join(' ')}  # scope not expressible as flags: ${crnPattern.replace(/[\r\n]/g, ' ')}`;
  const p = parsed.pattern;
  if (p.environment) parts.push(`--environment ${shellQuote(p.environment)}`);
  if (p.cloudCluster) parts.push(`--cloud-cluster ${shellQuote(p.cloudCluster)}`);
  if (p.schemaRegistry) parts.push(`--schema-registry-cluster ${shellQuote(p.schemaRegistry)}`);
  const r = p.resource;
  if (r) {
    if (r.kind !== 'subject' && p.cloudCluster) parts.push(`--kafka-cluster ${shellQuote(p.cloudCluster)}`);
    const type = RESOURCE_TYPES[r.kind] ?? r.kind;
    // `topic=*` (every topic) is the name `*`; `topic=orders-*` is the prefix `orders-`.
    if (r.prefix && r.name === '') parts.push(`--resource ${shellQuote(`${type}:*`)}`);
    else parts.push(`--resource ${shellQuote(`${type}:${r.name}`)}`, ...(r.prefix ? ['--prefix'] : []));
  }
  return parts.join(' ');
}

/** The create command for a resource, as one line. */
export function toCliCommand(target: ExportTarget): string {
  switch (target.kind) {
    case 'environment': {
      const env = target.resource;
      const pkg = env.stream_governance_config?.package;
      return command(['confluent environment create', shellQuote(env.display_name), pkg ? `--governance-package ${shellQuote(pkg.toLowerCase())}` : undefined]);
    }
    case 'kafkaCluster': {
      const { spec, status } = target.resource;
      const type = (spec.config?.kind ?? 'Basic').toLowerCase();
      const cku = spec.config?.cku ?? status.cku;
      return command([
        'confluent kafka cluster create', shellQuote(spec.display_name),
        `--cloud ${shellQuote(spec.cloud.toLowerCase())}`,
        `--region ${shellQuote(spec.region)}`,
        `--type ${shellQuote(type)}`,
        type === 'dedicated' && cku ? `--cku ${cku}` : undefined,
        `--availability ${shellQuote(spec.availability.toLowerCase().replace(/_/g, '-'))}`,
        `--environment ${shellQuote(spec.environment.id)}`,
      ]);
    }
    case 'serviceAccount': {
      const sa = target.resource;
      // The CLI requires --description, so an empty one is passed explicitly.
      return command(['confluent iam service-account create', shellQuote(sa.display_name), `--description ${shellQuote(sa.description ?? '')}`]);
    }
    case 'apiKey': {
      const { spec } = target.resource;
      const resource = spec.resource;
      const env = resource?.environment || target.environmentId;
      const owner = spec.owner.id;
      const line = command([
        'confluent api-key create',
        `--resource ${shellQuote(resource?.id ?? 'cloud')}`,
        owner.startsWith('sa-') ? `--service-account ${shellQuote(owner)}` : undefined,
        resource && env ? `--environment ${shellQuote(env)}` : undefined,
        spec.description ? `--description ${shellQuote(spec.description)}` : undefined,
      ]);
      // Without --service-account the CLI creates the key for whoever is signed in.
      return owner.startsWith('sa-') ? line : `${line}  # run signed in as ${owner}: the key belongs to the signed-in user`;
    }
    case 'roleBinding':
      return roleBindingCommand(target.resource.principal, target.resource.role_name, target.resource.crn_pattern);
  }
}
