// Builds the extension as a core bundle plus bundles loaded later that share its module instances:
//   dist/extension.js  the core: what activation evaluates (composition root, explorer, auth)
//   dist/features.js   commands, panels and the rest, required on first use (src/lazyFeatures.ts)
//   dist/cloud.js      the cloud client's implementation, required on its first call
//                      (src/cloud/cloudClientModule.ts)
// A later bundle must not carry its own copy of a core module: a second ExplorerNode class
// would break every `instanceof`, a second module-level cache would split state. So every import
// of a module that is already in the core becomes a lookup in a table the core exports.
import * as esbuild from 'esbuild';
import { relative, resolve, sep } from 'node:path';

const CORE_NAMESPACE = 'core-module';
const CORE_FILE = './extension.js';

/**
 * Packages that keep state a second copy would split: @vscode/l10n holds the translation bundle
 * activation configures, and a second copy in a later bundle would answer in English.
 */
const STATEFUL_PACKAGES = ['node_modules/@vscode/l10n/'];

/**
 * The modules among a metafile's inputs (paths relative to `root`) a later bundle may reuse:
 * the project's own and the stateful packages. Other packages are left out: exporting every
 * module of a package by namespace would defeat its tree-shaking, and they keep no state.
 */
function moduleInputs(metafile) {
  return Object.keys(metafile.inputs).filter((p) => !p.startsWith('<') && /\.(ts|js|mjs|cjs)$/.test(p)
    && (!p.includes('node_modules/') || STATEFUL_PACKAGES.some((pkg) => p.includes(pkg))));
}

/**
 * @param {{ root: string, core: import('esbuild').BuildOptions, lazy: import('esbuild').BuildOptions[] }} options
 * @returns {Promise<{ core: import('esbuild').Metafile, lazy: import('esbuild').Metafile[], shared: string[], duplicated: string[] }>}
 */
export async function buildSplit({ root, core, lazy }) {
  const entry = /** @type {string[]} */ (core.entryPoints)[0];
  const { entryPoints: _ignored, ...coreOptions } = core;

  // Pass 1: learn which modules the core holds.
  const probe = await esbuild.build({ ...coreOptions, entryPoints: [entry], write: false, metafile: true, minify: false, sourcemap: false });
  const inCore = new Set(moduleInputs(probe.metafile).map((p) => resolve(root, p)));

  // Pass 2: learn which of them the later bundles import. Only those go in the table: each entry
  // makes the core build a namespace object for its module, and activation evaluates them all.
  const used = new Set();
  /** @type {import('esbuild').Plugin} */
  const recordUse = {
    name: 'record-core-use',
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData === 'probe' || args.kind === 'entry-point' || args.namespace !== 'file') return undefined;
        const found = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'probe' });
        if (found.errors.length > 0 || found.external || !inCore.has(found.path)) return undefined;
        used.add(found.path);
        return { path: found.path, external: true };
      });
    },
  };
  await Promise.all(lazy.map((options) => esbuild.build({
    ...options, plugins: [recordUse, ...(options.plugins ?? [])], write: false, metafile: false, minify: false, sourcemap: false,
  })));
  // Sorted, so the same sources always give the same table.
  const shared = [...used].map((p) => relative(root, p).split(sep).join('/')).sort();

  // Pass 3: the core, also exporting those modules' namespaces by index.
  const imports = shared.map((p, i) => `import * as m${i} from ${JSON.stringify(`./${p}`)};`).join('\n');
  // Indexed, not keyed by path: the table is part of what activation evaluates.
  const table = shared.map((_p, i) => `m${i}`).join(', ');
  const contents = `export * from ${JSON.stringify(`./${entry}`)};\n${imports}\n/** Modules the later bundles reuse. */\nexport const __coreModules = [${table}];\n`;
  const coreResult = await esbuild.build({
    ...coreOptions,
    stdin: { contents, resolveDir: root, sourcefile: 'core-entry.ts', loader: 'ts' },
    metafile: true,
  });

  const coreIndex = new Map(shared.map((p, i) => [resolve(root, p), i]));
  /** @type {import('esbuild').Plugin} */
  const reuseCore = {
    name: 'reuse-core-modules',
    setup(build) {
      build.onResolve({ filter: /^\.\/extension\.js$/, namespace: CORE_NAMESPACE }, () => ({ path: CORE_FILE, external: true }));
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData === 'probe' || args.kind === 'entry-point' || args.namespace !== 'file') return undefined;
        const found = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'probe' });
        const index = coreIndex.get(found.path);
        if (found.errors.length > 0 || found.external || index === undefined) return undefined;
        return { path: relative(root, found.path).split(sep).join('/'), namespace: CORE_NAMESPACE, pluginData: index };
      });
      build.onLoad({ filter: /.*/, namespace: CORE_NAMESPACE }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(CORE_FILE)}).__coreModules[${JSON.stringify(args.pluginData)}]; // ${args.path}`,
        loader: 'js',
      }));
    },
  };
  const lazyResults = await Promise.all(lazy.map((options) =>
    esbuild.build({ ...options, plugins: [reuseCore, ...(options.plugins ?? [])], metafile: true })));
  return { core: coreResult.metafile, lazy: lazyResults.map((r) => r.metafile), shared, duplicated: duplicatedModules(lazyResults.map((r) => r.metafile)) };
}

/**
 * Project modules that more than one later bundle carries. Each is a copy: harmless for a
 * stateless helper, a split for anything that keeps state, and bytes in the VSIX either way.
 */
function duplicatedModules(metafiles) {
  const seen = new Map();
  for (const metafile of metafiles) {
    for (const output of Object.values(metafile.outputs)) {
      for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
        // Packages are left to tree-shaking (see moduleInputs); `core-module:` stubs are lookups, not copies.
        if (bytesInOutput === 0 || path.includes('node_modules/') || path.startsWith('<') || path.includes(':')) continue;
        seen.set(path, (seen.get(path) ?? 0) + 1);
      }
    }
  }
  return [...seen].filter(([, count]) => count > 1).map(([path]) => path).sort();
}
