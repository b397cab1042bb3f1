// The parts of undici the extension uses, bundled as dist/undici.js and required on the first
// request (src/cloud/undiciModule.ts): connection pools, the agent that honours HTTP(S)_PROXY and
// NO_PROXY, and the request API of every dispatcher. fetch, WebSocket, EventSource, the caches and
// the mock agents stay out, which takes about a third off the file.
'use strict';
const Dispatcher = require('undici/lib/dispatcher/dispatcher');
const api = require('undici/lib/api');

// As undici's own index.js does: dispatcher.request(), .stream() and the rest are a mixin.
Object.assign(Dispatcher.prototype, api);

module.exports = {
  Pool: require('undici/lib/dispatcher/pool'),
  EnvHttpProxyAgent: require('undici/lib/dispatcher/env-http-proxy-agent'),
};
