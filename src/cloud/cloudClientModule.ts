import type { CloudClientModule } from './lazyCloudClient';

/**
 * The client's implementation, required on the first call of a {@link LazyCloudClient}. The build
 * writes it to its own file (dist/cloud.js, sharing the activation bundle's modules) and rewrites
 * this require to point there; unbundled (tests), it is the source module. Node's module cache
 * makes every later call free.
 */
export function loadCloudClient(): CloudClientModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./cloudClient') as CloudClientModule;
}
