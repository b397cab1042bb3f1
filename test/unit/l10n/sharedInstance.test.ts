import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { REPO, useScratchBuild } from '../scratchBuild';

interface SplitBuild {
  buildSplit: (options: { root: string; core: Record<string, unknown>; lazy: Record<string, unknown>[] }) => Promise<{ shared: string[] }>;
}

void describe('@vscode/l10n: one instance for both bundles', () => {
  const scratch = useScratchBuild('ccx-l10n-build-');

  void it('keeps the package in dist/extension.js only; dist/features.js takes the core\'s copy', () => {
    // A function of the package's file reader, present wherever the package is bundled.
    assert.match(readFileSync(join(scratch.root, 'dist', 'extension.js'), 'utf8'), /readFileFromUri/);
    const features = readFileSync(join(scratch.root, 'dist', 'features.js'), 'utf8');
    assert.doesNotMatch(features, /readFileFromUri/, 'the features bundle has no copy of its own');
    assert.match(features, /require\(["']\.\/extension\.js["']\)\.__coreModules\[\d+\]/);
  });

  void it('answers a features-side l10n.t from the bundle configured in the core', async () => {
    // Two entry points shaped like extension.ts (configures) and a features module (translates),
    // split by the same function the build uses.
    const split = join(scratch.root, 'split');
    mkdirSync(split);
    symlinkSync(join(REPO, 'node_modules'), join(split, 'node_modules'));
    writeFileSync(join(split, 'core.ts'), "import * as l10n from '@vscode/l10n';\nexport function configure(contents: Record<string, string>): void { l10n.config({ contents }); }\nexport const coreSays = (): string => l10n.t('Load more…');\n");
    writeFileSync(join(split, 'features.ts'), "import * as l10n from '@vscode/l10n';\nexport const featuresSay = (name: string): string => l10n.t('Delete {0}?', name);\n");
    const { buildSplit } = (await import(pathToFileURL(join(REPO, 'scripts', 'lib', 'splitBundle.mjs')).href)) as SplitBuild;
    const common = { absWorkingDir: split, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' };
    const { shared } = await buildSplit({
      root: split,
      core: { ...common, entryPoints: ['core.ts'], outfile: join(split, 'dist', 'extension.js') },
      lazy: [{ ...common, entryPoints: ['features.ts'], outfile: join(split, 'dist', 'features.js') }],
    });
    assert.ok(shared.some((p) => p.includes('node_modules/@vscode/l10n/')), 'the package is among the shared modules');
    const load = createRequire(__filename);
    const core = load(join(split, 'dist', 'extension.js')) as { configure: (c: Record<string, string>) => void; coreSays: () => string };
    const features = load(join(split, 'dist', 'features.js')) as { featuresSay: (name: string) => string };
    assert.equal(features.featuresSay('orders'), 'Delete orders?', 'English before any bundle is configured');
    core.configure({ 'Load more…': 'Ŀǿǿȧȧḓ ḿǿǿřḗḗ…', 'Delete {0}?': 'Ḓḗḗŀḗḗŧḗḗ {0}?' });
    assert.equal(core.coreSays(), 'Ŀǿǿȧȧḓ ḿǿǿřḗḗ…');
    assert.equal(features.featuresSay('orders'), 'Ḓḗḗŀḗḗŧḗḗ orders?', 'the features bundle reads the bundle the core configured');
  });
});
