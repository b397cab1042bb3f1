/**
 * The Markdown of an ID's hover. Every string from the API (names, descriptions, emails) and from
 * the document (the ID itself) is escaped, so nothing in it can become a link, HTML, emphasis or
 * a theme icon; the only links are the command links built here, and the host trusts exactly
 * the commands in {@link HOVER_COMMANDS}. Pure: no vscode import.
 */
import * as l10n from '@vscode/l10n';
import { escapeMarkdown } from '../explorer/markdown';
import { formatAuthType, formatDate } from '../explorer/labels';
import { type ReferenceKind, referenceKindLabel, referenceKindPlural } from './idPatterns';
import { crnOf, displayNameOf, type LookupMatch, type LookupResult } from './resourceLookup';

/** Commands the hover may link to; the MarkdownString's `isTrusted.enabledCommands`. */
export const CodeInsightCommand = {
  reveal: 'confluentCloud.revealResource',
  copyCrn: 'confluentCloud.copyResourceCrn',
  showActivity: 'confluentCloud.showResourceActivity',
  copyAsTerraform: 'confluentCloud.copyAsTerraform',
  copyAsCli: 'confluentCloud.copyAsCliCommand',
  reviewApiKeys: 'confluentCloud.reviewApiKeys',
} as const;

/** The resource commands' IDs (src/commands/resourceCommandIds.ts; a host test checks they match). */
export const ROTATE_API_KEY = 'confluentCloud.rotateApiKey';
export const DELETE_API_KEY = 'confluentCloud.deleteApiKey';

export const HOVER_COMMANDS: readonly string[] = [
  CodeInsightCommand.reveal, CodeInsightCommand.copyCrn, CodeInsightCommand.showActivity,
  CodeInsightCommand.copyAsTerraform, CodeInsightCommand.copyAsCli, ROTATE_API_KEY,
];

/** What the hover's command links pass: the ID, the connection it was found in, and its kind. */
export interface ResourceLinkArgs {
  readonly id: string;
  readonly organization: string;
  readonly kind: ReferenceKind;
}

/** A `command:` URI with JSON arguments, as VS Code expects them in Markdown. */
export function commandUri(command: string, ...args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

function link(label: string, command: string, ...args: unknown[]): string {
  return `[${escapeMarkdown(label)}](${commandUri(command, ...args)})`;
}

function field(label: string, value: string | number | null | undefined): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return `**${escapeMarkdown(label)}:** ${escapeMarkdown(String(value))}`;
}

/** Extra facts the host looked up for the hover. */
export interface HoverExtras {
  /** Owner's display name for API keys. */
  readonly ownerName?: string | undefined;
  /** "active 3 h ago", when activity is on and known. */
  readonly lastActivity?: string | undefined;
}

function detailFields(match: LookupMatch, extras: HoverExtras): (string | undefined)[] {
  const created = formatDate(match.resource.metadata?.created_at ?? undefined);
  switch (match.kind) {
    case 'environment':
      return [field(l10n.t('Stream Governance'), match.resource.stream_governance_config?.package), field(l10n.t('Created'), created)];
    case 'kafkaCluster': {
      const { spec, status } = match.resource;
      return [
        field(l10n.t('Environment'), spec.environment.id),
        field(l10n.t('Cloud'), [spec.cloud, spec.region, spec.config?.kind].filter(Boolean).join(' · ')),
        field(l10n.t('Status'), status.phase),
        field(l10n.t('Created'), created),
      ];
    }
    case 'serviceAccount':
      return [field(l10n.t('Description'), match.resource.description), field(l10n.t('Created'), created), field(l10n.t('Last activity'), extras.lastActivity)];
    case 'user':
      return [
        field(l10n.t('Email'), match.resource.email), field(l10n.t('Sign-in'), formatAuthType(match.resource.auth_type ?? undefined)),
        field(l10n.t('Created'), created), field(l10n.t('Last activity'), extras.lastActivity),
      ];
    case 'apiKey': {
      const { spec } = match.resource;
      const owner = extras.ownerName ? l10n.t('{0} ({1})', extras.ownerName, spec.owner.id) : spec.owner.id;
      return [
        field(l10n.t('Owner'), owner),
        field(l10n.t('Resource'), spec.resource ? spec.resource.id : l10n.t('Cloud API key (no resource)')),
        field(l10n.t('Environment'), spec.resource?.environment),
        field(l10n.t('Description'), spec.description),
        field(l10n.t('Created'), created),
        field(l10n.t('Owner activity'), extras.lastActivity),
      ];
    }
  }
}

function actions(match: LookupMatch, args: ResourceLinkArgs): string {
  const out = [link(l10n.t('Reveal in Explorer'), CodeInsightCommand.reveal, args)];
  if (crnOf(match)) out.push(link(l10n.t('Copy CRN'), CodeInsightCommand.copyCrn, args));
  if (match.kind === 'serviceAccount' || match.kind === 'user' || match.kind === 'apiKey') {
    out.push(link(l10n.t('Show Activity'), CodeInsightCommand.showActivity, args));
  }
  if (match.kind === 'apiKey') out.push(link(l10n.t('Rotate…'), ROTATE_API_KEY, { id: args.id, organization: args.organization }));
  if (match.kind !== 'user') {
    out.push(link(l10n.t('Copy as Terraform'), CodeInsightCommand.copyAsTerraform, args), link(l10n.t('Copy as CLI Command'), CodeInsightCommand.copyAsCli, args));
  }
  return out.join(' · ');
}

/** Hover Markdown for an ID, given what the lookup found. */
export function hoverMarkdown(kind: ReferenceKind, id: string, result: LookupResult | undefined, extras: HoverExtras = {}): string {
  const title = `**${escapeMarkdown(capitalise(referenceKindLabel(kind)))}** ${escapeMarkdown(id)}`;
  // The messages are this extension's own text; only the values in them are escaped.
  if (!result) return `${title}  \n${l10n.t('Looking it up in the connected organizations…')}`;
  if (result.status === 'unknown') return `${title}  \n${l10n.t('Couldn\'t check it: {0}', escapeMarkdown(result.reason))}`;
  if (result.status === 'missing') {
    const where = result.checked.map((c) => c.label).join(', ');
    return `${title}  \n${l10n.t('Not found in {0}. It may have been deleted, or belong to an organization that isn\'t connected.', escapeMarkdown(where))}`;
  }
  const sections = result.matches.map((match) => {
    const name = displayNameOf(match);
    const lines = [
      name ? `${title} — ${escapeMarkdown(name)}` : title,
      field(l10n.t('Organization'), match.connection.label),
      ...detailFields(match, extras),
      actions(match, { id, organization: match.connection.id, kind }),
    ].filter((l): l is string => !!l);
    return lines.join('  \n');
  });
  return sections.join('\n\n---\n\n');
}

/** Hover for kinds that cannot be looked up here (identity pools, group mappings, role bindings). */
export function unresolvedHover(kind: ReferenceKind, id: string): string {
  const text = l10n.t({ message: 'This extension does not look up {0} yet.', args: [escapeMarkdown(referenceKindPlural(kind))], comment: ['{0} is a plural kind such as "identity pools"'] });
  return `**${escapeMarkdown(capitalise(referenceKindLabel(kind)))}** ${escapeMarkdown(id)}  \n${text}`;
}

/** Hover for a whole CRN: its parts, and what is wrong with them if anything. */
export function crnHover(crn: string, problem: string | undefined): string {
  const parts = crn.replace(/^crn:\/\/confluent\.cloud\//, '').split('/').map((segment) => {
    const eq = segment.indexOf('=');
    return eq < 0 ? `- ${escapeMarkdown(segment)}` : `- **${escapeMarkdown(segment.slice(0, eq))}:** ${escapeMarkdown(segment.slice(eq + 1))}`;
  });
  return [`**${l10n.t('Confluent Resource Name')}**`, ...parts, ...(problem ? [`⚠ ${escapeMarkdown(problem)}`] : [])].join('\n');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
