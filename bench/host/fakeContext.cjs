'use strict';
// A minimal ExtensionContext for loading the bundle outside VS Code (benchmarks only).
const path = require('node:path');

function memento() {
  const data = new Map();
  return {
    keys: () => [...data.keys()],
    get: (key, fallback) => (data.has(key) ? data.get(key) : fallback),
    update: (key, value) => { if (value === undefined) data.delete(key); else data.set(key, value); return Promise.resolve(); },
    setKeysForSync: () => {},
  };
}

function secrets() {
  const data = new Map();
  const listeners = new Set();
  return {
    get: (key) => Promise.resolve(data.get(key)),
    store: (key, value) => { data.set(key, value); return Promise.resolve(); },
    delete: (key) => { data.delete(key); return Promise.resolve(); },
    onDidChange: (listener) => { listeners.add(listener); return { dispose: () => listeners.delete(listener) }; },
  };
}

function fakeContext(vscode, root) {
  const extensionUri = vscode.Uri.file(root);
  return {
    subscriptions: [],
    globalState: memento(),
    workspaceState: memento(),
    secrets: secrets(),
    extensionUri,
    extensionPath: root,
    asAbsolutePath: (p) => path.join(root, p),
    storageUri: undefined,
    globalStorageUri: vscode.Uri.file(path.join(root, '.bench-storage')),
    logUri: vscode.Uri.file(path.join(root, '.bench-logs')),
    extensionMode: 1,
    extension: { id: 'bench.extension', extensionUri, extensionPath: root, packageJSON: require(path.join(root, 'package.json')) },
    environmentVariableCollection: {},
  };
}

module.exports = { fakeContext };
