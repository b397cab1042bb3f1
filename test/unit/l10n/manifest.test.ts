import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { manifestTextProblems, manifestTexts } from './manifestTexts';

const REPO = join(__dirname, '..', '..', '..');
const readJson = (name: string) => JSON.parse(readFileSync(join(REPO, name), 'utf8')) as Record<string, unknown>;
const manifest = readJson('package.json');
const nls = readJson('package.nls.json');

void describe('manifest localization (package.nls.json)', () => {
  void it('has every text a person reads as a %key% from package.nls.json, and no unused key', () => {
    assert.deepEqual(manifestTextProblems(manifest, nls), []);
  });

  void it('covers the texts of every kind of contribution', () => {
    const paths = new Set<string>(manifestTexts(manifest).map((t) => t.field));
    for (const expected of ['displayName', 'contributes.commands[].title', 'contributes.commands[].category', 'contributes.configuration.properties.*.markdownDescription',
      'contributes.viewsContainers.*[].title', 'contributes.views.*[].name', 'contributes.viewsWelcome[].contents', 'contributes.walkthroughs[].steps[].description',
      'contributes.walkthroughs[].steps[].media.altText', 'contributes.languageModelTools[].displayName', 'contributes.languageModelTools[].userDescription']) {
      assert.ok(paths.has(expected), `${expected} is checked`);
    }
    assert.equal(nls['command.addOrganization.title'], 'Add Organization…');
  });

  void it('rejects a literal title, a key package.nls.json lacks and a key nothing uses', () => {
    const copy = structuredClone(manifest) as { contributes: { commands: { title: string }[] } };
    copy.contributes.commands[0]!.title = 'Add Organization…';
    copy.contributes.commands[1]!.title = '%command.missing.title%';
    const problems = manifestTextProblems(copy, { ...nls, 'command.unused.title': 'Unused' });
    assert.ok(problems.some((p) => p.startsWith('contributes.commands[0].title is not a %key%')), problems.join('\n'));
    assert.ok(problems.some((p) => p.includes('%command.missing.title%, which package.nls.json lacks')), problems.join('\n'));
    assert.ok(problems.includes('package.nls.json has command.unused.title, which no manifest field uses'), problems.join('\n'));
  });

  void it('keeps what a language model reads in English and points VS Code at the l10n folder', () => {
    const tools = (manifest.contributes as { languageModelTools: { modelDescription: string }[] }).languageModelTools;
    for (const tool of tools) assert.doesNotMatch(tool.modelDescription, /^%.*%$/);
    assert.equal(manifest.l10n, './l10n');
  });
});
