// Helpers for the tests that drive commands through their real QuickInputs (friction,
// interactive creates, deletes and onboarding): the QuickInputs the extension creates (answered
// as a person would), the dialog seam (src/ui/dialogs.ts) that records every message and answers
// the modal confirmations, which an extension host cannot click, and the hooks that give each
// test a clean start.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OrgConnection } from '../../src/auth/orgConnection';
import type { ExtensionApi } from '../../src/extension';
import type { OrganizationNode } from '../../src/explorer/nodes/organizationNode';
import type { DialogRequest } from '../../src/ui/dialogs';
import type { CreatedQuickInput } from '../../src/ui/quickInputs';
import { closeEditors, freshSandbox, sandboxOrganization } from './commandsSupport';
import { sandbox, waitFor } from './helpers';

/** Lets pending QuickInput updates reach the workbench (they are sent asynchronously). */
export function settle(ms = 150): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Collects the QuickInputs the extension creates, in order. */
export class InputLog implements vscode.Disposable {
  private readonly seen: CreatedQuickInput[] = [];
  private taken = 0;
  private readonly subscription: vscode.Disposable;

  constructor(api: ExtensionApi) {
    this.subscription = api.quickInputs.onDidCreate((created) => this.seen.push(created));
  }

  next(kind: 'inputBox'): Promise<vscode.InputBox>;
  next(kind: 'quickPick'): Promise<vscode.QuickPick<vscode.QuickPickItem>>;
  async next(kind: CreatedQuickInput['kind']): Promise<vscode.InputBox | vscode.QuickPick<vscode.QuickPickItem>> {
    const created = await waitFor(() => this.seen[this.taken], 15_000, `a ${kind} to open`);
    this.taken += 1;
    assert.equal(created.kind, kind, `expected a ${kind}, got a ${created.kind} titled '${created.input.title ?? ''}'`);
    await settle();
    return created.input;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

/** Types `text` into an input box and presses Enter. */
export async function typeAndAccept(box: vscode.InputBox | vscode.QuickPick<vscode.QuickPickItem>, text: string): Promise<void> {
  box.value = text;
  await settle();
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}

/** Waits for an item matching `match`, makes it the active item and presses Enter. */
export async function chooseItem(pick: vscode.QuickPick<vscode.QuickPickItem>, match: (item: vscode.QuickPickItem) => boolean): Promise<vscode.QuickPickItem> {
  const item = await waitFor(() => pick.items.find(match), 15_000, 'the item to be listed');
  await waitFor(async () => {
    pick.activeItems = [item];
    await settle();
    return pick.activeItems[0] === item;
  }, 5_000, 'the item to become active');
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  return item;
}

/** An input box's validation message as text. */
export function validationText(box: vscode.InputBox): string {
  const message = box.validationMessage;
  return typeof message === 'string' ? message : message?.message ?? '';
}

/**
 * Records every message the commands show through the dialog seam and answers modal
 * confirmations from a queue (a modal that nobody expected fails the test).
 */
export class DialogLog implements vscode.Disposable {
  readonly shown: DialogRequest[] = [];
  private readonly answers: ((request: DialogRequest) => string | undefined)[] = [];
  private readonly subscriptions: vscode.Disposable[];

  constructor(api: ExtensionApi) {
    this.subscriptions = [
      api.dialogs.onDidShow((request) => this.shown.push(request)),
      api.dialogs.answerWith((request) => {
        const answer = this.answers.shift();
        assert.ok(answer, `an unexpected modal: ${request.message}`);
        return answer(request);
      }),
    ];
  }

  /** Queues the answer to the next modal; `check` sees the request first. */
  answerNext(button: string | undefined, check?: (request: DialogRequest) => void): void {
    this.answers.push((request) => {
      check?.(request);
      return button;
    });
  }

  get modals(): DialogRequest[] {
    return this.shown.filter((r) => r.modal);
  }

  notifications(severity?: DialogRequest['severity']): DialogRequest[] {
    return this.shown.filter((r) => !r.modal && (severity === undefined || r.severity === severity));
  }

  /** True once every queued answer was used. */
  get drained(): boolean {
    return this.answers.length === 0;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

/** Starts a command without automation input; resolves with its outcome once it is done. */
export function start<T>(command: string, ...args: unknown[]): Promise<T> {
  return Promise.resolve(vscode.commands.executeCommand<T>(command, ...args));
}

/** What each interactive test starts from; the fields are replaced before every test. */
export interface InteractiveContext {
  api: ExtensionApi;
  connection: OrgConnection;
  org: OrganizationNode;
  inputs: InputLog;
  dialogs: DialogLog;
}

/**
 * Registers the hooks of a suite that answers real QuickInputs: before each test a fresh sandbox,
 * no editors (an earlier suite may have left secret views open) and new logs; after it the logs stop listening and every QuickInput, editor and fault is
 * cleared, so a test that fails halfway leaves no open box for the next test's log to pick up.
 * Call it in the `describe` body and read the fields inside the tests.
 */
export function useInteractiveTests(): InteractiveContext {
  const context: Partial<InteractiveContext> = {};
  beforeEach(async () => {
    await freshSandbox();
    await closeEditors();
    const { api, connection, org } = await sandboxOrganization();
    Object.assign(context, { api, connection, org, inputs: new InputLog(api), dialogs: new DialogLog(api) });
  });
  afterEach(async () => {
    context.inputs?.dispose();
    context.dialogs?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await closeEditors();
    await sandbox.setFaults('');
  });
  // Read only inside tests, after the first beforeEach has filled every field.
  return context as InteractiveContext;
}
