import { dialogsOf } from '../../ui/dialogs';
import type { KindContext } from './resourceKind';

/**
 * The log line and notification after a create, the same for every kind. `text` is the kind's
 * own sentence, "Created service account 'payments' (sa-1)." or, found by the lookup after an
 * error, "… was created despite the error (sa-1).", so a translator sees it whole; `noun` is the
 * English noun of the log line. `actions` become notification buttons. The explorer has already
 * revealed and selected the item (`ExplorerUpdates.itemCreated`), so the message needs no Reveal
 * of its own.
 */
export function announceCreated(
  ctx: KindContext,
  noun: string,
  id: string,
  recovered: boolean,
  text: string,
  actions: readonly { label: string; run: () => void }[] = [],
): void {
  ctx.deps.log.info(`Created ${noun} ${id}${recovered ? ' (found after an error)' : ''}`);
  void dialogsOf(ctx.deps).notify('info', text, ...actions.map((a) => a.label)).then((choice) => {
    actions.find((a) => a.label === choice)?.run();
  });
}
