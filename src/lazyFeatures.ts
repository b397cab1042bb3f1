import * as vscode from 'vscode';
import { Disposable } from './disposable';

/** What the features bundle's entry gets from the core besides the core objects. */
export interface FeatureHooks {
  /** Takes the metrics panel serializer; the one VS Code knows was registered at activation. */
  readonly registerSerializer: (viewType: string, serializer: vscode.WebviewPanelSerializer) => vscode.Disposable;
  /** Takes a chat tool's implementation; the stand-in VS Code knows was registered at activation. */
  readonly registerTool: (name: string, tool: vscode.LanguageModelTool<object>) => vscode.Disposable;
}

/** What the features bundle's entry hands back: what to dispose, and the features' API. */
export interface LoadedFeatures<A> {
  readonly disposables: readonly vscode.Disposable[];
  /** Reached through the extension's exported API (in-host tests observe panels with it). */
  readonly api: A;
}

/** The features bundle's entry point: wires every feature and returns its disposables and API. */
export type FeaturesEntry<C, A = unknown> = (core: C, hooks: FeatureHooks) => LoadedFeatures<A>;

/** Manifest parts the stand-ins are made from. */
export interface FeatureManifest {
  readonly commands: readonly string[];
  readonly tools: readonly string[];
  readonly serializers: readonly string[];
}

/**
 * Everything but the tree loads on first use. At activation VS Code must already know every
 * command, webview serializer and chat tool the manifest names, so this registers stand-ins for
 * them; the first one used loads the features bundle, which registers the real commands and hands
 * over its serializers and tools. A stand-in command then re-runs the same call, so a caller
 * (palette, menu, keybinding, another extension) never sees the difference.
 */
export class LazyFeatures<C, A = unknown> extends Disposable {
  private commandStandIns: vscode.Disposable[] = [];
  private loaded = false;
  private readonly serializers = new Map<string, vscode.WebviewPanelSerializer>();
  private readonly tools = new Map<string, vscode.LanguageModelTool<object>>();
  private loadedApi: A | undefined;
  /** Milliseconds the first load took (require + wiring); for the log and the bench. */
  loadMs: number | undefined;

  constructor(
    private readonly entry: () => FeaturesEntry<C, A>,
    private readonly core: C,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
  }

  get isLoaded(): boolean {
    return this.loaded;
  }

  /** The features' API once they are loaded (see {@link load}); undefined before. */
  get api(): A | undefined {
    return this.loadedApi;
  }

  /** Stand-ins for the manifest's commands, serializers and tools. */
  standIn(manifest: FeatureManifest): void {
    for (const id of manifest.commands) {
      this.commandStandIns.push(vscode.commands.registerCommand(id, (...args: unknown[]) => {
        this.load();
        return vscode.commands.executeCommand(id, ...args);
      }));
    }
    for (const viewType of manifest.serializers) {
      this.register(vscode.window.registerWebviewPanelSerializer(viewType, {
        deserializeWebviewPanel: async (panel, state) => {
          this.load();
          await this.serializers.get(viewType)?.deserializeWebviewPanel(panel, state);
        },
      }));
    }
    const lm = (vscode as { lm?: Partial<typeof vscode.lm> }).lm;
    if (typeof lm?.registerTool !== 'function') return;
    for (const name of manifest.tools) {
      this.register(lm.registerTool<object>(name, {
        prepareInvocation: (options, token) => this.tool(name).prepareInvocation?.(options, token),
        invoke: (options, token) => this.tool(name).invoke(options, token),
      }));
    }
  }

  /**
   * Loads the features now unless already loaded. Synchronous on purpose: the stand-in commands
   * are removed and the real ones registered in the same tick, so no call can fall in between.
   */
  load(): void {
    if (this.loaded) return;
    this.loaded = true;
    for (const standIn of this.commandStandIns) standIn.dispose();
    this.commandStandIns = [];
    const started = performance.now();
    const { disposables, api } = this.entry()(this.core, {
      registerSerializer: (viewType, serializer) => this.slot(this.serializers, viewType, serializer),
      registerTool: (name, tool) => this.slot(this.tools, name, tool),
    });
    this.loadMs = performance.now() - started;
    this.loadedApi = api;
    for (const d of disposables) this.register(d);
    this.log.info(`Loaded the commands and panels in ${this.loadMs.toFixed(1)} ms`);
  }

  /** Loads once an editor shows a document (the editor features work on open documents). */
  loadWithFirstEditor(): void {
    if (vscode.window.visibleTextEditors.length > 0) {
      this.loadSoon();
      return;
    }
    this.loadOnFirst(vscode.window.onDidChangeVisibleTextEditors, (editors) => editors.length > 0);
  }

  /**
   * Loads (just after the event, not inside it) the first time `event` fires with a value that
   * `when` accepts; `then` runs after loading, e.g. to repaint what the features decorate.
   */
  loadOnFirst<T>(event: vscode.Event<T>, when: (value: T) => boolean = () => true, then?: () => void): void {
    if (this.loaded) return;
    const listener = this.register(event((value) => {
      if (!when(value)) return;
      listener.dispose();
      this.loadSoon(then);
    }));
  }

  private loadSoon(then?: () => void): void {
    setTimeout(() => {
      if (this.loaded) return;
      this.load();
      then?.();
    }, 0);
  }

  override dispose(): void {
    for (const standIn of this.commandStandIns) standIn.dispose();
    this.commandStandIns = [];
    super.dispose();
  }

  private tool(name: string): vscode.LanguageModelTool<object> {
    this.load();
    const tool = this.tools.get(name);
    if (!tool) throw new Error(vscode.l10n.t('The chat tool {0} is not available in this version.', name));
    return tool;
  }

  private slot<T>(map: Map<string, T>, key: string, value: T): vscode.Disposable {
    map.set(key, value);
    return { dispose: () => { if (map.get(key) === value) map.delete(key); } };
  }
}

/** Command, tool and webview IDs the manifest contributes. */
export function manifestParts(packageJson: unknown): FeatureManifest {
  const contributes = (packageJson as { contributes?: Record<string, unknown> } | undefined)?.contributes ?? {};
  const ids = (list: unknown, key: string): string[] =>
    Array.isArray(list) ? list.flatMap((entry) => (typeof entry?.[key] === 'string' ? [entry[key]] : [])) : [];
  const activation = (packageJson as { activationEvents?: unknown } | undefined)?.activationEvents;
  const serializers = Array.isArray(activation)
    ? activation.flatMap((e) => (typeof e === 'string' && e.startsWith('onWebviewPanel:') ? [e.slice('onWebviewPanel:'.length)] : []))
    : [];
  return { commands: ids(contributes.commands, 'command'), tools: ids(contributes.languageModelTools, 'name'), serializers };
}
