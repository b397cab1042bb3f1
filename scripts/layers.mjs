// The host code's layers, top to bottom. A layer may import the layers below it; the folders of
// one layer (the features) may not import each other. eslint.config.mjs turns this into
// import-x/no-restricted-paths zones, so `npm run lint` fails on an upward or sideways import.

/** @type {{ name: string, paths: string[], siblingsIsolated?: boolean }[]} */
export const LAYERS = [
  // extension.ts is what activation evaluates; features.ts is wired on first use (lazyFeatures.ts).
  { name: 'composition root', paths: ['src/extension.ts', 'src/features.ts', 'src/lazyFeatures.ts'] },
  // The demo organization: the embedded sandbox plus its commands.
  { name: 'demo', paths: ['src/demo'] },
  // The chat tools run commands and word their outcomes.
  { name: 'chat', paths: ['src/chat'] },
  { name: 'commands', paths: ['src/commands'] },
  // Code lenses and hovers over IDs and CRNs in the editor; uses metrics data.
  { name: 'code insight', paths: ['src/codeInsight'] },
  { name: 'features', paths: ['src/explorer', 'src/metrics', 'src/secretPanel'], siblingsIsolated: true },
  { name: 'shared UI', paths: ['src/ui'] },
  { name: 'auth', paths: ['src/auth'] },
  // Host-free helpers: lifecycle, log lines, walking every environment's clusters.
  { name: 'shared', paths: ['src/disposable.ts', 'src/logging.ts', 'src/clusterWalk.ts', 'src/contextKeys.ts'] },
  { name: 'cloud', paths: ['src/cloud'] },
];

/** `{ target, from, message }` zones for import-x/no-restricted-paths. */
export function layerZones() {
  const zones = [];
  LAYERS.forEach((layer, index) => {
    const above = LAYERS.slice(0, index).flatMap((l) => l.paths);
    for (const target of layer.paths) {
      if (above.length) {
        zones.push({ target: `./${target}`, from: above.map((p) => `./${p}`), message: `${layer.name} sits below ${above.join(', ')}: pass what it needs in from above instead.` });
      }
      if (layer.siblingsIsolated) {
        const siblings = layer.paths.filter((p) => p !== target);
        zones.push({ target: `./${target}`, from: siblings.map((p) => `./${p}`), message: `Features do not import each other (${target} → ${siblings.join(', ')}); share through src/ui or inject from the composition root.` });
      }
    }
  });
  return zones;
}
