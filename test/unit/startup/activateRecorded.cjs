'use strict';
// Child process for the lazy-loading test: loads a built dist/extension.js in plain Node with the
// bench's stand-in `vscode` module, whose command registry is replaced by a recording one, then
// runs one contributed command the way a menu would. Prints one JSON line of what it saw.
const path = require('node:path');

const repo = path.resolve(__dirname, '..', '..', '..');
const { vscode, fakeContext } = require(path.join(repo, 'bench', 'host', 'standIn.cjs'));
const registered = new Map();
const executed = [];
vscode.commands = {
  registerCommand(id, handler) {
    // As VS Code does: one handler per ID.
    if (registered.has(id)) throw new Error(`command '${id}' already exists`);
    registered.set(id, handler);
    return { dispose: () => { if (registered.get(id) === handler) registered.delete(id); } };
  },
  async executeCommand(id, ...args) {
    executed.push(id);
    if (id === 'setContext') return undefined;
    const handler = registered.get(id);
    if (!handler) throw new Error(`command '${id}' not found`);
    return handler(...args);
  },
  getCommands: async () => [...registered.keys()],
};

async function main() {
  const bundle = path.resolve(process.argv[2]);
  const command = process.argv[3];
  const features = path.join(path.dirname(bundle), 'features.js');
  const before = new Set(Object.keys(require.cache));
  const extension = require(bundle);
  const api = extension.activate(fakeContext(vscode, repo));
  const evaluated = Object.keys(require.cache).filter((f) => !before.has(f) && f.endsWith('.js')).map((f) => path.basename(f));
  const standIn = registered.get(command);
  const registeredAtActivation = [...registered.keys()];
  const apiBeforeLoad = api.features.api !== undefined;
  await vscode.commands.executeCommand(command);
  process.stdout.write(`${JSON.stringify({
    evaluated,
    registeredAtActivation,
    featuresLoadedAfter: require.cache[features] !== undefined,
    handlerReplaced: registered.get(command) !== undefined && registered.get(command) !== standIn,
    executed: executed.filter((id) => id !== 'setContext'),
    isLoaded: api.features.isLoaded,
    apiBeforeLoad,
    apiAfterLoad: typeof api.features.api?.metrics?.panels?.list === 'function' && typeof api.features.api?.metrics?.activity?.describeStaleness === 'function',
  })}\n`);
  process.exit(0);
}
main().catch((error) => { console.error(error); process.exit(1); });
