import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { evaluateWhen } from './whenClause';

interface MenuEntry { readonly command: string; readonly when?: string; readonly group?: string }
interface KeyBinding { readonly command: string; readonly when?: string; readonly args?: { action?: string } }

const root = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: { menus: Record<string, MenuEntry[]>; keybindings: KeyBinding[]; commands: { command: string; title: string }[] };
};
// Titles are `%key%` references into the English strings, as VS Code resolves them.
const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string | { message: string }>;
function english(value: string): string {
  const entry = /^%(.+)%$/.exec(value)?.[1];
  const text = entry === undefined ? undefined : nls[entry];
  return text === undefined ? value : typeof text === 'string' ? text : text.message;
}
const itemMenu = manifest.contributes.menus['view/item/context'] ?? [];
const VIEW = 'confluentCloud.explorer';

function shown(viewItem: string): MenuEntry[] {
  return itemMenu.filter((e) => !e.when || evaluateWhen(e.when, { view: VIEW, viewItem }));
}

void describe('menus: role bindings and Access folders', () => {
  void it('a binding row offers Copy CRN Pattern, CLI and Terraform, and Revoke last in its own group, whatever its modifiers', () => {
    for (const value of ['roleBinding', 'roleBinding.inherited', 'roleBinding.inherited.laterModifier', 'roleBinding.laterModifier']) {
      const entries = shown(value);
      const commands = entries.map((e) => e.command);
      for (const c of ['confluentCloud.copyCrnPattern', 'confluentCloud.copyAsCliCommand', 'confluentCloud.copyAsTerraform', 'confluentCloud.revokeRole']) {
        assert.ok(commands.includes(c), `${value} lacks ${c}`);
      }
      const revoke = entries.find((e) => e.command === 'confluentCloud.revokeRole');
      assert.match(revoke?.group ?? '', /^9_delete/);
      assert.ok(entries.filter((e) => e.group?.startsWith('9_delete')).every((e) => e.command === 'confluentCloud.revokeRole'));
      assert.ok(!commands.includes('confluentCloud.deleteServiceAccount'));
    }
  });

  void it('Grant Role… reaches principals, scopes and Access folders; folder entries reach Access folders', () => {
    for (const value of ['serviceAccount', 'user.console', 'environment', 'kafkaCluster.console', 'organization', 'accessFolder', 'accessFolder.filtered']) {
      assert.ok(shown(value).some((e) => e.command === 'confluentCloud.grantRole'), `${value} lacks Grant Role…`);
    }
    for (const value of ['accessFolder', 'accessFolder.filtered']) {
      const commands = shown(value).map((e) => e.command);
      for (const c of ['confluentCloud.explorer.filter', 'confluentCloud.explorer.refresh', 'confluentCloud.explorer.loadAll']) assert.ok(commands.includes(c), `${value} lacks ${c}`);
    }
    assert.ok(!shown('apiKey').some((e) => e.command === 'confluentCloud.grantRole'));
  });

  void it('Delete on a binding row is bound like the other kinds', () => {
    const del = manifest.contributes.keybindings.find((k) => k.args?.action === 'delete');
    assert.ok(del?.when);
    assert.equal(evaluateWhen(del.when.replace(/confluentCloud\.explorer\.selectedItem/g, 'viewItem'), { viewItem: 'roleBinding.inherited', focusedView: VIEW, inputFocus: false }), true);
  });

  void it('declares the commands with "…" where they ask more', () => {
    const titles = new Map(manifest.contributes.commands.map((c) => [c.command, english(c.title)]));
    assert.equal(titles.get('confluentCloud.grantRole'), 'Grant Role…');
    assert.equal(titles.get('confluentCloud.revokeRole'), 'Revoke Role…');
    assert.equal(titles.get('confluentCloud.onboardApplication'), 'Onboard an Application…');
    assert.equal(titles.get('confluentCloud.copyCrnPattern'), 'Copy CRN Pattern');
  });
});
