import * as vscode from 'vscode';
import { quoteForPrompt } from '../validation';
import type { KindContext } from './resourceKind';

/**
 * The log line and notification after a create, worded once for every kind: "Created service
 * account 'payments' (sa-1)." or, found by the lookup after an error, "… was created despite the
 * error (sa-1)." `actions` become notification buttons.
 */
export function announceCreated(
  ctx: KindContext,
  noun: string,
  item: { id: string; name: string },
  recovered: boolean,
  actions: readonly { label: string; run: () => void }[] = [],
): void {
  ctx.deps.log.info(`Created ${noun} ${item.id}${recovered ? ' (found after an error)' : ''}`);
  const text = recovered
    ? `The ${noun} ${quoteForPrompt(item.name)} was created despite the error (${item.id}).`
    : `Created ${noun} ${quoteForPrompt(item.name)} (${item.id}).`;
  void vscode.window.showInformationMessage(text, ...actions.map((a) => a.label)).then((choice) => {
    actions.find((a) => a.label === choice)?.run();
  });
}
