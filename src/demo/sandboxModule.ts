import type * as Embedded from '../../sandbox/embedded';

/** What the demo needs from the embedded sandbox bundle. */
export type SandboxModule = typeof Embedded;

/**
 * The sandbox, loaded on first use instead of at activation. The build writes it to its own file
 * (dist/sandbox.js) and rewrites this require to point there, so the activation bundle carries
 * none of the emulator; under tsx (unit tests) it resolves to the TypeScript source.
 */
export function loadSandboxModule(): SandboxModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../../sandbox/embedded') as SandboxModule;
}
