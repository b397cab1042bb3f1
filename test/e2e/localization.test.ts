import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { getL10nPseudoLocalized, type l10nJsonFormat } from '@vscode/l10n-dev';
import { FIXTURES } from '../../sandbox/fixtures';
import { REPO_ROOT, useWorkbench } from './harness';

// VS Code's pseudo language: every translated text is visibly accented ("Ȧḓḓ"), so a text that
// reaches the screen untranslated stands out as plain English.
const LOCALE = 'qps-ploc';

function readJson(...parts: string[]): l10nJsonFormat {
  return JSON.parse(readFileSync(join(...parts), 'utf8')) as l10nJsonFormat;
}

/**
 * A copy of the built extension plus pseudo translations of package.nls.json and
 * l10n/bundle.l10n.json, made at test time and never committed. Files are copied, not linked:
 * the host tells which extension a module belongs to by the real path of its file.
 */
function pseudoLocalizedCopy(): { root: string; manifest: Map<string, string>; runtime: Map<string, string> } {
  const root = mkdtempSync(join(tmpdir(), 'ccx-pseudo-'));
  for (const name of ['package.json', 'package.nls.json', 'l10n', 'dist', 'media']) {
    cpSync(join(REPO_ROOT, name), join(root, name), { recursive: true, filter: (src) => !src.endsWith('.vsix') });
  }
  const manifest = getL10nPseudoLocalized(readJson(REPO_ROOT, 'package.nls.json'));
  const runtime = getL10nPseudoLocalized(readJson(REPO_ROOT, 'l10n', 'bundle.l10n.json'));
  writeFileSync(join(root, `package.nls.${LOCALE}.json`), JSON.stringify(manifest));
  writeFileSync(join(root, 'l10n', `bundle.l10n.${LOCALE}.json`), JSON.stringify(runtime));
  const asMap = (data: l10nJsonFormat) => new Map(Object.entries(data).map(([key, value]) => [key, typeof value === 'string' ? value : value.message]));
  return { root, manifest: asMap(manifest), runtime: asMap(runtime) };
}

const copy = pseudoLocalizedCopy();

/** The pseudo translation of a message, which must exist and differ from the English. */
function pseudo(table: Map<string, string>, key: string, source: string): string {
  const text = table.get(key);
  assert.ok(text !== undefined, `"${key}" is in ${source} (run npm run l10n after adding a message)`);
  assert.notEqual(text, key, `"${key}" has a pseudo translation`);
  return text;
}
const manifestText = (key: string) => pseudo(copy.manifest, key, 'package.nls.json');
const runtimeText = (message: string) => pseudo(copy.runtime, message, 'l10n/bundle.l10n.json');

void describe('localization (pseudo language)', () => {
  after(() => rmSync(copy.root, { recursive: true, force: true }));
  // One item per page, so "Load more…" is the second row of any folder.
  const session = useWorkbench({ name: 'localization', locale: LOCALE, extensionPath: copy.root, settings: { 'confluentCloud.pageSize': 1 } });

  void it('shows the manifest\'s view container and command titles translated (package.nls.<language>.json)', async () => {
    const wb = session.workbench;
    const container = manifestText('viewContainer.confluentCloud.title');
    await wb.activityBarItem(container).waitFor({ state: 'visible', timeout: 60_000 });

    const title = `${manifestText('command.category')}: ${manifestText('command.addOrganization.title')}`;
    await session.page.keyboard.press('F1');
    const palette = wb.quickInput();
    await palette.locator('input').first().fill(`>${title}`);
    const row = palette.locator('.monaco-list-row', { hasText: title }).first();
    await row.waitFor({ state: 'visible', timeout: 20_000 });
    // The palette also lists the English title under a translated one, to search by.
    assert.match(await row.innerText(), /Confluent Cloud: Add Organization…/);
    await session.page.keyboard.press('Escape');
  });

  void it('shows runtime texts translated: @vscode/l10n in a module without vscode and vscode.l10n.t in host code', async () => {
    const wb = session.workbench;
    await wb.openViewContainer(manifestText('viewContainer.confluentCloud.title'));
    // Data stays as the API sent it.
    await wb.expand(FIXTURES.organization.displayName);
    // The folder label comes from src/explorer/nodes (no vscode import: @vscode/l10n, configured
    // at activation from vscode.l10n.bundle).
    const folder = runtimeText('Service accounts');
    await wb.expand(folder);
    // The "Load more…" row is built in a file that imports vscode: vscode.l10n.t.
    await wb.treeRow(runtimeText('Load more…')).waitFor({ state: 'visible', timeout: 20_000 });
    assert.ok(!(await wb.treeLabels()).includes('Load more…'), 'no English "Load more…" row');
  });
});
