'use strict';
// Child process for the activation benchmark: resolves `vscode` to the shim, then times
// require(bundle) + activate(), notes which JavaScript files that evaluated, and (when the
// extension has lazily loaded features) how long the first use takes to load them, and how long
// the first request takes to load the cloud client's bundles (dist/cloud.js, dist/undici.js).
// Prints one JSON line: { loadMs, activateMs, evaluated: [{ file, bytes }], featuresMs?, cloudMs? }.
const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { vscode, fakeContext } = require('./standIn.cjs');

const bundle = process.argv[2];
const root = path.resolve(__dirname, '..', '..');
const before = new Set(Object.keys(require.cache));
const t0 = performance.now();
const extension = require(bundle);
const t1 = performance.now();
const context = fakeContext(vscode, root);
const api = extension.activate(context);
const t2 = performance.now();
const evaluated = Object.keys(require.cache).filter((f) => !before.has(f) && f.endsWith('.js')).map((file) => ({ file: path.relative(root, file), bytes: fs.statSync(file).size }));
let featuresMs;
if (api && api.features && typeof api.features.load === 'function') {
  const t3 = performance.now();
  api.features.load();
  featuresMs = performance.now() - t3;
}
// What a client's first call requires before its request goes out (src/cloud/cloudClientModule.ts,
// src/cloud/undiciModule.ts), timed the same way.
let cloudMs;
const cloud = path.join(path.dirname(path.resolve(bundle)), 'cloud.js');
if (fs.existsSync(cloud)) {
  const t4 = performance.now();
  require(cloud);
  require(path.join(path.dirname(cloud), 'undici.js'));
  cloudMs = performance.now() - t4;
}
process.stdout.write(`${JSON.stringify({ loadMs: t1 - t0, activateMs: t2 - t1, evaluated, featuresMs, cloudMs })}\n`);
for (const d of context.subscriptions) try { d.dispose(); } catch { /* best effort */ }
process.exit(0);
