// Entry of dist/sandbox.js: the sandbox as the extension embeds it for "Try Demo Organization".
// The same startSandbox as `npm run sandbox`, bundled on its own so that activation never parses it;
// src/demo/sandboxModule.ts requires this file only when the demo organization is first needed.

export { startSandbox } from './server';
export type { Sandbox, SandboxOptions } from './server';
