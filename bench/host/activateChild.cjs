'use strict';
// Child process for the activation benchmark: resolves `vscode` to the shim, then times
// require(bundle) + activate(). Prints one JSON line: { loadMs, activateMs }.
const Module = require('node:module');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const shimPath = path.join(__dirname, 'vscodeShim.cjs');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? shimPath : resolve.call(this, request, ...rest);
};
const vscode = require(shimPath);
const { fakeContext } = require('./fakeContext.cjs');

const bundle = process.argv[2];
const root = path.resolve(__dirname, '..', '..');
const t0 = performance.now();
const extension = require(bundle);
const t1 = performance.now();
const context = fakeContext(vscode, root);
extension.activate(context);
const t2 = performance.now();
process.stdout.write(`${JSON.stringify({ loadMs: t1 - t0, activateMs: t2 - t1 })}\n`);
for (const d of context.subscriptions) try { d.dispose(); } catch { /* best effort */ }
process.exit(0);
