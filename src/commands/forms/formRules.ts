/**
 * What a form asks and accepts, decided from its declaration alone (no vscode): which fields are
 * asked, what the answers start as, and whether given answers are valid. The interactive engine
 * (`formEngine.ts`) and the automation path both use these, so they cannot drift apart.
 */
import * as l10n from '@vscode/l10n';
import type { FieldErrors, FormField, FormSpec } from './formSpec';

/** The answers of one run of a form and what the caller fixed in advance. */
export interface FormState<A extends object> {
  /** Answers so far: current values, defaults and given answers; kept across failed attempts. */
  readonly answers: Partial<A>;
  /** Fields answered by the caller (automation input, or the tree node): never asked. */
  readonly given: ReadonlySet<string>;
  /** True when the caller passed automation input: optional fields left out are not asked. */
  readonly automated: boolean;
}

/** Builds the state for a run: `initial` (current values, defaults), then the given answers. */
export function formState<A extends object>(
  spec: FormSpec<A>,
  initial: Partial<A>,
  given: Partial<A> | undefined,
  fixed: readonly string[] = [],
): FormState<A> {
  const supplied = Object.entries(given ?? {}).filter(([, v]) => v !== undefined).map(([k]) => k);
  const answers: Partial<A> = { ...initial };
  for (const field of spec.fields) {
    if (answers[field.name] === undefined && field.defaultValue !== undefined) answers[field.name] = field.defaultValue;
  }
  Object.assign(answers, Object.fromEntries(Object.entries(given ?? {}).filter(([, v]) => v !== undefined)));
  return { answers, given: new Set([...supplied, ...fixed]), automated: given !== undefined };
}

/** Whether the form shows this field now. */
export function isAsked<A extends object>(field: FormField<A>, state: FormState<A>, errors: FieldErrors): boolean {
  if (field.when && !field.when(state.answers)) return false;
  if (errors[field.name]) return true;
  if (state.given.has(field.name)) return false;
  return !(state.automated && field.optional);
}

/** First problem with the answers present (given or defaulted), before anything is sent. */
export function invalidAnswer<A extends object>(spec: FormSpec<A>, state: FormState<A>): { field: string; message: string } | undefined {
  for (const field of spec.fields) {
    if (field.when && !field.when(state.answers)) continue;
    const value = state.answers[field.name];
    if (value === undefined) continue;
    const message = fieldProblem(field, value, state.answers);
    if (message) return { field: field.name, message };
  }
  return undefined;
}

function fieldProblem<A extends object>(field: FormField<A>, value: unknown, answers: Partial<A>): string | undefined {
  if (field.type === 'text') {
    return typeof value === 'string' ? field.validate(value) : l10n.t({ message: '{0} must be text.', args: [field.name], comment: ['{0} is the input name, as written'] });
  }
  if (field.type === 'choice') {
    const options = field.options(answers);
    return options.some((o) => o.value === value) ? undefined : field.unknownOption(String(value), options);
  }
  return undefined;
}

