// Bundles the extension (and the webview entry points) with esbuild.
//   node scripts/build.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, rmSync, watch as watchTree, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSplit } from './lib/splitBundle.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * undici is bundled on its own (dist/undici.js) and required from the extension bundle only when
 * the first request is sent (src/cloud/undiciModule.ts), so activation does not parse it.
 * @type {import('esbuild').Plugin}
 */
const undiciOnDemand = {
  name: 'undici-on-demand',
  setup(build) {
    build.onResolve({ filter: /^undici$/ }, () => ({ path: './undici.js', external: true }));
  },
};

/**
 * The embedded sandbox behind "Try Demo Organization" is bundled on its own (dist/sandbox.js) and
 * required only when the demo first starts (src/demo/sandboxModule.ts), so activation never loads it.
 * @type {import('esbuild').Plugin}
 */
const sandboxOnDemand = {
  name: 'sandbox-on-demand',
  setup(build) {
    build.onResolve({ filter: /\/sandbox\/embedded$/ }, () => ({ path: './sandbox.js', external: true }));
  },
};

/**
 * The extension itself, as three bundles (scripts/lib/splitBundle.mjs): dist/extension.js holds
 * what activation evaluates, dist/features.js everything src/lazyFeatures.ts loads on first use.
 * @type {import('esbuild').Plugin}
 */
const featuresOnDemand = {
  name: 'features-on-demand',
  setup(build) {
    build.onResolve({ filter: /^\.\/features$/ }, (args) =>
      args.importer.endsWith(join('src', 'extension.ts')) ? { path: './features.js', external: true } : undefined);
  },
};

/**
 * ...and dist/cloud.js the cloud client's implementation (HTTP stack, API modules, zod schemas),
 * which src/cloud/cloudClientModule.ts requires on a client's first call.
 * @type {import('esbuild').Plugin}
 */
const cloudOnDemand = {
  name: 'cloud-on-demand',
  setup(build) {
    build.onResolve({ filter: /^\.\/cloudClient$/ }, (args) =>
      args.importer.endsWith(join('src', 'cloud', 'cloudClientModule.ts')) ? { path: './cloud.js', external: true } : undefined);
  },
};

/** @type {import('esbuild').BuildOptions} */
const extensionBundle = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  plugins: [undiciOnDemand, sandboxOnDemand, featuresOnDemand, cloudOnDemand],
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  legalComments: 'none',
  logLevel: 'warning',
};

/** Modules both later bundles may carry: data only, no imports, nothing a second copy could split. */
const COPIES_ALLOWED = ['src/cloud/granularityLimits.ts'];

async function buildExtension() {
  const result = await buildSplit({
    root: process.cwd(),
    core: { ...extensionBundle, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js' },
    lazy: [
      { ...extensionBundle, entryPoints: ['src/features.ts'], outfile: 'dist/features.js' },
      { ...extensionBundle, entryPoints: ['src/cloud/cloudClient.ts'], outfile: 'dist/cloud.js' },
    ],
  });
  // A module in two later bundles is a second copy: a second class, a second cache, more bytes.
  // Paths are relative to the working directory, which a scratch build links the sources into.
  const copies = result.duplicated.filter((path) => !COPIES_ALLOWED.some((allowed) => path.endsWith(allowed)));
  if (copies.length > 0) throw new Error(`in both dist/features.js and dist/cloud.js: ${copies.join(', ')}`);
  // What each bundle holds, by folder, for the start-up figures in BENCHMARKS.md.
  const [features, cloud] = result.lazy;
  mkdirSync('out', { recursive: true });
  writeFileSync('out/bundle-contents.json', JSON.stringify({ core: bundleContents(result.core), features: bundleContents(features), cloud: bundleContents(cloud) }, null, 2));
}

/** Minified bytes per source folder (or package) of a one-output metafile. */
function bundleContents(metafile) {
  const output = Object.values(metafile.outputs).find((o) => o.entryPoint !== undefined || Object.keys(o.inputs).length > 0);
  const byPart = {};
  for (const [path, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    if (path.startsWith('core-module:')) continue;
    const part = path.startsWith('node_modules/') ? path.split('/').slice(0, path.startsWith('node_modules/@') ? 3 : 2).join('/')
      : path.split('/').slice(0, path.startsWith('src/') && path.split('/').length > 2 ? 2 : 1).join('/');
    byPart[part] = (byPart[part] ?? 0) + bytesInOutput;
  }
  return { bytes: output?.bytes ?? 0, parts: Object.fromEntries(Object.entries(byPart).sort((a, b) => b[1] - a[1])) };
}

/** @type {import('esbuild').BuildOptions[]} */
const targets = [
  {
    // Next to this script, not under the working directory (which may be a scratch build's).
    entryPoints: [fileURLToPath(new URL('./lib/undiciSubset.cjs', import.meta.url))],
    outfile: 'dist/undici.js',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: production,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
  },
  {
    entryPoints: ['sandbox/embedded.ts'],
    outfile: 'dist/sandbox.js',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    legalComments: 'none',
    logLevel: 'warning',
  },
];

// Webview bundles: one per folder under media/ that has a main.ts.
for (const name of ['metrics', 'secret']) {
  const entry = `media/${name}/main.ts`;
  if (!existsSync(entry)) continue;
  targets.push({
    entryPoints: [entry],
    outfile: `dist/media/${name}.js`,
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    legalComments: 'none',
    loader: { '.css': 'css' },
    logLevel: 'warning',
  });
}

// A production build starts from an empty folder so no development source map is packaged.
if (production) rmSync('dist', { recursive: true, force: true });

if (watch) {
  const contexts = await Promise.all(targets.map((t) => esbuild.context(t)));
  await Promise.all(contexts.map((c) => c.watch()));
  // The two-bundle build has no esbuild context of its own: rebuild it when a source changes.
  await buildExtension();
  let pending;
  watchTree('src', { recursive: true }, () => {
    clearTimeout(pending);
    pending = setTimeout(() => buildExtension().then(() => console.log('rebuilt the extension'), (e) => console.error(e.message)), 100);
  });
  console.log('watching for changes…');
} else {
  await Promise.all([buildExtension(), ...targets.map((t) => esbuild.build(t))]);
}
