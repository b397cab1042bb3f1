import type * as vscode from 'vscode';
import type { StepResult } from '../../ui/multiStepInput';

/**
 * A form, declared: its fields in order, which are optional, their defaults and validation. One
 * engine ({@link runForm}, {@link invalidAnswer}) derives the multi-step input (step counter,
 * Back, inline validation, answers kept after a server error) and the automation path (answers
 * given are not asked) from it, so both run the same code.
 */
export interface FormSpec<A extends object> {
  readonly fields: readonly FormField<A>[];
}

/** Where a step sits in the form, for the "2/4" counter and the title. */
export interface StepPosition {
  readonly title: string;
  readonly step: number;
  readonly totalSteps: number;
}

interface FieldBase<A extends object, K extends keyof A & string> {
  readonly name: K;
  /**
   * Optional fields are not asked when automation leaves them out; they keep their current value
   * or get `defaultValue`.
   */
  readonly optional?: boolean;
  /** The answer an optional field takes when nobody gives one. */
  readonly defaultValue?: A[K];
  /** Shown only when this holds for the answers so far (e.g. a field that depends on a choice). */
  readonly when?: (answers: Partial<A>) => boolean;
}

/** A line of text; `validate` runs while typing and on automation input. */
export interface TextField<A extends object, K extends keyof A & string = keyof A & string> extends FieldBase<A, K> {
  readonly type: 'text';
  readonly prompt: string | ((answers: Partial<A>) => string);
  readonly placeholder?: string | undefined;
  readonly validate: (value: string) => string | undefined;
}

/** One option of a choice field. */
export interface ChoiceOption extends vscode.QuickPickItem {
  readonly value: string;
}

/** Pick one of a few options; the options may depend on earlier answers. */
export interface ChoiceField<A extends object, K extends keyof A & string = keyof A & string> extends FieldBase<A, K> {
  readonly type: 'choice';
  readonly placeholder: string;
  readonly options: (answers: Partial<A>) => readonly ChoiceOption[];
  /** Why an automation value is not one of the options. */
  readonly unknownOption: (value: string, options: readonly ChoiceOption[]) => string;
}

/**
 * A value chosen from a (paged) resource list. `pick` receives the step position so it shows the
 * counter and Back; `picked` may adjust other answers (e.g. prefill from the chosen item).
 */
export interface PickerField<A extends object, K extends keyof A & string = keyof A & string> extends FieldBase<A, K> {
  readonly type: 'picker';
  readonly pick: (at: StepPosition, answers: Partial<A>) => Promise<StepResult<NonNullable<A[K]>>>;
  readonly picked?: (value: NonNullable<A[K]>, answers: Partial<A>, given: ReadonlySet<string>) => void;
}

export type FormField<A extends object> = {
  [K in keyof A & string]: TextField<A, K> | ChoiceField<A, K> | PickerField<A, K>;
}[keyof A & string];

/** Messages to show on fields when the form reopens (the server's reason for a rejection). */
export type FieldErrors = Partial<Record<string, string>>;
