// Namespace import on purpose: `import { z }` makes esbuild keep the whole zod namespace object
// (locales, JSON-schema tooling), about 410 KB more than `import * as z` in the minified bundle.
import * as z from 'zod/mini';

/**
 * `ObjectMeta`. The spec marks `self` required, but we never read it, so nothing here is
 * enforced: a server that drops a link must not break the tree.
 */
export const ObjectMeta = z.object({
  self: z.optional(z.nullable(z.string())),
  resource_name: z.optional(z.nullable(z.string())),
  created_at: z.optional(z.nullable(z.string())),
  updated_at: z.optional(z.nullable(z.string())),
  deleted_at: z.optional(z.nullable(z.string())),
});
export type ObjectMeta = z.infer<typeof ObjectMeta>;

/** `ListMeta`; servers send `{}` on the last page, and `next` may be null, absent or relative. */
export const ListMeta = z.object({
  next: z.optional(z.nullable(z.string())),
  total_size: z.optional(z.nullable(z.number())),
});
export type ListMeta = z.infer<typeof ListMeta>;

/** Any `<Kind>List` envelope: only `data` is needed to make progress. */
export function listEnvelope<T extends z.ZodMiniType>(item: T) {
  return z.object({ metadata: z.optional(z.nullable(ListMeta)), data: z.array(item) });
}

/** `GlobalObjectReference` / `EnvScopedObjectReference`: only `id` is used. */
export const ObjectRef = z.object({
  id: z.string(),
  environment: z.optional(z.nullable(z.string())),
  related: z.optional(z.nullable(z.string())),
  resource_name: z.optional(z.nullable(z.string())),
  api_version: z.optional(z.nullable(z.string())),
  kind: z.optional(z.nullable(z.string())),
});
export type ObjectRef = z.infer<typeof ObjectRef>;
