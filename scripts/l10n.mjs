// Regenerates l10n/bundle.l10n.json, the English source of every runtime message translators see:
// the strings passed to vscode.l10n.t (host code) and to @vscode/l10n's t (code without vscode).
//   npm run l10n            writes the bundle
//   npm run l10n -- --check fails (exit 1) when the bundle is stale
// The manifest's own strings live in package.nls.json and are edited by hand.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inRepo } from './lib/repo.mjs';

/** Where the extractor looks: the extension's host code and the webview scripts. */
export const SOURCE_FOLDERS = ['src', 'media'];
export const BUNDLE_PATH = inRepo('l10n', 'bundle.l10n.json');

/**
 * One stable text for a bundle: keys sorted, two-space indent, final newline. The extractor
 * lists messages in file-walk order, which moves when files are added; sorting keeps diffs to the
 * messages that changed.
 * @param {Record<string, unknown>} bundle
 */
export function formatBundle(bundle) {
  const sorted = Object.fromEntries(Object.keys(bundle).sort().map((key) => [key, bundle[key]]));
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

/**
 * Runs `@vscode/l10n-dev export` over the sources into a scratch folder and returns the bundle
 * text it stands for. With no message yet the extractor writes nothing; that is an empty bundle.
 * @param {string} [root] the repository (or a copy of it) to extract from
 */
export function extractBundle(root = inRepo()) {
  const outDir = mkdtempSync(join(tmpdir(), 'ccx-l10n-'));
  try {
    const cli = join(root, 'node_modules', '@vscode', 'l10n-dev', 'dist', 'cli.js');
    execFileSync(process.execPath, [cli, 'export', '--outDir', outDir, ...SOURCE_FOLDERS], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 });
    const written = join(outDir, 'bundle.l10n.json');
    return formatBundle(existsSync(written) ? JSON.parse(readFileSync(written, 'utf8')) : {});
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const fresh = extractBundle();
  const current = existsSync(BUNDLE_PATH) ? readFileSync(BUNDLE_PATH, 'utf8') : '';
  if (process.argv.includes('--check')) {
    if (fresh !== current) {
      console.error('[l10n] l10n/bundle.l10n.json is stale: run npm run l10n');
      process.exit(1);
    }
    console.log('[l10n] l10n/bundle.l10n.json is up to date');
  } else {
    mkdirSync(inRepo('l10n'), { recursive: true });
    writeFileSync(BUNDLE_PATH, fresh);
    console.log(`[l10n] ${Object.keys(JSON.parse(fresh)).length} messages in l10n/bundle.l10n.json`);
  }
}
