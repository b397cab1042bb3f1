'use strict';
// The baseline of the start-up ratio: an extension bundle that does nothing.
exports.activate = function activate() { return undefined; };
exports.deactivate = function deactivate() { return undefined; };
