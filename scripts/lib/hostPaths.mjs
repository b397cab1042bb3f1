// Where the offline VS Code host (Node 24 + code-server + Chromium) lives, and which versions.
// The cache is outside the repository so fresh clones and `git clean` reuse it.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
export const CHROMIUM_PATH = process.env.CCX_CHROMIUM ?? '/usr/bin/chromium';

/** Debian packages: the browser plus what code-server's native modules need to compile. */
export const APT_BROWSER = ['chromium'];
export const APT_BUILD = ['libkrb5-dev', 'pkg-config', 'build-essential', 'python3'];

export function hostCacheDir() {
  if (process.env.CCX_HOST_CACHE) return process.env.CCX_HOST_CACHE;
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'confluent-cloud-explorer-host');
}

export function hostPaths(cache = hostCacheDir()) {
  const nodeDir = join(cache, `node-${NODE_VERSION}`);
  const codeServerPrefix = join(cache, `code-server-${CODE_SERVER_VERSION}`);
  return {
    cache,
    nodeDir,
    nodeBinDir: join(nodeDir, 'bin'),
    node: join(nodeDir, 'bin', 'node'),
    codeServerPrefix,
    codeServer: join(codeServerPrefix, 'node_modules', '.bin', 'code-server'),
    chromium: CHROMIUM_PATH,
    stamp: join(cache, 'installed.json'),
    lock: join(cache, '.install.lock'),
  };
}

/** What the stamp file must contain for the cache to count as complete. */
export function expectedStamp() {
  return { node: NODE_VERSION, codeServer: CODE_SERVER_VERSION };
}
