/**
 * One metrics webview panel: a cluster, optionally narrowed to a principal. The host side owns
 * every HTTP call (credentials never reach the webview), the rate budget, auto-refresh and the
 * save/copy actions; the webview only draws and reports the user's choices.
 */
import * as vscode from 'vscode';
import type { OrgConnection } from '../auth/orgConnection';
import { Disposable } from '../disposable';
import { isCancelled, isCloudApiError } from '../cloud/errors';
import type { MetricsQueryRequest } from '../cloud/schemas/metrics';
import type { MetricsQueryApi } from './metricsApi';
import { chartQuery, loadChart } from './chartLoader';
import { toCsv } from './csv';
import { csvFileName, exportCsvFile } from './csvExport';
import type { DescriptorCache } from './descriptors';
import { PanelObservers, type PanelObserver } from './panelObserver';
import { PRESET_METRICS } from './presets';
import {
  MAX_CLUSTER_CHOICES, parseFromWebview, type ClusterChoice, type Controls, type FromWebview, type MetricInfo, type PanelState,
  type PanelTarget, type SeriesMessage, type ToWebview,
} from './protocol';
import type { RateQueue } from './rateQueue';
import { validateRange } from './timeRange';
import { unitLabel } from './units';
import { createNonce } from '../ui/webviewHtml';
import { renderHtml } from './webviewHtml';

export const METRICS_VIEW_TYPE = 'confluentCloud.metrics';

/** What a panel charts, resolved to a live connection. */
export interface PanelTargetInfo {
  readonly connection: OrgConnection;
  readonly clusterId: string;
  readonly clusterName: string;
  readonly environmentId?: string | undefined;
  readonly principal?: { readonly id: string; readonly label: string } | undefined;
  /** A principal's clusters (where it has API keys), offered in the panel's cluster switcher. */
  readonly clusters?: readonly ClusterChoice[] | undefined;
}

export interface MetricsPanelDeps {
  readonly log: vscode.LogOutputChannel;
  readonly queue: RateQueue;
  readonly descriptors: DescriptorCache;
  /** `dist/media`: the only folder the webview may load from. */
  readonly mediaRoot: vscode.Uri;
}

/**
 * Identity of a panel: opening the same target again reveals it instead of adding another. A
 * principal has one activity panel per organization, whichever cluster it shows: its cluster
 * switcher moves between them.
 */
export function panelKey(target: Pick<PanelTargetInfo, 'clusterId' | 'principal'> & { connection: { id: string } }): string {
  return target.principal
    ? [target.connection.id, '', target.principal.id].join('/')
    : [target.connection.id, target.clusterId, ''].join('/');
}

/** How long the queue waits after a 429 that carried no Retry-After. */
const RATE_LIMIT_HOLD_SECONDS = 5;

export class MetricsPanel extends Disposable {
  readonly key: string;
  private current: PanelTargetInfo;
  private readonly observers = new PanelObservers();
  private ready = false;
  private controls: Controls;
  private metrics: MetricInfo[] = [...PRESET_METRICS];
  private seq = 0;
  private inflight: AbortController | undefined;
  private last: { message: Omit<SeriesMessage, 'seq'>; at: number } | undefined;
  private refreshTimer: ReturnType<typeof setInterval> | undefined;
  private readonly disposeEmitter = this.register(new vscode.EventEmitter<void>());
  readonly onDidDispose = this.disposeEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    target: PanelTargetInfo,
    controls: Controls,
    private readonly deps: MetricsPanelDeps,
  ) {
    super();
    this.current = withCluster(target, target.clusters);
    this.key = panelKey(target);
    this.controls = controls;
    const title = target.principal
      ? vscode.l10n.t({ message: 'Activity: {0}', args: [target.principal.label], comment: ['{0} is a service account or user name'] })
      : vscode.l10n.t({ message: 'Metrics: {0}', args: [target.clusterName], comment: ['{0} is a Kafka cluster name'] });
    // Charts of the demo's sample data must never pass for a real cluster's.
    panel.title = target.connection.source === 'demo'
      ? vscode.l10n.t({ message: '{0} (Demo)', args: [title], comment: ['{0} is the panel title; the demo organization holds sample data'] })
      : title;
    panel.webview.options = { enableScripts: true, localResourceRoots: [deps.mediaRoot] };
    this.register(panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)));
    this.register(panel.onDidChangeViewState(() => this.onVisibility()));
    this.register(panel.onDidDispose(() => this.dispose()));
    const unsubscribe = target.connection.client.metricsRateLimit.onDidChange((s) => {
      // The client retries a 429 by itself; say so while it waits instead of looking frozen.
      if (this.inflight && s.remaining === 0) {
        this.post({ type: 'status', state: 'rateLimited', message: vscode.l10n.t('Rate limited by the Metrics API; retrying…') });
      }
    });
    this.register({ dispose: unsubscribe });
    this.render();
  }

  /** What the panel charts now; an activity panel's cluster changes with its switcher. */
  get target(): PanelTargetInfo {
    return this.current;
  }

  /** The state VS Code keeps for the serializer: ids, names and controls; never credentials. */
  get state(): PanelState {
    const { connection, clusterId, environmentId, principal, clusters } = this.current;
    return {
      connectionId: connection.id,
      ...(connection.orgId ? { orgId: connection.orgId } : {}),
      clusterId,
      clusterName: this.current.clusterName,
      ...(environmentId ? { environmentId } : {}),
      ...(principal ? { principalId: principal.id, principalLabel: principal.label } : {}),
      ...(clusters && clusters.length > 1 ? { clusters: [...clusters] } : {}),
      controls: this.controls,
    };
  }

  /**
   * Tells `observer` what crosses the webview boundary, which queries go out and what failed,
   * from now on. The panel keeps none of it itself.
   */
  observe(observer: PanelObserver): vscode.Disposable {
    return this.observers.add(observer);
  }

  /**
   * Charts another of the principal's clusters in this panel (what the switcher asks for). Only
   * a cluster the panel offers is accepted; returns whether the panel now shows it.
   */
  switchCluster(clusterId: string): boolean {
    const choice = this.current.clusters?.find((c) => c.id === clusterId);
    if (!choice || !this.current.principal) return false;
    if (choice.id === this.current.clusterId) return true;
    this.current = { ...this.current, clusterId: choice.id, clusterName: choice.name, environmentId: choice.environmentId };
    // The kept chart and CSV belong to the previous cluster.
    this.last = undefined;
    this.post({ type: 'target', target: this.webviewTarget(), state: this.state });
    this.refresh();
    return true;
  }

  /** Shows `cluster` (adding it to the switcher if it is new), e.g. an API key's cluster of the same owner. */
  showCluster(cluster: ClusterChoice): void {
    if (!this.current.principal) return;
    if (!this.current.clusters?.some((c) => c.id === cluster.id)) {
      this.current = { ...this.current, clusters: [...(this.current.clusters ?? []), cluster].slice(-MAX_CLUSTER_CHOICES) };
    }
    this.switchCluster(cluster.id);
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** The CSV Export CSV would save now, or undefined before the first data arrived. */
  csv(): string | undefined {
    const last = this.last?.message;
    return last && toCsv(last.timestamps, last.series, unitLabel(last.unit));
  }

  /** The request body Copy Query copies. */
  queryJson(): string {
    return JSON.stringify(chartQuery({ clusterId: this.current.clusterId, principalId: this.current.principal?.id }, this.controls, Date.now()), null, 2);
  }

  /** Queries again now (also what Refresh and Retry do). */
  refresh(): void {
    void this.load();
  }

  override dispose(): void {
    if (this.isDisposed) return;
    this.inflight?.abort();
    this.stopTimers();
    this.disposeEmitter.fire();
    this.observers.clear();
    super.dispose();
    this.panel.dispose();
  }

  private render(): void {
    const webview = this.panel.webview;
    this.ready = false;
    webview.html = renderHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.deps.mediaRoot, 'metrics.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.deps.mediaRoot, 'metrics.css')).toString(),
      l10nBundle: vscode.l10n.bundle,
    });
  }

  private post(message: ToWebview): void {
    // Nothing goes out before the webview said it listens; a hidden webview is gone anyway.
    if (!this.ready || this.isDisposed) return;
    this.observers.tell('sent', message);
    void this.panel.webview.postMessage(message);
  }

  private receive(raw: unknown): void {
    const message = parseFromWebview(raw);
    if (!message) {
      this.deps.log.warn('metrics panel: ignored a malformed message from the webview');
      return;
    }
    this.observers.tell('received', message);
    this.handle(message);
  }

  private handle(message: FromWebview): void {
    switch (message.type) {
      case 'ready': return this.onReady();
      case 'setControls': return this.setControls(message.controls);
      case 'refresh': return this.refresh();
      case 'exportCsv':
        return void exportCsvFile(this.csv(), csvFileName(this.current.clusterId, this.current.principal?.id, this.controls.metric));
      case 'copyQuery': return void this.copyQuery();
      case 'switchCluster':
        if (!this.switchCluster(message.clusterId)) this.deps.log.warn(`metrics panel: ignored a switch to a cluster it does not offer (${message.clusterId})`);
        return;
    }
  }

  /** The target as the webview shows it: ids and names only. */
  private webviewTarget(): PanelTarget {
    const { connection, clusterId, clusterName, environmentId, principal, clusters } = this.current;
    return {
      clusterId, clusterName, orgLabel: connection.label,
      ...(environmentId ? { environmentId } : {}),
      ...(principal ? { principal } : {}),
      ...(principal && clusters && clusters.length > 1 ? { clusters: [...clusters] } : {}),
    };
  }

  /** Also runs after the webview was recreated (hidden and shown again): re-send what it had. */
  private onReady(): void {
    this.ready = true;
    this.post({ type: 'init', target: this.webviewTarget(), state: this.state, metrics: this.metrics });
    void this.loadDescriptors();
    const period = this.controls.autoRefreshSeconds * 1000;
    const fresh = this.last && (period === 0 || Date.now() - this.last.at < period);
    if (this.last && fresh && !this.inflight) this.post({ ...this.last.message, seq: ++this.seq });
    else if (!this.inflight) this.refresh();
    else this.post({ type: 'loading', seq: this.seq });
    this.scheduleAutoRefresh();
  }

  private async loadDescriptors(): Promise<void> {
    const { connection } = this.current;
    try {
      const metrics = await this.deps.descriptors.get(connection.id, connection.client.metrics, () => this.deps.queue.acquire());
      if (metrics.length === 0) return;
      this.metrics = metrics;
      this.post({ type: 'metrics', metrics });
    } catch (error) {
      // The presets still work; the picker just lacks the long tail and server descriptions.
      this.deps.log.warn(`metrics: couldn't load metric descriptors: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private setControls(controls: Controls): void {
    const problem = validateRange(controls.range, Date.now());
    if (problem) {
      this.post({ type: 'error', seq: ++this.seq, message: problem });
      return;
    }
    this.controls = controls;
    this.scheduleAutoRefresh();
    this.refresh();
  }

  private async load(): Promise<void> {
    if (this.isDisposed) return;
    this.inflight?.abort();
    const abort = new AbortController();
    this.inflight = abort;
    const seq = ++this.seq;
    this.post({ type: 'loading', seq });
    const { connection, clusterId, principal } = this.current;
    try {
      const message = await loadChart(this.observedApi(connection.client.metrics), { clusterId, principalId: principal?.id }, this.controls, {
        known: this.metrics,
        now: Date.now(),
        signal: abort.signal,
        beforeRequest: async () => {
          if (this.deps.queue.wouldWait) {
            this.post({
              type: 'status', state: 'queued',
              message: vscode.l10n.t({ message: 'Waiting for the request budget ({0} queued)…', args: [this.deps.queue.pending + 1], comment: ['{0} is a number of requests'] }),
            });
          }
          await this.deps.queue.acquire(abort.signal);
        },
      });
      if (abort.signal.aborted) return;
      this.last = { message, at: Date.now() };
      this.post({ ...message, seq });
    } catch (error) {
      if (abort.signal.aborted || isCancelled(error)) return;
      this.fail(seq, error);
    } finally {
      if (this.inflight === abort) this.inflight = undefined;
    }
  }

  /** The Metrics API, telling observers each query it sends; the client itself when nobody observes. */
  private observedApi(api: MetricsQueryApi): MetricsQueryApi {
    if (this.observers.size === 0) return api;
    const query = (request: MetricsQueryRequest, options?: Parameters<MetricsQueryApi['query']>[1]) => {
      this.observers.tell('queried', request);
      return api.query(request, options);
    };
    // The client's `query` is overloaded by response format; this forwards every overload unchanged.
    return { query: query as MetricsQueryApi['query'] };
  }

  private fail(seq: number, error: unknown): void {
    const text = error instanceof Error ? error.message : String(error);
    this.observers.tell('failed', text);
    this.deps.log.warn(`metrics: ${text}`);
    // The client has already retried this 429 as far as its policy allows; retrying again here
    // would double the traffic. Hold the shared queue for the server's hint instead, so the next
    // Refresh (or any other chart) waits rather than collecting another 429.
    if (isCloudApiError(error) && error.status === 429) {
      this.deps.queue.holdFor((error.retryAfterSeconds ?? RATE_LIMIT_HOLD_SECONDS) * 1000);
      this.post({ type: 'status', state: 'rateLimited', message: vscode.l10n.t('Rate limited by the Metrics API.') });
    }
    this.post({ type: 'error', seq, message: text });
  }

  private onVisibility(): void {
    if (this.panel.visible) {
      this.scheduleAutoRefresh();
    } else {
      // The webview is torn down while hidden; it sends `ready` again when shown.
      this.ready = false;
      this.stopTimers();
    }
  }

  private scheduleAutoRefresh(): void {
    clearInterval(this.refreshTimer);
    this.refreshTimer = undefined;
    const seconds = this.controls.autoRefreshSeconds;
    if (seconds >= 60 && this.panel.visible && !this.isDisposed) {
      this.refreshTimer = setInterval(() => this.refresh(), seconds * 1000);
    }
  }

  private stopTimers(): void {
    clearInterval(this.refreshTimer);
    this.refreshTimer = undefined;
  }

  private async copyQuery(): Promise<void> {
    try {
      await vscode.env.clipboard.writeText(this.queryJson());
      this.post({ type: 'status', state: 'idle', message: vscode.l10n.t('Copied the query to the clipboard.') });
    } catch (error) {
      this.post({ type: 'status', state: 'idle', message: vscode.l10n.t("Couldn't copy the query: {0}", error instanceof Error ? error.message : String(error)) });
    }
  }
}

/** The target with its cluster in its own switcher list (when it has one), at most the protocol's cap. */
function withCluster(target: PanelTargetInfo, clusters: readonly ClusterChoice[] | undefined): PanelTargetInfo {
  if (!target.principal || !clusters?.length) return { ...target, clusters: undefined };
  const own: ClusterChoice = { id: target.clusterId, name: target.clusterName, ...(target.environmentId ? { environmentId: target.environmentId } : {}) };
  const list = clusters.some((c) => c.id === own.id) ? clusters : [own, ...clusters];
  return { ...target, clusters: list.slice(0, MAX_CLUSTER_CHOICES) };
}
