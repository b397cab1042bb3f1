import * as vscode from 'vscode';
import { inertMessage } from '../ui/inertText';

/** Every command this extension contributes starts with this prefix. */
export const COMMAND_PREFIX = 'confluentCloud.';

/** What the wrapper needs from the host; passed in so tests can supply their own. */
export interface CommandDeps {
  readonly log: vscode.LogOutputChannel;
}

export interface CommandOptions {
  /**
   * When true, invoking the command while an earlier invocation is still running is ignored
   * (and says so in the log) instead of starting a second run. Use it for anything that
   * creates or deletes, so a double click can never send two requests.
   */
  readonly singleFlight?: boolean;
}

/**
 * Registers a command behind one wrapper: checks the ID prefix, logs start and failure, and turns
 * an unexpected error into a single concise notification. Handlers that already told the user
 * about a failure should return normally instead of throwing.
 */
export function registerCommand(
  deps: CommandDeps,
  id: string,
  // Handlers declare their own argument types (tree node, multi-selection, automation inputs);
  // VS Code passes whatever the caller gave, so the wrapper cannot be more specific than this.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  handler: (...args: any[]) => unknown,
  options: CommandOptions = {},
): vscode.Disposable {
  if (!id.startsWith(COMMAND_PREFIX)) {
    throw new Error(`Command ID '${id}' must start with '${COMMAND_PREFIX}'.`);
  }
  let running = false;
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    if (options.singleFlight && running) {
      deps.log.info(`${id}: already running; ignored a second invocation`);
      return undefined;
    }
    running = true;
    try {
      return await handler(...args);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // The full text goes to the log; the notification gets it inert (a server's
      // `[x](command:…)` is no link there) and short.
      deps.log.error(`${id} failed: ${message}`);
      void vscode.window.showErrorMessage(inertMessage(message));
      return undefined;
    } finally {
      running = false;
    }
  });
}
