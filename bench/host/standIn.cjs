'use strict';
// Loads code outside VS Code: from the first require of this file on, `require('vscode')` in this
// process answers the stand-in module (vscodeShim.cjs). Hands back the stand-in and a minimal
// ExtensionContext maker. Require it before the bundle under test.
const Module = require('node:module');
const path = require('node:path');

const shimPath = path.join(__dirname, 'vscodeShim.cjs');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? shimPath : resolve.call(this, request, ...rest);
};

module.exports = { vscode: require(shimPath), fakeContext: require('./fakeContext.cjs').fakeContext };
