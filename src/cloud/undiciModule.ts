import type * as Undici from 'undici';

/**
 * undici, loaded on the first request instead of at activation. It is most of the extension's
 * code (~535 KB minified), so keeping it off the start-up path keeps activation fast; the build
 * writes it to its own file (dist/undici.js) and rewrites this require to point there. Node's
 * module cache makes every later call free.
 */
export function undici(): typeof Undici {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('undici') as typeof Undici;
}
