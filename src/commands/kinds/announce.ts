import { dialogsOf } from '../../ui/dialogs';
import { quoted } from '../../ui/inertText';
import type { KindContext } from './resourceKind';

/**
 * The log line and notification after a create, worded once for every kind: "Created service
 * account 'payments' (sa-1)." or, found by the lookup after an error, "… was created despite the
 * error (sa-1)." `actions` become notification buttons. The explorer has already revealed and
 * selected the item (`ExplorerUpdates.itemCreated`), so the message needs no Reveal of its own.
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
    ? `The ${noun} ${quoted(item.name)} was created despite the error (${item.id}).`
    : `Created ${noun} ${quoted(item.name)} (${item.id}).`;
  void dialogsOf(ctx.deps).notify('info', text, ...actions.map((a) => a.label)).then((choice) => {
    actions.find((a) => a.label === choice)?.run();
  });
}
