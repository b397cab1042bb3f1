import * as z from 'zod/mini';
import { listEnvelope, ObjectMeta } from './common';

/** `org/v2` Organization. The spec requires only `id` and `metadata` on list items. */
export const Organization = z.object({
  id: z.string(),
  metadata: z.optional(z.nullable(ObjectMeta)),
  display_name: z.optional(z.nullable(z.string())),
  jit_enabled: z.optional(z.nullable(z.boolean())),
});
export type Organization = z.infer<typeof Organization>;

/** `OrganizationList`. */
export const OrganizationList = listEnvelope(Organization);
export type OrganizationList = z.infer<typeof OrganizationList>;
