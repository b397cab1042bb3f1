// Bundles the extension (and the webview entry points) with esbuild.
//   node scripts/build.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { existsSync, rmSync } from 'node:fs';

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

/** @type {import('esbuild').BuildOptions[]} */
const targets = [
  {
    entryPoints: ['node_modules/undici/index.js'],
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
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    plugins: [undiciOnDemand, sandboxOnDemand],
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    legalComments: 'none',
    metafile: true,
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
  console.log('watching for changes…');
} else {
  await Promise.all(targets.map((t) => esbuild.build(t)));
}
