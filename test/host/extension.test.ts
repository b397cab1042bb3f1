import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, manifest, sandboxUrl } from './helpers';

// Commands the workbench itself registers for every contributed view.
const VIEW_COMMAND_SUFFIXES = ['focus', 'open', 'resetViewLocation', 'toggleVisibility', 'removeView'];

describe('extension', () => {
  it('activates', async () => {
    const ext = await activateExtension();
    assert.equal(ext.isActive, true);
  });

  it('registers every command declared in package.json', async () => {
    const ext = await activateExtension();
    const declared = (manifest(ext).contributes?.commands ?? []).map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = declared.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], 'declared in contributes.commands but not registered');
  });

  it('declares every confluentCloud.* command it registers', async () => {
    const ext = await activateExtension();
    const contributes = manifest(ext).contributes ?? {};
    const declared = new Set((contributes.commands ?? []).map((c) => c.command));
    const viewIds = Object.values(contributes.views ?? {}).flat().map((v) => v.id);
    const generated = (id: string) => viewIds.some((v) => VIEW_COMMAND_SUFFIXES.some((s) => id === `${v}.${s}`));
    const undeclared = (await vscode.commands.getCommands(true)).filter(
      // A leading underscore marks an internal command (e.g. a tree item's click action).
      (id) => id.startsWith('confluentCloud.') && !id.startsWith('confluentCloud._') && !declared.has(id) && !generated(id),
    );
    assert.deepEqual(undeclared, [], 'registered but missing from contributes.commands');
  });

  it('runs with the sandbox connection in its environment', async () => {
    const url = sandboxUrl();
    assert.equal(process.env.CONFLUENT_CLOUD_ENDPOINT, url);
    assert.equal(process.env.CONFLUENT_CLOUD_METRICS_ENDPOINT, url);
    assert.ok(process.env.CONFLUENT_CLOUD_API_KEY, 'CONFLUENT_CLOUD_API_KEY is set');
    assert.ok(process.env.CONFLUENT_CLOUD_API_SECRET, 'CONFLUENT_CLOUD_API_SECRET is set');
    const res = await fetch(`${url}/_sandbox/requests`);
    assert.equal(res.ok, true, 'the sandbox answers from inside the extension host');
  });
});
