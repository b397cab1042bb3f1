import * as vscode from 'vscode';
import { CloudApiError } from '../cloud/errors';
import { CANCELLED, done, type DeleteImpact, failedOutcome, type Outcome } from './commandOutcome';
import { withRequestProgress } from './commandTargets';
import { type DialogService, dialogsOf } from '../ui/dialogs';
import { quoted, revealHidden } from '../ui/inertText';
import { isTypeableName } from './confirmToken';
import type { QuickInputFactory } from '../ui/quickInputs';
import { describeFailure } from './errorMessages';
import type { CommandDeps } from './registerCommand';
import { nounText } from './resourceWords';
import { validateConfirmation } from './validation';

/** What a delete needs besides the log: where its dialogs and its confirmation box come from. */
export interface DeleteDeps extends CommandDeps {
  readonly dialogs?: DialogService | undefined;
  readonly quickInputs?: QuickInputFactory | undefined;
}


/** Answers a delete command accepts from automation instead of asking. */
export interface DeleteInputs {
  /** The exact name, as the user would type it; required for resources confirmed by name. */
  readonly confirmName?: string;
  /** For deletes confirmed with a plain "Delete" (API keys). */
  readonly confirm?: boolean;
}

/** Base, -ing and past forms of the action's verb; `['Delete', 'Deleting', 'Deleted']` by default. */
export type DeleteVerbs = readonly [string, string, string];

/**
 * The sentences of one delete. For a plain delete each is one whole message; a delete with its
 * own verbs (Revoke) builds them from the caller's words, which the caller localizes.
 */
interface DeleteWording {
  /** The modal's button, compared with the answer. */
  readonly button: string;
  readonly question: string;
  readonly progress: string;
  readonly finished: string;
}

function wordingOf(verbs: DeleteVerbs | undefined, what: string): DeleteWording {
  if (!verbs) {
    return {
      button: vscode.l10n.t('Delete'),
      question: vscode.l10n.t('Delete the {0}?', what),
      progress: vscode.l10n.t('Deleting {0}…', what),
      finished: vscode.l10n.t('$(trash) Deleted {0}', what),
    };
  }
  const [base, ongoing, past] = verbs;
  return {
    button: base,
    question: vscode.l10n.t({ message: '{0} the {1}?', args: [base, what], comment: ['{0} is a verb such as "Revoke", {1} the item'] }),
    progress: vscode.l10n.t({ message: '{0} {1}…', args: [ongoing, what], comment: ['{0} is a verb such as "Revoking", {1} the item'] }),
    finished: vscode.l10n.t({ message: '$(trash) {0} {1}', args: [past, what], comment: ['{0} is a verb such as "Revoked", {1} the item'] }),
  };
}

/** One delete, described for {@link runDelete}. */
export interface DeleteSpec {
  /** For a delete with its own name (Revoke); the dialogs, progress and status bar use it. */
  readonly verbs?: DeleteVerbs | undefined;
  readonly noun: string;
  readonly id: string;
  /** What the user types to confirm (the display name; the ID when there is none). */
  readonly name: string;
  /** 'name': modal with the impact, then type the name. 'modal': one modal "Delete". */
  readonly confirmBy: 'name' | 'modal';
  readonly inputs: DeleteInputs | undefined;
  /** Fetches what goes with it (cancellable). */
  readonly preview?: ((signal: AbortSignal | undefined) => Promise<{ readonly lines: readonly string[]; readonly impact: DeleteImpact }>) | undefined;
  /** Extra sentence for the first dialog, e.g. that applications using a key stop working. */
  readonly consequence?: string | undefined;
  readonly remove: () => Promise<void>;
  /** After an uncertain failure: does it still exist? */
  readonly stillExists: () => Promise<boolean>;
  /** Adds context to a 409 (e.g. what blocks deleting an environment). */
  readonly explainConflict?: string | undefined;
  /** Updates the tree (with cascades). */
  readonly deleted: () => void;
}

/**
 * Preview → confirm → delete. Resources with dependants are confirmed by typing their exact
 * name after the impact is shown; a 404 counts as already deleted; a 5xx or timeout is checked
 * with a GET before the user hears anything.
 */
export async function runDelete(deps: DeleteDeps, spec: DeleteSpec): Promise<Outcome<{ id: string }>> {
  // Hidden characters shown as [U+202E], so the name reads as it is spelled.
  const what = `${nounText(spec.noun)} ${quoted(spec.name)}`;
  const wording = wordingOf(spec.verbs, what);
  const dialogs = dialogsOf(deps);
  let impact: DeleteImpact | undefined;
  let lines: readonly string[] = [];
  if (spec.preview) {
    try {
      const preview = await withRequestProgress(vscode.l10n.t('Checking what deleting the {0} affects…', what), (signal) => spec.preview!(signal), true);
      impact = preview.impact;
      lines = preview.lines;
    } catch (error) {
      const failure = describeFailure(error, { verb: 'check what goes with', noun: spec.noun, name: spec.name });
      if (failure.cancelled) return CANCELLED;
      // Never delete blind: without the preview there is no informed confirmation.
      void dialogs.notify('error', vscode.l10n.t({ message: '{0} Nothing was deleted.', args: [failure.message], comment: ['{0} says why the check failed'] }));
      return { status: 'failed', message: failure.message };
    }
  }

  if (!(await confirm(deps, dialogs, spec, what, wording, lines))) return CANCELLED;

  try {
    await withRequestProgress(wording.progress, () => spec.remove());
  } catch (error) {
    const failure = describeFailure(error, { verb: 'delete', noun: spec.noun, name: spec.name });
    if (failure.cancelled) return CANCELLED;
    if (failure.notFound) {
      spec.deleted();
      void dialogs.notify('info', vscode.l10n.t('The {0} was already deleted.', what));
      return done({ id: spec.id }, { impact });
    }
    if (failure.uncertain && !(await stillExists(spec))) {
      spec.deleted();
      void dialogs.notify('info', vscode.l10n.t('The {0} was deleted despite the error.', what));
      return done({ id: spec.id }, { impact, recovered: true });
    }
    const status = error instanceof CloudApiError ? error.status : undefined;
    const message = status === 409 && spec.explainConflict ? `${failure.message} ${spec.explainConflict}` : failure.message;
    deps.log.warn(message);
    void dialogs.notify('error', message);
    return failedOutcome(message, error);
  }
  spec.deleted();
  deps.log.info(`Deleted ${spec.noun} ${spec.id}`);
  vscode.window.setStatusBarMessage(wording.finished, 5000);
  return done({ id: spec.id }, { impact });
}

async function confirm(deps: DeleteDeps, dialogs: DialogService, spec: DeleteSpec, what: string, wording: DeleteWording, lines: readonly string[]): Promise<boolean> {
  const given = spec.inputs;
  const byId = !isTypeableName(spec.name);
  if (spec.confirmBy === 'modal') {
    if (given?.confirm === true || given?.confirmName === spec.name) return true;
    if (given) return false;
    const detail = [...lines, spec.consequence, vscode.l10n.t('This cannot be undone.')].filter(Boolean).join('\n');
    const answer = await dialogs.confirm('warning', wording.question, detail, wording.button);
    return answer === wording.button;
  }
  // A name that cannot be typed is confirmed with the ID, which can always be.
  const token = byId ? spec.id : spec.name;
  if (given?.confirmName !== undefined) return given.confirmName === spec.name || (byId && given.confirmName === spec.id);
  if (given) return false;
  const irreversible = byId
    ? vscode.l10n.t('This cannot be undone. Next you type its ID, {0}, to confirm.', spec.id)
    : vscode.l10n.t('This cannot be undone. Next you type the name to confirm.');
  const detail = [...lines, spec.consequence, irreversible].filter(Boolean).join('\n');
  const proceed = vscode.l10n.t('Continue…');
  // A name-confirmed delete always asks "Delete", whatever its verbs.
  const answer = await dialogs.confirm('warning', vscode.l10n.t('Delete the {0}?', what), detail, proceed);
  if (answer !== proceed) return false;
  const typed = await askTyped(deps.quickInputs, {
    title: vscode.l10n.t('Delete {0}', nounText(spec.noun)),
    prompt: typePrompt(spec, byId, lines.length > 1),
    placeholder: token,
    validate: (value) => (byId ? validateId(value, spec.id) : validateConfirmation(value, spec.name)),
  });
  return typed === token;
}

// What the confirmation box asks to be typed, and why it is the ID when the name can't be.
function typePrompt(spec: DeleteSpec, byId: boolean, listed: boolean): string {
  if (!byId) {
    return listed
      ? vscode.l10n.t('Type {0} to delete it and everything listed before. This cannot be undone.', quoted(spec.name))
      : vscode.l10n.t('Type {0} to delete it. This cannot be undone.', quoted(spec.name));
  }
  if (revealHidden(spec.name) !== spec.name) {
    return listed
      ? vscode.l10n.t('Type the ID {0} (its name holds hidden characters) to delete it and everything listed before. This cannot be undone.', spec.id)
      : vscode.l10n.t('Type the ID {0} (its name holds hidden characters) to delete it. This cannot be undone.', spec.id);
  }
  return listed
    ? vscode.l10n.t('Type the ID {0} (its name is too long to type) to delete it and everything listed before. This cannot be undone.', spec.id)
    : vscode.l10n.t('Type the ID {0} (its name is too long to type) to delete it. This cannot be undone.', spec.id);
}

function validateId(value: string, id: string): string | undefined {
  if (value === id) return undefined;
  return value === '' ? vscode.l10n.t('Type {0} to confirm.', id) : vscode.l10n.t('The text does not match the ID.');
}

/** One input box that accepts only a valid value; resolves undefined on Escape. */
function askTyped(
  factory: QuickInputFactory | undefined,
  options: { title: string; prompt: string; placeholder: string; validate: (value: string) => string | undefined },
): Promise<string | undefined> {
  if (!factory) {
    return Promise.resolve(vscode.window.showInputBox({
      title: options.title, prompt: options.prompt, placeHolder: options.placeholder, ignoreFocusOut: true, validateInput: options.validate,
    }));
  }
  const box = factory.createInputBox();
  box.title = options.title;
  box.prompt = options.prompt;
  box.placeholder = options.placeholder;
  box.ignoreFocusOut = true;
  return new Promise((resolve) => {
    let accepted: string | undefined;
    const subscriptions = [
      box.onDidChangeValue((value) => {
        box.validationMessage = value === '' ? undefined : options.validate(value);
      }),
      box.onDidAccept(() => {
        const problem = options.validate(box.value);
        box.validationMessage = problem;
        if (problem) return;
        accepted = box.value;
        box.hide();
      }),
      box.onDidHide(() => {
        for (const s of subscriptions) s.dispose();
        box.dispose();
        resolve(accepted);
      }),
    ];
    box.show();
  });
}

async function stillExists(spec: DeleteSpec): Promise<boolean> {
  try {
    return await spec.stillExists();
  } catch {
    // Can't tell: report the original error rather than claim success.
    return true;
  }
}

/** For {@link DeleteSpec.stillExists}: a GET that answers 404 means gone; other failures propagate. */
export async function existsById(get: () => Promise<unknown>): Promise<boolean> {
  try {
    await get();
    return true;
  } catch (error) {
    if (error instanceof CloudApiError && error.status === 404) return false;
    throw error;
  }
}
