import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPO, useScratchBuild } from '../scratchBuild';

interface Observed {
  evaluated: string[];
  registeredAtActivation: string[];
  featuresLoadedAfter: boolean;
  handlerReplaced: boolean;
  executed: string[];
  isLoaded: boolean;
  apiBeforeLoad: boolean;
  apiAfterLoad: boolean;
}

void describe('start-up: features load on first use', () => {
  const scratch = useScratchBuild('ccx-lazy-');

  // Plain Node with the bench's stand-in vscode module (no VS Code host), its command registry
  // replaced by a recording one.
  void it('(stand-in vscode module) activation evaluates only dist/extension.js; the first command loads dist/features.js once and runs', () => {
    const out = execFileSync(process.execPath, [join(__dirname, 'activateRecorded.cjs'), join(scratch.root, 'dist', 'extension.js'), 'confluentCloud.explorer.refreshAll'], {
      encoding: 'utf8', timeout: 60_000, env: { ...process.env, CONFLUENT_CLOUD_API_KEY: '', CONFLUENT_CLOUD_API_SECRET: '' },
    });
    const seen = JSON.parse(out.trim().split('\n').pop() ?? '{}') as Observed;
    assert.deepEqual(seen.evaluated, ['extension.js'], 'activation requires no other bundle');
    const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
    for (const { command } of manifest.contributes.commands) {
      assert.ok(seen.registeredAtActivation.includes(command), `${command} is known to VS Code from activation on`);
    }
    assert.equal(seen.featuresLoadedAfter, true, 'the first command loads the features bundle');
    assert.equal(seen.isLoaded, true);
    assert.equal(seen.apiBeforeLoad, false, 'no features API before the features load');
    assert.equal(seen.apiAfterLoad, true, 'the features API (metrics panels, activity) once they have');
    assert.equal(seen.handlerReplaced, true, 'the stand-in gave way to the real command');
    // (The first run also focuses the view; only the command under test is counted.)
    assert.deepEqual(seen.executed.filter((id) => id === 'confluentCloud.explorer.refreshAll').length, 2, 'the call is re-run once, on the real handler');
  });

  void it('keeps the features out of the activation bundle and shares the core modules with it', () => {
    const core = readFileSync(join(scratch.root, 'dist', 'extension.js'), 'utf8');
    const features = readFileSync(join(scratch.root, 'dist', 'features.js'), 'utf8');
    assert.match(core, /require\(["']\.\/features\.js["']\)/);
    for (const featureCode of ['registerResourceCommands', 'registerCodeInsight', 'registerChatTools', 'createMetricsFeature']) {
      assert.ok(!core.includes(featureCode), `dist/extension.js has no ${featureCode}`);
      assert.ok(features.includes(featureCode), `dist/features.js has ${featureCode}`);
    }
    // One ExplorerProvider class in the whole extension: the features take the core's.
    assert.ok(!features.includes('class ExplorerProvider'), 'no second copy of the explorer in dist/features.js');
    assert.match(features, /require\(["']\.\/extension\.js["']\)\.__coreModules\[\d+\]/);
  });

  void it('ships dist/features.js in the VSIX (.vscodeignore lets it through)', () => {
    const ignore = readFileSync(join(REPO, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim());
    assert.ok(ignore.includes('!dist/features.js'));
  });
});
