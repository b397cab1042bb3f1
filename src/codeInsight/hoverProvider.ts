/**
 * Hovers over IDs and CRNs in any open document: what the ID is, where it was found and command
 * links. The Markdown trusts only this extension's own commands (an allow-list), renders no HTML
 * and no theme icons, and every API string in it is escaped (see hoverMarkdown.ts).
 */
import * as vscode from 'vscode';
import { crnStructureProblem, crnValue } from './crnParts';
import type { DocumentScans } from './documentScope';
import { crnHover, HOVER_COMMANDS, hoverMarkdown, type HoverExtras, unresolvedHover } from './hoverMarkdown';
import { crnContaining, type Reference, referenceAt } from './idPatterns';
import { displayNameOf, type LookupKind, type LookupResult, type ResourceLookup } from './resourceLookup';

const LOOKUP_KINDS = new Set<string>(['environment', 'kafkaCluster', 'serviceAccount', 'user', 'apiKey']);

/** Optional "last active" text for a principal (from the Metrics API, when activity is on). */
export type ActivityText = (connectionId: string, principalId: string, clusterId?: string) => string | undefined;

/** A hover's MarkdownString: trusted for our commands only, no HTML, no `$(icon)` rendering. */
export function safeHoverMarkdown(text: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(text, false);
  md.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
  md.supportHtml = false;
  md.supportThemeIcons = false;
  return md;
}

/** The environment named by the CRN a reference sits in, to look a cluster up directly. */
export function environmentHint(references: readonly Reference[], ref: Reference): string | undefined {
  const crn = crnContaining(references.filter((r) => r.kind === 'crn'), ref.start);
  return crn ? crnValue(crn.id, 'environment') : undefined;
}

export class CodeInsightHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly scans: DocumentScans,
    private readonly lookup: ResourceLookup,
    private readonly activity: ActivityText = () => undefined,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const { references } = this.scans.scan(document);
    const ref = referenceAt(references, document.offsetAt(position));
    if (!ref) return undefined;
    const range = new vscode.Range(document.positionAt(ref.start), document.positionAt(ref.end));
    if (ref.kind === 'crn') return new vscode.Hover(safeHoverMarkdown(crnHover(ref.id, crnStructureProblem(ref.id))), range);
    if (!LOOKUP_KINDS.has(ref.kind)) return new vscode.Hover(safeHoverMarkdown(unresolvedHover(ref.kind, ref.id)), range);
    const kind = ref.kind as LookupKind;
    const result = await this.lookup.lookup(kind, ref.id, { environmentId: environmentHint(references, ref) });
    if (token.isCancellationRequested) return undefined;
    const extras = await this.extras(result);
    return new vscode.Hover(safeHoverMarkdown(hoverMarkdown(ref.kind, ref.id, result, extras)), range);
  }

  private async extras(result: LookupResult): Promise<HoverExtras> {
    const match = result.status === 'found' ? result.matches[0] : undefined;
    if (!match) return {};
    if (match.kind === 'apiKey') {
      const owner = match.resource.spec.owner.id;
      const ownerKind: LookupKind = owner.startsWith('sa-') ? 'serviceAccount' : 'user';
      const ownerResult = await this.lookup.lookupIn(match.connection, ownerKind, owner);
      const found = ownerResult.status === 'found' ? ownerResult.matches[0] : undefined;
      const clusterId = match.resource.spec.resource?.id.startsWith('lkc-') ? match.resource.spec.resource.id : undefined;
      return {
        ownerName: found ? displayNameOf(found) : ownerResult.status === 'missing' ? 'deleted' : undefined,
        lastActivity: this.activity(match.connection.id, owner, clusterId),
      };
    }
    if (match.kind === 'serviceAccount' || match.kind === 'user') return { lastActivity: this.activity(match.connection.id, match.resource.id) };
    return {};
  }
}
