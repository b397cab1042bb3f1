/** VSIX and bundle sizes, from a production build packaged with vsce (offline, no dependencies). */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PackageFigures {
  readonly vsixBytes: number;
  readonly bundleBytes: number;
  readonly bundleGzipBytes: number;
  readonly webviewBytes: Record<string, number>;
  /** Lazily loaded bundles (features, cloud client, sandbox, undici), minified bytes. */
  readonly lazyBytes: Record<string, number>;
  /** What the activation bundle holds, minified bytes per source folder or package. */
  readonly coreParts: Record<string, number>;
}

export function runPackageBench(root: string): PackageFigures {
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const vsix = join(root, 'dist', 'confluent-cloud-explorer.vsix');
  const bundle = readFileSync(join(root, 'dist', 'extension.js'));
  const webviewBytes: Record<string, number> = {};
  for (const name of ['metrics.js', 'metrics.css', 'secret.js', 'secret.css']) {
    const file = join(root, 'dist', 'media', name);
    if (existsSync(file)) webviewBytes[name] = statSync(file).size;
  }
  const lazyBytes: Record<string, number> = {};
  for (const name of ['features.js', 'cloud.js', 'sandbox.js', 'undici.js']) {
    const file = join(root, 'dist', name);
    if (existsSync(file)) lazyBytes[name] = statSync(file).size;
  }
  // Written by scripts/build.mjs from esbuild's metafile.
  const contents = JSON.parse(readFileSync(join(root, 'out', 'bundle-contents.json'), 'utf8')) as { core: { parts: Record<string, number> } };
  return {
    vsixBytes: statSync(vsix).size, bundleBytes: bundle.length, bundleGzipBytes: gzipSync(bundle).length, webviewBytes, lazyBytes,
    coreParts: contents.core.parts,
  };
}
