/**
 * Commands behind the hover links and the tree's Copy as Terraform / CLI Command: reveal a
 * resource named by ID, copy its CRN, show its activity, and export it. Each returns what it did
 * (the text copied, the node revealed) so automation and tests can check it.
 */
import * as vscode from 'vscode';
import type { OrgConnection } from '../auth/orgConnection';
import type { OrgRegistry } from '../auth/orgRegistry';
import { isCloudApiError } from '../cloud/errors';
import type { ExplorerProvider } from '../explorer/explorerProvider';
import { locateResource } from '../explorer/goToId';
import { type ExplorerNode, ResourceNode } from '../explorer/nodes/explorerNode';
import { targetNodes } from '../explorer/nodeText';
import { type RegisterCommand, revealQuietly } from './commandRegistrar';
import { cliOrTerraform } from './exportText';
import { connectionNamed, resolveExportTarget, resolveMatch } from './exportTargets';
import { CodeInsightCommand } from './hoverMarkdown';
import { referenceKindPlural, type ReferenceKind } from './idPatterns';
import { crnOf, type ResourceLookup } from './resourceLookup';

export interface CodeInsightCommandDeps {
  readonly register: RegisterCommand;
  readonly registry: OrgRegistry;
  readonly explorer: ExplorerProvider;
  readonly treeView: vscode.TreeView<ExplorerNode>;
  readonly lookup: ResourceLookup;
}

interface LinkArgs {
  id: string;
  organization?: string;
  kind?: ReferenceKind;
}

function linkArgs(value: unknown): LinkArgs | undefined {
  return typeof value === 'object' && value !== null && !(value instanceof ResourceNode) && typeof (value as { id?: unknown }).id === 'string'
    ? value as LinkArgs : undefined;
}

const REVEALABLE = new Set<string>(['environment', 'kafkaCluster', 'serviceAccount', 'user', 'apiKey']);

export function registerCodeInsightCommands(deps: CodeInsightCommandDeps): vscode.Disposable[] {
  const { registry, lookup } = deps;

  /** The connection that has the resource: the named one, else the first organization it is found in. */
  const connectionOf = async (args: LinkArgs): Promise<OrgConnection | undefined> => {
    const named = connectionNamed(registry, args.organization);
    if (named) return named;
    if (!args.kind || !REVEALABLE.has(args.kind)) return undefined;
    const match = await resolveMatch(args, registry, lookup);
    return match ? registry.get(match.connection.id) : undefined;
  };

  const locate = async (arg: unknown): Promise<ResourceNode<{ id: string }> | undefined> => {
    const args = linkArgs(arg);
    if (!args) return undefined;
    if (args.kind && !REVEALABLE.has(args.kind)) {
      void vscode.window.showInformationMessage(vscode.l10n.t({ message: 'The explorer does not show {0}.', args: [referenceKindPlural(args.kind)], comment: ['{0} is a plural kind such as "identity pools"'] }));
      return undefined;
    }
    const connection = await connectionOf(args);
    if (!connection) {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} was not found in any connected organization.', args.id));
      return undefined;
    }
    try {
      return await locateResource(deps.explorer, connection, args.id);
    } catch (error) {
      if (isCloudApiError(error) && error.status === 404) {
        void vscode.window.showWarningMessage(vscode.l10n.t({ message: '{0} was not found in {1}.', args: [args.id, connection.label], comment: ['{0} is an ID, {1} an organization'] }));
        return undefined;
      }
      throw error;
    }
  };

  const copy = async (kind: 'terraform' | 'cli', node: unknown, selection: unknown): Promise<string | undefined> => {
    const picked = node === undefined && selection === undefined ? targetNodes(undefined, undefined, deps.treeView.selection) : undefined;
    const items: unknown[] = Array.isArray(selection) && selection.length > 1 ? selection : picked ?? [node];
    const texts: string[] = [];
    for (const item of items) {
      const target = await resolveExportTarget(item, registry, lookup);
      if (!target) continue;
      texts.push(await cliOrTerraform(kind, target, item instanceof ResourceNode ? item.connection : undefined, lookup));
    }
    if (texts.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Select an environment, Kafka cluster, service account, API key or role binding to copy.'));
      return undefined;
    }
    const text = texts.join('\n');
    await vscode.env.clipboard.writeText(text);
    vscode.window.setStatusBarMessage(kind === 'terraform' ? vscode.l10n.t('$(copy) Copied as Terraform') : vscode.l10n.t('$(copy) Copied as CLI command'), 3000);
    return text;
  };

  return [
    deps.register(CodeInsightCommand.reveal, async (arg?: unknown) => {
      const node = await locate(arg);
      if (node) await revealQuietly(deps.treeView, node);
      return node;
    }),

    deps.register(CodeInsightCommand.copyCrn, async (arg?: unknown) => {
      const args = linkArgs(arg);
      const match = args ? await resolveMatch(args, registry, lookup) : undefined;
      const crn = match ? crnOf(match) : undefined;
      if (!crn) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No CRN is known for this resource.'));
        return undefined;
      }
      await vscode.env.clipboard.writeText(crn);
      vscode.window.setStatusBarMessage(vscode.l10n.t('$(copy) Copied CRN'), 3000);
      return crn;
    }),

    deps.register(CodeInsightCommand.showActivity, async (arg?: unknown) => {
      const node = await locate(arg);
      if (node) await vscode.commands.executeCommand('confluentCloud.showActivity', node);
      return node;
    }),

    deps.register(CodeInsightCommand.copyAsTerraform, (node?: unknown, selection?: unknown) => copy('terraform', node, selection)),
    deps.register(CodeInsightCommand.copyAsCli, (node?: unknown, selection?: unknown) => copy('cli', node, selection)),
  ];
}
