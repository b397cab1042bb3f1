import type * as Undici from 'undici';

/** What the extension takes from undici; dist/undici.js ships only these (scripts/lib/undiciSubset.cjs). */
export type UndiciSubset = Pick<typeof Undici, 'Pool' | 'EnvHttpProxyAgent'>;

/**
 * undici, loaded on the first request instead of at activation. It is most of the extension's
 * code (~320 KB minified even as a subset), so keeping it off the start-up path keeps activation
 * fast; the build writes it to its own file (dist/undici.js) and rewrites this require to point
 * there. Requests go through a dispatcher's own `request()`, which the subset keeps, never through
 * undici's top-level functions, which it leaves out. Node's module cache makes later calls free.
 */
export function undici(): UndiciSubset {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('undici') as UndiciSubset;
}
