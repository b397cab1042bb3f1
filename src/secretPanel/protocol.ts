/**
 * Messages between the API key secret view and the extension host. Shared by both sides; no
 * vscode import. The secret itself crosses only in a `secret` message, sent when the user asks
 * to reveal it, and the webview never stores it (no `setState`).
 */
// A namespace import keeps the webview bundle small (esbuild drops unused parts of zod/mini).
import * as z from 'zod/mini';

/** "Insert into Editor as…" formats; mirrors `SnippetFormat` in the host's snippet module. */
export const INSERT_FORMATS = ['dotenv', 'properties', 'kubernetes'] as const;
export type InsertFormat = (typeof INSERT_FORMATS)[number];

/** Where a rotation stands: the old key is deleted only after the user says the new one is deployed. */
export type RotationState = 'pending' | 'deleting' | 'deleted' | 'kept';

/** Everything the view shows except the secret. */
export interface SecretViewInit {
  readonly type: 'init';
  readonly apiKey: string;
  readonly displayName?: string | undefined;
  readonly owner: string;
  readonly resource: string;
  /** Length of the secret, to draw the mask. */
  readonly secretLength: number;
  /** The formats that make sense for this key (no client.properties for Cloud API keys). */
  readonly formats: readonly InsertFormat[];
  readonly rotation?: { readonly oldKey: string; readonly state: RotationState } | undefined;
}

/** Host → webview. */
export type ToSecretView =
  | SecretViewInit
  | { readonly type: 'secret'; readonly secret: string }
  /** `stored`: the secret was copied or inserted, so closing the view no longer loses it. */
  | { readonly type: 'status'; readonly message: string; readonly error?: boolean | undefined; readonly stored?: boolean | undefined }
  | { readonly type: 'rotation'; readonly state: RotationState; readonly message: string };

const FromSecretView = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('reveal') }),
  z.object({ type: z.literal('copy'), what: z.enum(['key', 'secret']) }),
  z.object({ type: z.literal('insert'), format: z.enum(INSERT_FORMATS) }),
  z.object({ type: z.literal('rotation'), decision: z.enum(['deleteOld', 'keepBoth']) }),
  z.object({ type: z.literal('close') }),
]);

/** Webview → host. */
export type FromSecretView = z.infer<typeof FromSecretView>;

/** Checks a message from the webview; anything else is ignored by the host. */
export function parseFromSecretView(raw: unknown): FromSecretView | undefined {
  const result = FromSecretView.safeParse(raw);
  return result.success ? result.data : undefined;
}
