import * as vscode from 'vscode';
import type { QuickInputFactory } from './quickInputs';

/** How one step of a multi-step input ended. `undefined` means the user dismissed it. */
export type StepResult<T> = { readonly kind: 'value'; readonly value: T } | { readonly kind: 'back' } | undefined;

/** Common options of a step. */
export interface StepOptions {
  readonly title: string;
  readonly step: number;
  readonly totalSteps: number;
  /** Show the Back button; defaults to from step 2 on (a sub-step of step 1 can go back too). */
  readonly back?: boolean | undefined;
  /** Where the QuickInput comes from; `vscode.window` unless the composition root passed one. */
  readonly factory?: QuickInputFactory | undefined;
}

/** Options of a text step. */
export interface InputStepOptions extends StepOptions {
  readonly value?: string | undefined;
  readonly prompt?: string | undefined;
  readonly placeholder?: string | undefined;
  readonly password?: boolean | undefined;
  /** Synchronous, inline validation while typing; returns an error message or undefined. */
  readonly validate?: ((value: string) => string | undefined) | undefined;
  /** A message shown when the step opens (e.g. why the previous attempt was rejected). */
  readonly warning?: string | undefined;
  /**
   * Runs when the user presses Enter, with the box busy and disabled; returns a message to keep
   * the step open with its value, or undefined to finish it. Used for checks that need the network.
   */
  readonly onAccept?: ((value: string) => Promise<string | undefined>) | undefined;
}

/** Options of a pick step. */
export interface PickStepOptions<T extends vscode.QuickPickItem> extends StepOptions {
  readonly items: readonly T[];
  readonly placeholder?: string | undefined;
  readonly activeItem?: T | undefined;
}

/**
 * Shows one text step with a step counter and a Back button (from step 2 on). Focus loss does not
 * cancel, because users often switch windows to copy the API secret.
 */
export function inputStep(options: InputStepOptions): Promise<StepResult<string>> {
  const box = (options.factory ?? vscode.window).createInputBox();
  box.title = options.title;
  box.step = options.step;
  box.totalSteps = options.totalSteps;
  box.value = options.value ?? '';
  box.prompt = options.prompt;
  box.placeholder = options.placeholder;
  box.password = options.password ?? false;
  box.ignoreFocusOut = true;
  box.buttons = (options.back ?? options.step > 1) ? [vscode.QuickInputButtons.Back] : [];
  if (options.warning) box.validationMessage = { message: options.warning, severity: vscode.InputBoxValidationSeverity.Warning };
  else if (options.value) box.validationMessage = options.validate?.(options.value);

  return new Promise<StepResult<string>>((resolve) => {
    let settled = false;
    const finish = (result: StepResult<string>): void => {
      if (settled) return;
      settled = true;
      resolve(result);
      box.dispose();
    };
    box.onDidTriggerButton((button) => {
      if (button === vscode.QuickInputButtons.Back) finish({ kind: 'back' });
    });
    box.onDidChangeValue((value) => {
      box.validationMessage = options.validate?.(value);
    });
    box.onDidAccept(async () => {
      const value = box.value;
      const invalid = options.validate?.(value);
      if (invalid) {
        box.validationMessage = invalid;
        return;
      }
      if (options.onAccept) {
        box.busy = true;
        box.enabled = false;
        try {
          const problem = await options.onAccept(value);
          if (problem) {
            // A warning, not an error: Enter stays enabled so the same values can be retried
            // (e.g. after starting the sandbox), and Back leads to the earlier steps.
            box.validationMessage = { message: problem, severity: vscode.InputBoxValidationSeverity.Warning };
            return;
          }
        } finally {
          box.busy = false;
          box.enabled = true;
        }
      }
      finish({ kind: 'value', value });
    });
    box.onDidHide(() => finish(undefined));
    box.show();
  });
}

/** Shows one pick step with a step counter and a Back button (from step 2 on). */
export function pickStep<T extends vscode.QuickPickItem>(options: PickStepOptions<T>): Promise<StepResult<T>> {
  const pick = (options.factory ?? vscode.window).createQuickPick<T>();
  pick.title = options.title;
  pick.step = options.step;
  pick.totalSteps = options.totalSteps;
  pick.items = options.items;
  pick.placeholder = options.placeholder;
  pick.ignoreFocusOut = true;
  if (options.activeItem) pick.activeItems = [options.activeItem];
  pick.buttons = (options.back ?? options.step > 1) ? [vscode.QuickInputButtons.Back] : [];

  return new Promise<StepResult<T>>((resolve) => {
    let settled = false;
    const finish = (result: StepResult<T>): void => {
      if (settled) return;
      settled = true;
      resolve(result);
      pick.dispose();
    };
    pick.onDidTriggerButton((button) => {
      if (button === vscode.QuickInputButtons.Back) finish({ kind: 'back' });
    });
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
      if (chosen) finish({ kind: 'value', value: chosen });
    });
    pick.onDidHide(() => finish(undefined));
    pick.show();
  });
}
