'use strict';
// A stand-in for the `vscode` module so benchmarks can load the extension bundle in plain Node.
// It is NOT a VS Code host: classes keep their fields (so memory figures are realistic) and every
// other API is a no-op that returns a disposable-like object. Figures taken with it are labelled
// as such in BENCHMARKS.md.

/** Anything: callable, constructible, and every property is another `anything`. */
function anything() {
  // Properties live in a map, not on the function: a function's own `name`/`length` are read-only.
  const props = new Map();
  return new Proxy(function () {}, {
    get(_target, prop) {
      if (prop === 'then') return undefined; // never look like a promise
      if (prop === Symbol.toPrimitive) return () => '';
      if (prop === 'dispose') return () => {};
      if (!props.has(prop)) props.set(prop, anything());
      return props.get(prop);
    },
    set(_target, prop, value) { props.set(prop, value); return true; },
    apply() { return anything(); },
    construct() { return anything(); },
  });
}

class Disposable {
  constructor(fn) { this.fn = fn; }
  static from(...items) { return new Disposable(() => items.forEach((d) => d.dispose())); }
  dispose() { if (this.fn) this.fn(); this.fn = undefined; }
}

class EventEmitter {
  constructor() {
    this.listeners = new Set();
    this.event = (listener, thisArg) => {
      const bound = thisArg ? listener.bind(thisArg) : listener;
      this.listeners.add(bound);
      return new Disposable(() => this.listeners.delete(bound));
    };
  }
  fire(value) { for (const l of [...this.listeners]) l(value); }
  dispose() { this.listeners.clear(); }
}

class TreeItem {
  constructor(labelOrUri, collapsibleState) {
    if (typeof labelOrUri === 'string' || (labelOrUri && typeof labelOrUri === 'object' && 'label' in labelOrUri)) this.label = labelOrUri;
    else this.resourceUri = labelOrUri;
    this.collapsibleState = collapsibleState;
  }
}

class ThemeIcon { constructor(id, color) { this.id = id; this.color = color; } }
ThemeIcon.File = new ThemeIcon('file');
ThemeIcon.Folder = new ThemeIcon('folder');
class ThemeColor { constructor(id) { this.id = id; } }

class MarkdownString {
  constructor(value = '', supportThemeIcons = false) { this.value = value; this.supportThemeIcons = supportThemeIcons; }
  appendText(text) { this.value += text.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&'); return this; }
  appendMarkdown(md) { this.value += md; return this; }
  appendCodeblock(code, lang = '') { this.value += `\n\`\`\`${lang}\n${code}\n\`\`\`\n`; return this; }
}

class Uri {
  constructor(scheme, authority, path, query, fragment) {
    Object.assign(this, { scheme, authority, path, query, fragment });
  }
  static parse(value) { const u = new URL(value); return new Uri(u.protocol.replace(':', ''), u.host, u.pathname, u.search.slice(1), u.hash.slice(1)); }
  static file(path) { return new Uri('file', '', path, '', ''); }
  static joinPath(base, ...parts) { return new Uri(base.scheme, base.authority, [base.path, ...parts].join('/'), '', ''); }
  with(change) { return Object.assign(new Uri(this.scheme, this.authority, this.path, this.query, this.fragment), change); }
  toString() { return `${this.scheme}://${this.authority}${this.path}${this.query ? `?${this.query}` : ''}`; }
  get fsPath() { return this.path; }
}

class DataTransferItem { constructor(value) { this.value = value; } asString() { return Promise.resolve(String(this.value)); } }
class DataTransfer {
  constructor() { this.items = new Map(); }
  get(mime) { return this.items.get(mime); }
  set(mime, item) { this.items.set(mime, item); }
  forEach(cb) { this.items.forEach((v, k) => cb(v, k, this)); }
}

class CancellationTokenSource {
  constructor() { this.emitter = new EventEmitter(); this.token = { isCancellationRequested: false, onCancellationRequested: this.emitter.event }; }
  cancel() { this.token.isCancellationRequested = true; this.emitter.fire(); }
  dispose() { this.emitter.dispose(); }
}

const configuration = {
  get: (_key, fallback) => fallback,
  has: () => false,
  inspect: () => undefined,
  update: () => Promise.resolve(),
};

function logChannel() {
  const noop = () => {};
  return { name: 'log', logLevel: 2, onDidChangeLogLevel: new EventEmitter().event, trace: noop, debug: noop, info: noop, warn: noop, error: noop, append: noop, appendLine: noop, replace: noop, clear: noop, show: noop, hide: noop, dispose: noop };
}

const overrides = {
  Disposable, EventEmitter, TreeItem, ThemeIcon, ThemeColor, MarkdownString, Uri, DataTransfer, DataTransferItem,
  CancellationTokenSource,
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  StatusBarAlignment: { Left: 1, Right: 2 },
  ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
  ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
  QuickPickItemKind: { Separator: -1, Default: 0 },
  LogLevel: { Off: 0, Trace: 1, Debug: 2, Info: 3, Warning: 4, Error: 5 },
  CodeActionKind: { QuickFix: { value: 'quickfix' }, Refactor: { value: 'refactor' }, Empty: { value: '' } },
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  CompletionItemKind: new Proxy({}, { get: (_t, p) => (typeof p === 'string' ? p.length : undefined) }),
  env: { clipboard: { writeText: () => Promise.resolve(), readText: () => Promise.resolve('') }, openExternal: () => Promise.resolve(true), uriScheme: 'vscode' },
  workspace: new Proxy({ getConfiguration: () => configuration, onDidChangeConfiguration: new EventEmitter().event }, {
    get: (t, p) => (p in t ? t[p] : anything()),
  }),
  window: new Proxy({ createOutputChannel: () => logChannel() }, { get: (t, p) => (p in t ? t[p] : anything()) }),
};

// esbuild's CommonJS interop copies the module's own keys, so every namespace must be a real key.
for (const ns of ['commands', 'languages', 'extensions', 'authentication', 'l10n', 'tasks', 'debug', 'scm', 'comments', 'tests', 'notebooks', 'lm', 'chat']) {
  overrides[ns] = anything();
}
module.exports = overrides;
