import * as vscode from 'vscode';

/** Where the multi-step forms and pickers get their QuickInput objects. */
export interface QuickInputFactory {
  createInputBox(): vscode.InputBox;
  createQuickPick<T extends vscode.QuickPickItem>(): vscode.QuickPick<T>;
}

/** A QuickInput that was just created, with what kind it is. */
export type CreatedQuickInput =
  | { readonly kind: 'inputBox'; readonly input: vscode.InputBox }
  | { readonly kind: 'quickPick'; readonly input: vscode.QuickPick<vscode.QuickPickItem> };

/**
 * The real `vscode.window` factories, built once in the composition root and handed to every
 * form and picker. `onDidCreate` lets the in-host tests answer the very boxes a person sees
 * (set the value, then accept with the workbench's own commands) instead of passing automation
 * input, so the interactive path is what they exercise.
 */
export class QuickInputs implements QuickInputFactory, vscode.Disposable {
  private readonly created = new vscode.EventEmitter<CreatedQuickInput>();
  readonly onDidCreate = this.created.event;

  createInputBox(): vscode.InputBox {
    const input = vscode.window.createInputBox();
    this.created.fire({ kind: 'inputBox', input });
    return input;
  }

  createQuickPick<T extends vscode.QuickPickItem>(): vscode.QuickPick<T> {
    const input = vscode.window.createQuickPick<T>();
    this.created.fire({ kind: 'quickPick', input: input as unknown as vscode.QuickPick<vscode.QuickPickItem> });
    return input;
  }

  dispose(): void {
    this.created.dispose();
  }
}
