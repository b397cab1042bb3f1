import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { evaluateWhen } from './whenClause';

interface MenuEntry {
  readonly command: string;
  readonly when?: string;
  readonly group?: string;
}

interface KeybindingEntry {
  readonly command: string;
  readonly key: string;
  readonly when?: string;
  readonly args?: { readonly action?: string };
}

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  contributes: { menus: Record<string, MenuEntry[]>; keybindings?: KeybindingEntry[]; commands?: Array<{ command: string; icon?: string }> };
};
const itemMenu = manifest.contributes.menus['view/item/context'] ?? [];
const VIEW = 'confluentCloud.explorer';

/** Commands of the tree's context menu (inline and right-click) shown for a context value. */
function commandsFor(contextValue: string): Set<string> {
  return new Set(itemMenu.filter((e) => !e.when || evaluateWhen(e.when, { view: VIEW, viewItem: contextValue })).map((e) => e.command));
}

/**
 * Every context value a node can produce: `kind` plus any combination of the modifiers its class
 * adds (in the order the class adds them), plus a modifier nobody has invented yet, so a menu
 * regex that only accepts today's modifiers fails here instead of silently hiding commands.
 */
function variants(kind: string, modifiers: readonly string[], required: readonly string[][] = []): string[] {
  const out: string[] = [];
  const combos = (rest: readonly string[]): string[][] => {
    if (rest.length === 0) return [[]];
    const [first, ...others] = rest;
    const tail = combos(others);
    return [...tail.map((c) => [first!, ...c]), ...tail];
  };
  for (const combo of combos(modifiers)) {
    if (required.some((oneOf) => !oneOf.some((m) => combo.includes(m)))) continue;
    out.push([kind, ...combo].join('.'), [kind, ...combo, 'laterModifier'].join('.'));
  }
  return out;
}

const COPY = ['confluentCloud.copyId', 'confluentCloud.copyCrn', 'confluentCloud.copyJson', 'confluentCloud.insertCrn', 'confluentCloud.explorer.refresh'];

/** What each resource node must always offer (ResourceNode adds `console` on the public endpoint). */
const RESOURCES: Record<string, readonly string[]> = {
  environment: [...COPY, 'confluentCloud.renameEnvironment', 'confluentCloud.deleteEnvironment'],
  kafkaCluster: [...COPY, 'confluentCloud.showMetrics', 'confluentCloud.createApiKey'],
  serviceAccount: [...COPY, 'confluentCloud.editServiceAccount', 'confluentCloud.deleteServiceAccount', 'confluentCloud.createApiKey', 'confluentCloud.showActivity'],
  user: [...COPY, 'confluentCloud.renameUser', 'confluentCloud.deleteUser', 'confluentCloud.createApiKey', 'confluentCloud.showActivity'],
  apiKey: [...COPY, 'confluentCloud.editApiKey', 'confluentCloud.rotateApiKey', 'confluentCloud.deleteApiKey', 'confluentCloud.showActivity'],
};

const FOLDER = ['confluentCloud.explorer.filter', 'confluentCloud.explorer.refresh', 'confluentCloud.explorer.loadAll'];
/** Folders (PagedFolderNode adds `filtered` while a filter is set). */
const FOLDERS: Record<string, readonly string[]> = {
  environmentsFolder: [...FOLDER, 'confluentCloud.createEnvironment'],
  kafkaClustersFolder: FOLDER,
  serviceAccountsFolder: [...FOLDER, 'confluentCloud.createServiceAccount'],
  usersFolder: [...FOLDER, 'confluentCloud.inviteUser'],
  apiKeysFolder: [...FOLDER, 'confluentCloud.createApiKey'],
};

function assertReaches(contextValue: string, expected: readonly string[]): void {
  const shown = commandsFor(contextValue);
  const missing = expected.filter((c) => !shown.has(c));
  assert.deepEqual(missing, [], `${contextValue} is missing ${missing.join(', ')}`);
}

function assertHidden(contextValue: string, hidden: readonly string[]): void {
  const shown = commandsFor(contextValue);
  const wrong = hidden.filter((c) => shown.has(c));
  assert.deepEqual(wrong, [], `${contextValue} wrongly shows ${wrong.join(', ')}`);
}

void describe('menus: when clauses reach every context value', () => {
  void it('the evaluator reads the clause forms the manifest uses', () => {
    assert.equal(evaluateWhen('view == a && viewItem =~ /^x(\\.|$)/', { view: 'a', viewItem: 'x.y' }), true);
    assert.equal(evaluateWhen('view == a && (viewItem == b || viewItem =~ /^c/)', { view: 'a', viewItem: 'd' }), false);
    assert.equal(evaluateWhen('!flag && view != b', { view: 'a' }), true);
    assert.throws(() => evaluateWhen('viewItem in list', {}), /Unexpected|Expected/);
  });

  for (const [kind, expected] of Object.entries(RESOURCES)) {
    void it(`${kind}: edit/delete/copy entries survive every modifier`, () => {
      for (const value of variants(kind, ['console'])) assertReaches(value, expected);
      for (const value of variants(kind, ['console'], [['console']])) assertReaches(value, ['confluentCloud.openInConfluentCloud']);
      assertHidden(kind, ['confluentCloud.openInConfluentCloud']);
    });
  }

  for (const [kind, expected] of Object.entries(FOLDERS)) {
    void it(`${kind}: create and folder entries survive every modifier`, () => {
      for (const value of variants(kind, ['filtered'])) assertReaches(value, expected);
      for (const value of variants(kind, ['filtered'], [['filtered']])) assertReaches(value, ['confluentCloud.explorer.clearFilter']);
      assertHidden(kind, ['confluentCloud.explorer.clearFilter']);
    });
  }

  void it('each folder that can hold a new resource has its create action as an inline button, whatever marks it', () => {
    const creates: Record<string, string> = {
      environmentsFolder: 'confluentCloud.createEnvironment',
      serviceAccountsFolder: 'confluentCloud.createServiceAccount',
      usersFolder: 'confluentCloud.inviteUser',
      apiKeysFolder: 'confluentCloud.createApiKey',
      accessFolder: 'confluentCloud.grantRole',
    };
    const inline = (contextValue: string): string[] => itemMenu
      .filter((e) => e.group?.startsWith('inline') && (!e.when || evaluateWhen(e.when, { view: VIEW, viewItem: contextValue })))
      .map((e) => e.command);
    for (const [kind, command] of Object.entries(creates)) {
      for (const value of variants(kind, ['filtered'])) assert.ok(inline(value).includes(command), `${value} has no inline ${command}`);
    }
    assert.deepEqual(inline('kafkaClustersFolder').filter((c) => Object.values(creates).includes(c)), [], 'clusters are not created here');
    const commands = new Map((manifest.contributes.commands ?? []).map((c) => [c.command, c]));
    for (const command of Object.values(creates)) assert.ok(commands.get(command)?.icon, `${command} has an icon for its button`);
  });

  void it('organization: Rename/Update Key/Remove stay for every stored organization, whatever else marks it', () => {
    const manage = ['confluentCloud.renameOrganization', 'confluentCloud.updateApiKey', 'confluentCloud.removeOrganization'];
    const always = ['confluentCloud.explorer.goToId', 'confluentCloud.explorer.refresh', 'confluentCloud.copyId'];
    // OrganizationNode adds fromEnvironment, demo and console; the first two never come together.
    for (const value of variants('organization', ['fromEnvironment', 'demo', 'console'])) {
      if (value.includes('.fromEnvironment') && value.includes('.demo')) continue;
      assertReaches(value, always);
      const managedElsewhere = /\.(fromEnvironment|demo)(\.|$)/.test(value);
      if (managedElsewhere) assertHidden(value, manage);
      else assertReaches(value, manage);
      if (/\.console(\.|$)/.test(value)) assertReaches(value, ['confluentCloud.openInConfluentCloud']);
    }
  });

  void it('error and Load more rows: Retry, Update API Key and Load All', () => {
    assertReaches('error.unauthenticated', ['confluentCloud.explorer.retry', 'confluentCloud.updateApiKey']);
    assertReaches('error.retryable', ['confluentCloud.explorer.retry']);
    assertHidden('error.retryable', ['confluentCloud.updateApiKey']);
    assertReaches('loadMore', ['confluentCloud.explorer.loadAll']);
    assertHidden('empty', ['confluentCloud.explorer.retry', 'confluentCloud.explorer.loadAll']);
  });
});

/** The keyboard actions (`args.action`) whose key binding fires with this node selected in the explorer. */
function keyActionsFor(selectedItem: string): Set<string> {
  const bindings = manifest.contributes.keybindings ?? [];
  const context = { focusedView: VIEW, inputFocus: false, 'confluentCloud.explorer.selectedItem': selectedItem };
  return new Set(bindings.filter((b) => !b.when || evaluateWhen(b.when, context)).map((b) => b.args?.action ?? b.command));
}

void describe('key bindings: when clauses reach every context value', () => {
  const keyed: Record<string, readonly string[]> = {
    environment: ['delete', 'rename', 'copyId'],
    serviceAccount: ['delete', 'rename', 'copyId'],
    user: ['delete', 'rename', 'copyId'],
    apiKey: ['delete', 'rename', 'copyId'],
    kafkaCluster: ['copyId'],
  };
  for (const [kind, actions] of Object.entries(keyed)) {
    void it(`${kind}: Delete, F2 and Copy survive every modifier`, () => {
      for (const value of variants(kind, ['console'])) {
        const shown = keyActionsFor(value);
        assert.deepEqual(actions.filter((a) => !shown.has(a)), [], `${value} loses a key binding`);
      }
    });
  }

  void it('roleBinding: Delete (Revoke) survives every modifier', () => {
    for (const value of variants('roleBinding', ['inherited'])) assert.ok(keyActionsFor(value).has('delete'), value);
  });

  void it('organization: Delete and F2 reach every stored organization, never the environment or demo one', () => {
    for (const value of variants('organization', ['fromEnvironment', 'demo', 'console'])) {
      if (value.includes('.fromEnvironment') && value.includes('.demo')) continue;
      const shown = keyActionsFor(value);
      const managedElsewhere = /\.(fromEnvironment|demo)(\.|$)/.test(value);
      for (const action of ['delete', 'rename']) {
        assert.equal(shown.has(action), !managedElsewhere, `${value}: ${action} ${managedElsewhere ? 'must not' : 'must'} fire`);
      }
      assert.ok(shown.has('copyId'), `${value}: copyId`);
    }
  });

  void it('nothing fires while typing in an input', () => {
    const bindings = manifest.contributes.keybindings ?? [];
    const context = { focusedView: VIEW, inputFocus: true, 'confluentCloud.explorer.selectedItem': 'serviceAccount' };
    assert.deepEqual(bindings.filter((b) => b.when && evaluateWhen(b.when, context)).map((b) => b.key), []);
  });
});
