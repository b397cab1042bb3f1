import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';

const REPO = join(__dirname, '..', '..', '..');

interface L10nScript {
  extractBundle: (root?: string) => string;
  formatBundle: (bundle: Record<string, unknown>) => string;
}
const script = (): Promise<L10nScript> => import(pathToFileURL(join(REPO, 'scripts', 'l10n.mjs')).href) as Promise<L10nScript>;

void describe('runtime message bundle (l10n/bundle.l10n.json)', () => {
  void it('is what @vscode/l10n-dev export extracts from src and media now (npm run l10n regenerates it)', async () => {
    const { extractBundle } = await script();
    const committed = readFileSync(join(REPO, 'l10n', 'bundle.l10n.json'), 'utf8');
    assert.equal(committed, extractBundle(), 'l10n/bundle.l10n.json is stale: run npm run l10n');
  });

  void it('goes stale when a source gains a message, whichever API it uses', async () => {
    const { extractBundle } = await script();
    const root = mkdtempSync(join(tmpdir(), 'ccx-l10n-src-'));
    try {
      cpSync(join(REPO, 'src'), join(root, 'src'), { recursive: true });
      symlinkSync(join(REPO, 'media'), join(root, 'media'));
      symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'));
      writeFileSync(join(root, 'src', 'zzNewHost.ts'), "import * as vscode from 'vscode';\nexport const a = () => vscode.l10n.t('A host message nobody wrote yet {0}', 1);\n");
      writeFileSync(join(root, 'src', 'zzNewPure.ts'), "import * as l10n from '@vscode/l10n';\nexport const b = () => l10n.t({ message: 'A pure message nobody wrote yet', comment: ['why'] });\n");
      const fresh = JSON.parse(extractBundle(root)) as Record<string, unknown>;
      const committed = JSON.parse(readFileSync(join(REPO, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, unknown>;
      assert.equal(fresh['A host message nobody wrote yet {0}'], 'A host message nobody wrote yet {0}');
      assert.deepEqual(fresh['A pure message nobody wrote yet/why'], { message: 'A pure message nobody wrote yet', comment: ['why'] });
      assert.ok(!('A host message nobody wrote yet {0}' in committed));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  void it('writes keys sorted, so the file does not churn when files move', async () => {
    const { formatBundle } = await script();
    assert.equal(formatBundle({ b: 'b', a: 'a' }), '{\n  "a": "a",\n  "b": "b"\n}\n');
  });
});
