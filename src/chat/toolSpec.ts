/**
 * A chat tool as plain functions: what it says while running, what it asks the user to confirm
 * (act tools), and what it answers. `toolAdapter.ts` turns one into a `vscode.LanguageModelTool`;
 * keeping this shape host-free lets the same code run in plain Node tests.
 */
import type { ToolContext } from './toolContext';
import type { ErrorHints } from './toolErrors';

/** The confirmation an act tool shows before it changes anything. */
export interface ToolConfirmation {
  readonly title: string;
  /** Names exactly what changes: organization, principal, role, scope, key. */
  readonly message: string;
}

export interface ChatToolSpec<I extends object> {
  /** The `languageModelTools[].name` in package.json. */
  readonly name: string;
  /** Remedies for errors, e.g. the role a 403 means is missing. */
  readonly hints?: ErrorHints;
  /** Progress text while the tool runs. */
  readonly invocationMessage: (input: I) => string;
  /**
   * Act tools only. Reads what it needs to name the change precisely and must not change
   * anything (VS Code may call it without invoking the tool afterwards).
   */
  readonly confirm?: (input: I, ctx: ToolContext, signal: AbortSignal) => Promise<ToolConfirmation>;
  /** The result text; failures throw and become error results in the adapter. */
  readonly run: (input: I, ctx: ToolContext, signal: AbortSignal) => Promise<string>;
}

/** Lets tools with different inputs share one list. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyChatToolSpec = ChatToolSpec<any>;

/** Default and largest number of items one result lists. */
export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 50;

/** The requested item count, clamped to 1..MAX_LIMIT. */
export function limitOf(input: { readonly limit?: number | undefined }, fallback = DEFAULT_LIMIT): number {
  const n = input.limit;
  return typeof n === 'number' && Number.isFinite(n) ? Math.min(MAX_LIMIT, Math.max(1, Math.floor(n))) : fallback;
}
