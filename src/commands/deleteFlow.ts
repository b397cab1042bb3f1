import * as vscode from 'vscode';
import { CloudApiError } from '../cloud/errors';
import { CANCELLED, done, type DeleteImpact, failedOutcome, type Outcome } from './commandOutcome';
import { withRequestProgress } from './commandTargets';
import { describeFailure } from './errorMessages';
import type { CommandDeps } from './registerCommand';
import { quoteForPrompt, validateConfirmation } from './validation';

const DELETE_VERBS: DeleteVerbs = ['Delete', 'Deleting', 'Deleted'];

/** Answers a delete command accepts from automation instead of asking. */
export interface DeleteInputs {
  /** The exact name, as the user would type it; required for resources confirmed by name. */
  readonly confirmName?: string;
  /** For deletes confirmed with a plain "Delete" (API keys). */
  readonly confirm?: boolean;
}

/** Base, -ing and past forms of the action's verb; `['Delete', 'Deleting', 'Deleted']` by default. */
export type DeleteVerbs = readonly [string, string, string];

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
export async function runDelete(deps: CommandDeps, spec: DeleteSpec): Promise<Outcome<{ id: string }>> {
  const what = `${spec.noun} ${quoteForPrompt(spec.name)}`;
  let impact: DeleteImpact | undefined;
  let lines: readonly string[] = [];
  if (spec.preview) {
    try {
      const preview = await withRequestProgress(`Checking what deleting the ${what} affects…`, (signal) => spec.preview!(signal), true);
      impact = preview.impact;
      lines = preview.lines;
    } catch (error) {
      const failure = describeFailure(error, { verb: 'check what goes with', noun: spec.noun, name: spec.name });
      if (failure.cancelled) return CANCELLED;
      // Never delete blind: without the preview there is no informed confirmation.
      void vscode.window.showErrorMessage(`${failure.message} Nothing was deleted.`);
      return { status: 'failed', message: failure.message };
    }
  }

  if (!(await confirm(spec, what, lines))) return CANCELLED;

  try {
    await withRequestProgress(`${(spec.verbs ?? DELETE_VERBS)[1]} ${what}…`, () => spec.remove());
  } catch (error) {
    const failure = describeFailure(error, { verb: 'delete', noun: spec.noun, name: spec.name });
    if (failure.cancelled) return CANCELLED;
    if (failure.notFound) {
      spec.deleted();
      void vscode.window.showInformationMessage(`The ${what} was already deleted.`);
      return done({ id: spec.id }, { impact });
    }
    if (failure.uncertain && !(await stillExists(spec))) {
      spec.deleted();
      void vscode.window.showInformationMessage(`The ${what} was deleted despite the error.`);
      return done({ id: spec.id }, { impact, recovered: true });
    }
    const status = error instanceof CloudApiError ? error.status : undefined;
    const message = status === 409 && spec.explainConflict ? `${failure.message} ${spec.explainConflict}` : failure.message;
    deps.log.warn(message);
    void vscode.window.showErrorMessage(message);
    return failedOutcome(message, error);
  }
  spec.deleted();
  deps.log.info(`Deleted ${spec.noun} ${spec.id}`);
  vscode.window.setStatusBarMessage(`$(trash) ${(spec.verbs ?? DELETE_VERBS)[2]} ${what}`, 5000);
  return done({ id: spec.id }, { impact });
}

async function confirm(spec: DeleteSpec, what: string, lines: readonly string[]): Promise<boolean> {
  const given = spec.inputs;
  if (spec.confirmBy === 'modal') {
    if (given?.confirm === true || given?.confirmName === spec.name) return true;
    if (given) return false;
    const [verb] = spec.verbs ?? DELETE_VERBS;
    const detail = [...lines, spec.consequence, 'This cannot be undone.'].filter(Boolean).join('\n');
    const answer = await vscode.window.showWarningMessage(`${verb} the ${what}?`, { modal: true, detail }, verb);
    return answer === verb;
  }
  if (given?.confirmName !== undefined) return given.confirmName === spec.name;
  if (given) return false;
  const detail = [...lines, spec.consequence, 'This cannot be undone. Next you type the name to confirm.'].filter(Boolean).join('\n');
  const proceed = await vscode.window.showWarningMessage(`Delete the ${what}?`, { modal: true, detail }, 'Continue…');
  if (proceed !== 'Continue…') return false;
  const typed = await vscode.window.showInputBox({
    title: `Delete ${spec.noun}`,
    prompt: `Type ${quoteForPrompt(spec.name)} to delete it${lines.length > 1 ? ' and everything listed before' : ''}. This cannot be undone.`,
    placeHolder: spec.name.length <= 80 ? spec.name : undefined,
    ignoreFocusOut: true,
    validateInput: (value) => validateConfirmation(value, spec.name),
  });
  return typed === spec.name;
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
