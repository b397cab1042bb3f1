import type * as vscode from 'vscode';
import { inputStep, pickStep, type StepResult } from '../auth/multiStepInput';

/** Where a step sits in the wizard, for the "2/4" counter and the title. */
export interface StepPosition {
  readonly title: string;
  readonly step: number;
  readonly totalSteps: number;
}

/** One step of a wizard. Any value result moves on; `back` returns to the previous shown step. */
export interface WizardStep {
  /** Steps whose answer is already known (from the tree or automation) are neither shown nor counted. */
  readonly skip?: boolean;
  /** Form field this step edits, so a server error on that field reopens the wizard right here. */
  readonly field?: string;
  run(at: StepPosition): Promise<StepResult<unknown>>;
}

/**
 * Runs steps in order with Back support. `startField` opens the wizard at the step for that
 * field (after a server rejected it); the earlier steps stay reachable with Back. Resolves false
 * when the user dismisses any step.
 */
export async function runWizard(title: string, steps: readonly WizardStep[], startField?: string): Promise<boolean> {
  const shown = steps.filter((s) => !s.skip);
  if (shown.length === 0) return true;
  const start = startField ? shown.findIndex((s) => s.field === startField) : -1;
  let index = Math.max(0, start);
  while (index < shown.length) {
    const result = await shown[index]!.run({ title, step: index + 1, totalSteps: shown.length });
    if (result === undefined) return false;
    if (result.kind === 'back') index = Math.max(0, index - 1);
    else index += 1;
  }
  return true;
}

/** Answers typed so far, by API field name; kept across failed attempts so nothing is retyped. */
export type FormValues = Record<string, string | undefined>;

/** Messages to show on fields when the wizard reopens (the server's reason for a rejection). */
export type FieldErrors = Record<string, string | undefined>;

/** A text field of a form. */
export interface TextFieldSpec {
  readonly field: string;
  readonly prompt: string;
  readonly placeholder?: string | undefined;
  /** Inline validation, also applied to automation input. */
  readonly validate: (value: string) => string | undefined;
}

/**
 * A text step bound to `values[field]`: prefilled with what was typed before, showing the
 * server's complaint (if any) as a warning that the next keystroke replaces.
 */
export function textStep(spec: TextFieldSpec, values: FormValues, errors: FieldErrors, skip = false): WizardStep {
  return {
    skip,
    field: spec.field,
    run: async (at) => {
      const result = await inputStep({
        ...at,
        value: values[spec.field] ?? '',
        prompt: spec.prompt,
        placeholder: spec.placeholder,
        validate: spec.validate,
        warning: errors[spec.field],
      });
      if (result?.kind === 'value') {
        values[spec.field] = result.value;
        errors[spec.field] = undefined;
      }
      return result;
    },
  };
}

/** One option of a choice step. */
export interface ChoiceOption extends vscode.QuickPickItem {
  readonly value: string;
}

/** A pick-one step bound to `values[field]`; the current value is the active item. */
export function choiceStep(
  spec: { field: string; placeholder: string; options: readonly ChoiceOption[] },
  values: FormValues,
  errors: FieldErrors,
  skip = false,
): WizardStep {
  return {
    skip,
    field: spec.field,
    run: async (at) => {
      const error = errors[spec.field];
      const result = await pickStep({
        ...at,
        items: spec.options,
        placeholder: error ? `${error} ${spec.placeholder}` : spec.placeholder,
        activeItem: spec.options.find((o) => o.value === (values[spec.field] ?? '')),
      });
      if (result?.kind === 'value') {
        values[spec.field] = result.value.value;
        errors[spec.field] = undefined;
      }
      return result;
    },
  };
}

/** First validation problem of the given (automation) values, or undefined. */
export function firstInvalid(specs: readonly TextFieldSpec[], values: FormValues): { field: string; message: string } | undefined {
  for (const spec of specs) {
    const value = values[spec.field];
    if (value === undefined) continue;
    const message = spec.validate(value);
    if (message) return { field: spec.field, message };
  }
  return undefined;
}

/**
 * A step that picks something with a custom picker (a paged resource list); `onValue` stores the
 * choice. The picker receives the step position so it shows the counter and Back.
 */
export function pickerStep<T>(
  pick: (at: StepPosition) => Promise<StepResult<T>>,
  onValue: (value: T) => void,
  skip = false,
  field?: string,
): WizardStep {
  return {
    skip,
    field,
    run: async (at) => {
      const result = await pick(at);
      if (result?.kind === 'value') onValue(result.value);
      return result;
    },
  };
}

/** Copies the string answers of an automation input object into form values. */
export function definedStrings(input: object | undefined): FormValues {
  const out: FormValues = {};
  for (const [key, value] of Object.entries(input ?? {})) if (typeof value === 'string') out[key] = value;
  return out;
}
