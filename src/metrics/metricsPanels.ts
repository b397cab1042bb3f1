/**
 * All open metrics panels: one per target, revealed instead of duplicated, and restored after a
 * window reload through a WebviewPanelSerializer from the ids kept in the webview state.
 */
import * as vscode from 'vscode';
import type { OrgConnection } from '../auth/orgConnection';
import { Disposable } from '../disposable';
import { MetricsPanel, METRICS_VIEW_TYPE, panelKey, type MetricsPanelDeps, type PanelTargetInfo } from './metricsPanel';
import { DEFAULT_CONTROLS, panelStateSchema, type Controls } from './protocol';
import { createNonce, escapeAttribute } from '../ui/webviewHtml';
import { contentSecurityPolicy } from './webviewHtml';

/** How panels find the connection a restored panel belonged to; OrgRegistry fits. */
export interface ConnectionLookup {
  get(id: string): OrgConnection | undefined;
  list(): readonly OrgConnection[];
  readonly onDidChange?: vscode.Event<{ readonly removed: readonly OrgConnection[] }>;
}

/** Principal panels start on request counts over a day: every client sends requests. */
export const ACTIVITY_CONTROLS: Controls = {
  ...DEFAULT_CONTROLS,
  metric: 'io.confluent.kafka.server/request_count',
  range: { kind: 'preset', preset: '24h' },
};

/** Registers a webview serializer; returns what unregisters it. */
export type SerializerRegistration = (viewType: string, serializer: vscode.WebviewPanelSerializer) => vscode.Disposable;

export class MetricsPanels extends Disposable {
  private readonly panels = new Map<string, MetricsPanel>();
  private readonly openEmitter = this.register(new vscode.EventEmitter<MetricsPanel>());
  /** Fires as a panel is made (opened or restored), before its webview can say anything. */
  readonly onDidOpen = this.openEmitter.event;

  constructor(
    private readonly deps: MetricsPanelDeps,
    private readonly connections: ConnectionLookup,
    /**
     * Where the panel-restore serializer goes. The default registers it with VS Code; when this
     * module loads after activation, the serializer registered at activation forwards to it.
     */
    registerSerializer: SerializerRegistration = (viewType, serializer) => vscode.window.registerWebviewPanelSerializer(viewType, serializer),
  ) {
    super();
    // Released newest first: open panels close before the serializer goes.
    this.register(registerSerializer(METRICS_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => this.restore(panel, state),
    }));
    this.register({ dispose: () => { for (const p of this.list()) p.dispose(); } });
    if (connections.onDidChange) {
      this.register(connections.onDidChange(({ removed }) => {
        // A removed organization's client is closed: its panels can't query any more.
        for (const p of this.list()) if (removed.includes(p.target.connection)) p.dispose();
      }));
    }
  }

  /** Open panels, oldest first. */
  list(): readonly MetricsPanel[] {
    return [...this.panels.values()];
  }

  /**
   * Reveals the panel for this target, or opens one. A principal's panel that shows another
   * cluster switches to this one (an API key's cluster, say).
   */
  open(target: PanelTargetInfo, controls?: Controls): MetricsPanel {
    const existing = this.panels.get(panelKey(target));
    if (existing) {
      if (target.principal && existing.target.clusterId !== target.clusterId) {
        existing.showCluster({ id: target.clusterId, name: target.clusterName, ...(target.environmentId ? { environmentId: target.environmentId } : {}) });
      }
      existing.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(METRICS_VIEW_TYPE, vscode.l10n.t('Metrics'), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [this.deps.mediaRoot],
    });
    return this.adopt(panel, target, controls ?? (target.principal ? ACTIVITY_CONTROLS : DEFAULT_CONTROLS));
  }

  private adopt(panel: vscode.WebviewPanel, target: PanelTargetInfo, controls: Controls): MetricsPanel {
    const metricsPanel = new MetricsPanel(panel, target, controls, this.deps);
    this.panels.set(metricsPanel.key, metricsPanel);
    metricsPanel.onDidDispose(() => {
      if (this.panels.get(metricsPanel.key) === metricsPanel) this.panels.delete(metricsPanel.key);
    });
    this.openEmitter.fire(metricsPanel);
    return metricsPanel;
  }

  private async restore(panel: vscode.WebviewPanel, raw: unknown): Promise<void> {
    const parsed = panelStateSchema.safeParse(raw);
    const state = parsed.success ? parsed.data : undefined;
    const connection = state &&
      (this.connections.get(state.connectionId) ??
        (state.orgId ? this.connections.list().find((c) => c.orgId === state.orgId) : undefined));
    if (!state || !connection) {
      this.showGone(panel, state
        ? vscode.l10n.t('The organization this panel charted is no longer connected. Close it and open Show Metrics again.')
        : vscode.l10n.t('This panel could not be restored. Close it and open Show Metrics again.'));
      return;
    }
    const target: PanelTargetInfo = {
      connection,
      clusterId: state.clusterId,
      clusterName: state.clusterName ?? state.clusterId,
      environmentId: state.environmentId,
      principal: state.principalId ? { id: state.principalId, label: state.principalLabel ?? state.principalId } : undefined,
      clusters: state.clusters,
    };
    if (this.panels.has(panelKey(target))) {
      // Two restored copies of one target (e.g. after a window merge): keep the first.
      panel.dispose();
      return;
    }
    this.adopt(panel, target, state.controls);
  }

  /** A static, script-free page for a panel that can't be brought back. */
  private showGone(panel: vscode.WebviewPanel, message: string): void {
    panel.webview.options = { enableScripts: false, localResourceRoots: [] };
    const csp = escapeAttribute(contentSecurityPolicy(panel.webview.cspSource, createNonce()));
    panel.webview.html = `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">` +
      `<meta http-equiv="Content-Security-Policy" content="${csp}"><title>${escapeAttribute(vscode.l10n.t('Metrics'))}</title></head>` +
      `<body><p>${escapeAttribute(message)}</p></body></html>`;
  }
}
