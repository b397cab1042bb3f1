import * as z from 'zod/mini';
import { listEnvelope, ObjectMeta, ObjectRef } from './common';

/**
 * `iam/v2` ApiKeySpec. The 2023 spec has one nullable `resource` (null for Cloud API keys); the
 * 2022 spec had `resources[]`, which some responses still carry. Both are accepted and
 * normalised to `resource` (the first of `resources`, or null).
 */
const RawApiKeySpec = z.object({
  owner: ObjectRef,
  resource: z.optional(z.nullable(ObjectRef)),
  resources: z.optional(z.nullable(z.array(ObjectRef))),
  display_name: z.optional(z.nullable(z.string())),
  description: z.optional(z.nullable(z.string())),
  /** Only ever present in the 202 response to a create. */
  secret: z.optional(z.nullable(z.string())),
});

export const ApiKeySpec = z.pipe(RawApiKeySpec, z.transform(({ resources, ...spec }) => ({
  ...spec,
  resource: spec.resource !== undefined ? spec.resource : (resources?.[0] ?? null),
})));
export type ApiKeySpec = z.infer<typeof ApiKeySpec>;

/** `iam/v2` ApiKey; the key's `id` is the key string itself. */
export const ApiKey = z.object({
  id: z.string(),
  metadata: z.optional(z.nullable(ObjectMeta)),
  spec: ApiKeySpec,
});
export type ApiKey = z.infer<typeof ApiKey>;

/** `ApiKeyList`. */
export const ApiKeyList = listEnvelope(ApiKey);
export type ApiKeyList = z.infer<typeof ApiKeyList>;

/** A reference in a create body: the owner (user/service account) or resource (cluster, …). */
export interface ApiKeyObjectInput {
  id: string;
  environment?: string;
}

/** Input to `apiKeys.create`; wrapped in `{ spec }` on the wire. */
export interface ApiKeyCreate {
  owner: ApiKeyObjectInput;
  /** Omit or null for a Cloud API key. */
  resource?: ApiKeyObjectInput | null;
  display_name?: string;
  description?: string;
}

/** Input to `apiKeys.update`; only the descriptive fields are mutable. */
export interface ApiKeyUpdate {
  display_name?: string;
  description?: string;
}
