import { inputStep, pickStep, type StepResult } from '../../ui/multiStepInput';
import type { QuickInputFactory } from '../../ui/quickInputs';
import type { ChoiceField, FieldErrors, FormField, FormSpec, PickerField, StepPosition, TextField } from './formSpec';
import { type FormState, isAsked } from './formRules';

/** A step's position plus where its QuickInput comes from. */
type StepAt = StepPosition & { readonly factory?: QuickInputFactory | undefined };

/**
 * Runs the form's asked fields in order with Back, a step counter and inline validation.
 * `startField` opens it on that field (after the server rejected it); the earlier steps stay
 * reachable with Back. Which fields are asked is recomputed after every answer, so a field can
 * depend on an earlier one. Resolves false when the user dismisses a step.
 */
export async function runForm<A extends object>(
  title: string,
  spec: FormSpec<A>,
  state: FormState<A>,
  errors: FieldErrors,
  startField?: string,
  factory?: QuickInputFactory,
): Promise<boolean> {
  const asked = (): FormField<A>[] => spec.fields.filter((f) => isAsked(f, state, errors));
  let current: string | undefined = startField && asked().some((f) => f.name === startField) ? startField : asked()[0]?.name;
  while (current !== undefined) {
    const shown = asked();
    const index = Math.max(0, shown.findIndex((f) => f.name === current));
    const field = shown[index];
    if (!field) return true;
    const result = await runField(field, state, errors, { title, step: index + 1, totalSteps: shown.length, factory });
    if (result === undefined) return false;
    if (result.kind === 'back') {
      current = shown[Math.max(0, index - 1)]?.name;
      continue;
    }
    // Answers may change which fields come next; continue after this one in the new list.
    const next = asked();
    const at = next.findIndex((f) => f.name === field.name);
    current = next[at + 1]?.name;
  }
  return true;
}

async function runField<A extends object>(field: FormField<A>, state: FormState<A>, errors: FieldErrors, at: StepAt): Promise<StepResult<unknown>> {
  switch (field.type) {
    case 'text': return runText(field, state.answers, errors, at);
    case 'choice': return runChoice(field, state.answers, errors, at);
    case 'picker': return runPicker(field, state, errors, at);
  }
}

function set<A extends object>(answers: Partial<A>, name: keyof A & string, value: unknown, errors: FieldErrors): void {
  (answers as Record<string, unknown>)[name] = value;
  errors[name] = undefined;
}

// Prefilled with what was typed before; the server's complaint shows as a warning that the next
// keystroke replaces.
async function runText<A extends object>(field: TextField<A>, answers: Partial<A>, errors: FieldErrors, at: StepAt): Promise<StepResult<string>> {
  const value = answers[field.name];
  const result = await inputStep({
    ...at,
    value: typeof value === 'string' ? value : '',
    prompt: typeof field.prompt === 'function' ? field.prompt(answers) : field.prompt,
    placeholder: field.placeholder,
    validate: field.validate,
    warning: errors[field.name],
  });
  if (result?.kind === 'value') set(answers, field.name, result.value, errors);
  return result;
}

// The current answer is the active item.
async function runChoice<A extends object>(field: ChoiceField<A>, answers: Partial<A>, errors: FieldErrors, at: StepAt): Promise<StepResult<unknown>> {
  const options = field.options(answers);
  const error = errors[field.name];
  const result = await pickStep({
    ...at,
    items: options,
    placeholder: error ? `${error} ${field.placeholder}` : field.placeholder,
    activeItem: options.find((o) => o.value === answers[field.name]),
  });
  if (result?.kind === 'value') set(answers, field.name, result.value.value, errors);
  return result;
}

async function runPicker<A extends object>(field: PickerField<A>, state: FormState<A>, errors: FieldErrors, at: StepAt): Promise<StepResult<unknown>> {
  const result = await field.pick({ title: at.title, step: at.step, totalSteps: at.totalSteps }, state.answers);
  if (result?.kind === 'value') {
    field.picked?.(result.value, state.answers, state.given);
    set(state.answers, field.name, result.value, errors);
  }
  return result;
}
