import * as l10n from '@vscode/l10n';
import { CloudApiError } from '../cloud/errors';
import { CANCELLED, done, type Failed, failedOutcome, type Outcome } from './commandOutcome';
import { withRequestProgress } from './commandTargets';
import { describeFailure, type FailureContext } from './errorMessages';
import { runForm } from './forms/formEngine';
import { type FormState, invalidAnswer } from './forms/formRules';
import type { FieldErrors, FormSpec } from './forms/formSpec';
import { type DialogService, dialogsOf } from '../ui/dialogs';
import type { QuickInputFactory } from '../ui/quickInputs';
import type { CommandDeps } from './registerCommand';
import { quoted } from '../ui/inertText';
import { nounText, progressText } from './resourceWords';

/** One create or update, described for {@link runSubmit}. */
export interface SubmitSpec<A extends object, R> {
  /** For messages: verb + noun; the name is read from the answers on each attempt. */
  readonly verb: string;
  readonly noun: string;
  readonly nameOf: (answers: Partial<A>) => string | undefined;
  /** Title of the form's steps. */
  readonly title: string;
  readonly form: FormSpec<A>;
  /**
   * Answers so far (automation input merged in). When `automated`, failures are returned instead
   * of reopening the form, and fields it supplied are never asked.
   */
  readonly state: FormState<A>;
  /** Replaces the form with another question (Rotate asks one modal); resolves false if declined. */
  readonly ask?: ((errors: FieldErrors, startField: string | undefined) => Promise<boolean>) | undefined;
  /** Where the form's QuickInputs come from. */
  readonly factory?: QuickInputFactory | undefined;
  /** Sends the request. Never retried automatically. */
  readonly submit: (answers: Partial<A>) => Promise<R>;
  /**
   * For creates: looks the item up after an error that leaves it unclear whether the server
   * acted (5xx, timeout). Undefined result: not there.
   */
  readonly lookup?: ((answers: Partial<A>, signal: AbortSignal | undefined) => Promise<R | undefined>) | undefined;
  /** Updates the tree and tells the user; `recovered` when found by the lookup after an error. */
  readonly succeeded: (result: R, recovered: boolean) => void | Promise<void>;
}

/**
 * Ask → send → on failure keep every answer: a field the server blamed reopens the form on that
 * field with the server's words; other failures offer "Edit and Retry". A create that failed
 * uncertainly is looked up, never sent again on its own, and the user hears whether it exists.
 */
export async function runSubmit<A extends object, R>(deps: CommandDeps & { readonly dialogs?: DialogService | undefined }, spec: SubmitSpec<A, R>): Promise<Outcome<R>> {
  const dialogs = dialogsOf(deps);
  const errors: FieldErrors = {};
  let startField: string | undefined;
  for (;;) {
    const problem = invalidAnswer(spec.form, spec.state);
    if (problem && spec.state.automated) {
      return { status: 'invalid', message: problem.message, field: problem.field };
    }
    const start = startField ?? problem?.field;
    const answered = spec.ask ? await spec.ask(errors, start) : await runForm(spec.title, spec.form, spec.state, errors, start, spec.factory);
    if (!answered) return CANCELLED;
    const ctx: FailureContext = { verb: spec.verb, noun: spec.noun, name: spec.nameOf(spec.state.answers) };
    const what = ctx.name ? `${nounText(spec.noun)} ${quoted(ctx.name)}` : nounText(spec.noun);
    let result: R;
    try {
      result = await withRequestProgress(progressText(spec.verb, what), () => spec.submit({ ...spec.state.answers }));
    } catch (error) {
      const failure = describeFailure(error, ctx);
      if (failure.cancelled) return CANCELLED;
      let message = failure.message;
      let lookup: Failed['lookup'];
      if (failure.uncertain && spec.lookup) {
        const found = await lookUp(deps, spec, what);
        if (found.status === 'exists') {
          await spec.succeeded(found.value, true);
          return done(found.value, { recovered: true });
        }
        lookup = found.status;
        message = found.status === 'absent'
          ? l10n.t({ message: '{0} The {1} was not created; your input is kept.', args: [message, what], comment: ['{0} says why the request failed'] })
          : l10n.t({ message: "{0} Couldn't check whether the {1} was created; look in the explorer before trying again.", args: [message, what], comment: ['{0} says why the request failed'] });
      }
      deps.log.warn(message);
      // The message carries the server's words inert and shortened; the log keeps them whole.
      if (error instanceof CloudApiError && error.detail) deps.log.warn(`Server detail: ${error.detail}`);
      const outcome = failedOutcome(message, error, { field: failure.field, lookup });
      if (spec.state.automated) {
        void dialogs.notify('error', message);
        return outcome;
      }
      // Only a field the form asks can carry the message; otherwise the modal below says it.
      if (failure.field && failure.fieldMessage && spec.form.fields.some((f) => f.name === failure.field)) {
        // Back into the form, on the field the server named, with its explanation there, and
        // nowhere else: a notification would outlive the fix. The log keeps the full message.
        errors[failure.field] = failure.fieldMessage;
        startField = failure.field;
        continue;
      }
      const retry = lookup === 'unknown' ? l10n.t('Edit and Retry Anyway') : l10n.t('Edit and Retry');
      const choice = await dialogs.confirm('error', message, l10n.t('Your input is kept: you can change it and send it again.'), retry);
      if (choice !== retry) return outcome;
      startField = undefined;
      continue;
    }
    await spec.succeeded(result, false);
    return done(result);
  }
}

async function lookUp<A extends object, R>(deps: CommandDeps, spec: SubmitSpec<A, R>, what: string): Promise<{ status: 'exists'; value: R } | { status: 'absent' | 'unknown' }> {
  const lookup = spec.lookup;
  if (!lookup) return { status: 'absent' };
  try {
    const found = await withRequestProgress(l10n.t('Checking whether the {0} was created…', what), (signal) => lookup({ ...spec.state.answers }, signal), true);
    return found === undefined ? { status: 'absent' } : { status: 'exists', value: found };
  } catch (error) {
    deps.log.warn(`Lookup after a failed create of ${what} failed too: ${error instanceof Error ? error.message : String(error)}`);
    return { status: 'unknown' };
  }
}
