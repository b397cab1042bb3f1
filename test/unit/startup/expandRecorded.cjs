'use strict';
// Child process for the lazy cloud client test: loads a built dist/extension.js in plain Node with
// the bench's stand-in `vscode` module and one stored organization (the sandbox at CCX_SANDBOX_URL,
// its key in globalState, its secret in SecretStorage, as Add Organization leaves them), paints the tree
// and opens the organization (rows only, nothing fetched), then expands its Service accounts
// folder. Prints one JSON line: the bundles evaluated at each moment and what the folder listed.
const path = require('node:path');

const repo = path.resolve(__dirname, '..', '..', '..');
const { vscode, fakeContext } = require(path.join(repo, 'bench', 'host', 'standIn.cjs'));

async function main() {
  const bundle = path.resolve(process.argv[2]);
  const before = new Set(Object.keys(require.cache));
  const bundlesSince = () => Object.keys(require.cache).filter((f) => !before.has(f) && f.endsWith('.js')).map((f) => path.basename(f)).sort();
  const context = fakeContext(vscode, repo);
  const url = process.env.CCX_SANDBOX_URL;
  await context.globalState.update('confluentCloud.organizations', [
    { id: 'stored-sandbox', label: 'Sandbox', endpoint: url, metricsEndpoint: url, apiKey: process.env.CCX_SANDBOX_KEY },
  ]);
  await context.secrets.store('confluentCloud.apiSecret.stored-sandbox', process.env.CCX_SANDBOX_SECRET);
  const api = require(bundle).activate(context);
  const atActivation = bundlesSince();
  const [org] = await api.explorer.getChildren();
  const folders = await api.explorer.getChildren(org);
  const afterRows = bundlesSince();
  const accounts = folders.find((node) => node.kind === 'serviceAccountsFolder');
  const rows = await api.explorer.getChildren(accounts);
  const afterExpand = bundlesSince();
  process.stdout.write(`${JSON.stringify({
    atActivation, afterRows, afterExpand,
    folderKinds: folders.map((node) => node.kind),
    accountRows: rows.filter((node) => node.kind === 'serviceAccount').length,
  })}\n`);
  api.registry.dispose();
  process.exit(0);
}
main().catch((error) => { console.error(error); process.exit(1); });
