import * as vscode from 'vscode';

/** How serious a message is; picks `showInformationMessage`, `showWarningMessage` or `showErrorMessage`. */
export type DialogSeverity = 'info' | 'warning' | 'error';

/** A message as a command asked for it, before the workbench shows it. */
export interface DialogRequest {
  readonly severity: DialogSeverity;
  readonly message: string;
  /** True for a modal dialog (a confirmation); false for a notification. */
  readonly modal: boolean;
  readonly detail?: string | undefined;
  /** The buttons, in order (a modal also has the workbench's own Cancel). */
  readonly items: readonly string[];
}

/** Answers a modal request instead of the workbench: the chosen button's label, `undefined` for Cancel. */
export type DialogAnswerer = (request: DialogRequest) => string | undefined | Promise<string | undefined>;

/** What commands use to show messages; {@link Dialogs} in the extension, {@link directDialogs} without it. */
export interface DialogService {
  /** A notification; resolves with the button clicked, if any. */
  notify(severity: DialogSeverity, message: string, ...items: string[]): Thenable<string | undefined>;
  /** A modal dialog; resolves with the button clicked, `undefined` for Cancel. */
  confirm(severity: DialogSeverity, message: string, detail: string | undefined, ...items: string[]): Thenable<string | undefined>;
}

/**
 * Where a command finds the dialogs: the composition root's (carried on the deps object it was
 * given, whatever that object's declared type), or the workbench's own when none was passed.
 */
export function dialogsOf(deps: object): DialogService {
  return (deps as { readonly dialogs?: DialogService | undefined }).dialogs ?? directDialogs;
}

/** Straight to `vscode.window`, nothing reported (stateless). */
export const directDialogs: DialogService = {
  notify: (severity, message, ...items) => showMessage({ severity, message, modal: false, items }),
  confirm: (severity, message, detail, ...items) => showMessage({ severity, message, modal: true, detail, items }),
};

function showMessage(request: DialogRequest): Thenable<string | undefined> {
  const show = request.severity === 'error' ? vscode.window.showErrorMessage
    : request.severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  const options: vscode.MessageOptions = request.modal ? { modal: true, detail: request.detail } : {};
  return show(request.message, options, ...request.items);
}

/**
 * The one way commands show messages and modal confirmations, built in the composition root.
 * `onDidShow` reports every request; an answerer (in-host tests, through the extension API) can
 * answer a modal confirmation the way a person would click it, because a modal dialog cannot be
 * driven from an extension host. Everything else goes straight to `vscode.window.show*Message`.
 */
export class Dialogs implements DialogService, vscode.Disposable {
  private readonly shown = new vscode.EventEmitter<DialogRequest>();
  readonly onDidShow = this.shown.event;
  private answerer: DialogAnswerer | undefined;

  /** A notification; resolves with the button clicked, if any. */
  notify(severity: DialogSeverity, message: string, ...items: string[]): Thenable<string | undefined> {
    return this.show({ severity, message, modal: false, items });
  }

  /** A modal dialog; resolves with the button clicked, `undefined` for Cancel. */
  confirm(severity: DialogSeverity, message: string, detail: string | undefined, ...items: string[]): Thenable<string | undefined> {
    return this.show({ severity, message, modal: true, detail, items });
  }

  /** Lets a test answer the modal dialogs (notifications still show); dispose the result to stop. */
  answerWith(answerer: DialogAnswerer): vscode.Disposable {
    this.answerer = answerer;
    return new vscode.Disposable(() => {
      if (this.answerer === answerer) this.answerer = undefined;
    });
  }

  dispose(): void {
    this.shown.dispose();
    this.answerer = undefined;
  }

  private async show(request: DialogRequest): Promise<string | undefined> {
    this.shown.fire(request);
    if (this.answerer && request.modal) return this.answerer(request);
    return showMessage(request);
  }
}
