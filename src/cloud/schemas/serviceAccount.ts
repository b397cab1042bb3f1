import * as z from 'zod/mini';
import { listEnvelope, ObjectMeta } from './common';

/** `iam/v2` ServiceAccount: `id` and `display_name` are required. */
export const ServiceAccount = z.object({
  id: z.string(),
  display_name: z.string(),
  description: z.optional(z.nullable(z.string())),
  metadata: z.optional(z.nullable(ObjectMeta)),
});
export type ServiceAccount = z.infer<typeof ServiceAccount>;

/** `ServiceAccountList`. */
export const ServiceAccountList = listEnvelope(ServiceAccount);
export type ServiceAccountList = z.infer<typeof ServiceAccountList>;

/** Body of `POST /iam/v2/service-accounts`. */
export interface ServiceAccountCreate {
  display_name: string;
  description?: string;
}

/** Body of `PATCH /iam/v2/service-accounts/{id}`. */
export interface ServiceAccountUpdate {
  display_name?: string;
  description?: string;
}
