/**
 * Turns a {@link ChatToolSpec} into a `vscode.LanguageModelTool`: progress and confirmation in
 * `prepareInvocation`, the result as one text part, and every failure as a result the model can
 * read instead of an exception in the chat.
 */
import * as vscode from 'vscode';
import type { ToolContext } from './toolContext';
import { errorText } from './toolErrors';
import type { ChatToolSpec } from './toolSpec';

/** Links a cancellation token to an AbortSignal for the cloud client. */
function signalFor(token: vscode.CancellationToken): { signal: AbortSignal; dispose(): void } {
  const abort = new AbortController();
  if (token.isCancellationRequested) abort.abort();
  const subscription = token.onCancellationRequested(() => abort.abort());
  return { signal: abort.signal, dispose: () => subscription.dispose() };
}

export function toLanguageModelTool<I extends object>(
  spec: ChatToolSpec<I>, ctx: ToolContext, log: (message: string) => void,
): vscode.LanguageModelTool<I> {
  return {
    prepareInvocation: async (options, token) => {
      const invocationMessage = spec.invocationMessage(options.input);
      if (!spec.confirm) return { invocationMessage };
      const link = signalFor(token);
      try {
        const confirmation = await spec.confirm(options.input, ctx, link.signal);
        // A MarkdownString without trust: the inert code spans stay literal, links stay dead.
        return { invocationMessage, confirmationMessages: { title: confirmation.title, message: new vscode.MarkdownString(confirmation.message) } };
      } catch (error) {
        // Still ask: the invocation then reports the problem as its result.
        // The error paragraph is the model-facing wording; the sentences around it are the person's.
        const message = vscode.l10n.t('{0} Continue to see the full error.', errorText(error));
        return { invocationMessage, confirmationMessages: { title: vscode.l10n.t('Confirm this change?'), message: new vscode.MarkdownString(message) } };
      } finally {
        link.dispose();
      }
    },
    invoke: async (options, token) => {
      const link = signalFor(token);
      let text: string;
      try {
        text = await spec.run(options.input, ctx, link.signal);
      } catch (error) {
        text = errorText(error, spec.hints);
        log(`${spec.name}: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        link.dispose();
      }
      // Results are text for the language model: English, never translated.
      return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text)]);
    },
  };
}

/** The text of a tool result (tests and logs). */
export function resultText(result: vscode.LanguageModelToolResult): string {
  return result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
}
