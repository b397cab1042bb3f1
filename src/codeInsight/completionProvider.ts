/**
 * Completion in Terraform, YAML, properties and `.env` files: after `sa-`, `u-`, `env-` or
 * `lkc-` the loaded resources are offered by name (the ID is inserted), and after
 * `crn://confluent.cloud/` the next CRN segment with real IDs.
 */
import * as vscode from 'vscode';
import type { OrgRegistry } from '../auth/orgRegistry';
import { type CompletionContext, completionContext, type IdPrefix, nextCrnSegments } from './completionContext';
import type { Candidate, CandidateKind, CompletionSource } from './completionSource';
import { referenceKindLabel } from './idPatterns';

/** The files completion runs in (the host may not know `.tf` or `.env` as languages). */
export const COMPLETION_SELECTOR: vscode.DocumentSelector = [
  { language: 'terraform' }, { language: 'hcl' }, { language: 'yaml' }, { language: 'properties' }, { language: 'dotenv' },
  { pattern: '**/*.{tf,tfvars,yaml,yml,properties,env}' }, { pattern: '**/.env' }, { pattern: '**/.env.*' },
];

export const COMPLETION_TRIGGERS = ['-', '/', '='];

const PREFIX_KINDS: Readonly<Record<IdPrefix, CandidateKind>> = {
  'env-': 'environment', 'lkc-': 'kafkaCluster', 'sa-': 'serviceAccount', 'u-': 'user',
};
const SEGMENT_KINDS: Readonly<Record<string, CandidateKind>> = {
  environment: 'environment', 'cloud-cluster': 'kafkaCluster', 'service-account': 'serviceAccount', user: 'user',
};

export class CodeInsightCompletionProvider implements vscode.CompletionItemProvider {
  constructor(
    private readonly registry: OrgRegistry,
    private readonly source: CompletionSource,
  ) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[] | undefined> {
    const context = completionContext(document.lineAt(position.line).text.slice(0, position.character));
    if (!context) return undefined;
    const range = new vscode.Range(position.line, context.start, position.line, position.character);
    return context.type === 'id' ? this.idItems(context, range) : this.crnItems(context, range);
  }

  private async idItems(context: Extract<CompletionContext, { type: 'id' }>, range: vscode.Range): Promise<vscode.CompletionItem[]> {
    const kind = PREFIX_KINDS[context.prefix];
    const items: vscode.CompletionItem[] = [];
    for (const connection of this.registry.list()) {
      for (const candidate of await this.source.candidates(connection, kind)) {
        items.push(item(candidate, candidate.id, range, `${context.prefix}${candidate.name} ${candidate.id}`, kindIn(kind, connection.label)));
      }
    }
    return items;
  }

  private async crnItems(context: Extract<CompletionContext, { type: 'crn' }>, range: vscode.Range): Promise<vscode.CompletionItem[]> {
    const items: vscode.CompletionItem[] = [];
    const org = context.segments.find((s) => s.key === 'organization')?.value;
    const connections = this.registry.list();
    for (const key of nextCrnSegments(context.segments)) {
      if (key === 'organization') {
        for (const c of connections) {
          if (c.orgId) items.push(item({ id: c.orgId, name: c.label }, `organization=${c.orgId}`, range, `organization=${c.label} ${c.orgId}`, vscode.l10n.t('organization')));
        }
        continue;
      }
      if (key === 'kafka') {
        const cluster = context.segments.find((s) => s.key === 'cloud-cluster')?.value;
        if (cluster) items.push(item({ id: cluster, name: cluster }, `kafka=${cluster}`, range, `kafka=${cluster}`, vscode.l10n.t('the same cluster')));
        continue;
      }
      const kind = SEGMENT_KINDS[key];
      if (!kind) continue;
      // Only the organization the CRN names, when it is a connected one.
      const scoped = connections.filter((c) => !org || !c.orgId || c.orgId === org);
      const environment = context.segments.find((s) => s.key === 'environment')?.value;
      for (const connection of scoped) {
        for (const candidate of await this.source.candidates(connection, kind)) {
          if (kind === 'kafkaCluster' && environment && candidate.environmentId !== environment) continue;
          items.push(item(candidate, `${key}=${candidate.id}`, range, `${key}=${candidate.name} ${candidate.id}`, kindIn(kind, connection.label)));
        }
      }
    }
    return items;
  }
}

/** "service account in Acme": a completion's detail. */
function kindIn(kind: CandidateKind, organization: string): string {
  return vscode.l10n.t({ message: '{0} in {1}', args: [referenceKindLabel(kind), organization], comment: ['{0} is a kind such as "service account", {1} an organization'] });
}

function item(candidate: Candidate, insert: string, range: vscode.Range, filterText: string, detail: string): vscode.CompletionItem {
  const completion = new vscode.CompletionItem({ label: candidate.name, description: candidate.id }, vscode.CompletionItemKind.Reference);
  completion.insertText = insert;
  completion.range = range;
  completion.filterText = filterText;
  completion.detail = detail;
  // Sort by name, as the user reads the list.
  completion.sortText = candidate.name.toLowerCase();
  return completion;
}
