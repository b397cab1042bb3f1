import * as z from 'zod/mini';
import { listEnvelope, ObjectMeta } from './common';

/**
 * `iam/v2` RoleBinding. `role_name` is any string: a role this version does not know is still a binding
 * to show. `metadata` may be missing or empty; unknown fields (drift) are dropped.
 */
export const RoleBinding = z.object({
  id: z.string(),
  principal: z.string(),
  role_name: z.string(),
  crn_pattern: z.string(),
  metadata: z.optional(z.nullable(ObjectMeta)),
});
export type RoleBinding = z.infer<typeof RoleBinding>;

/** `RoleBindingList`. */
export const RoleBindingList = listEnvelope(RoleBinding);
export type RoleBindingList = z.infer<typeof RoleBindingList>;

/** Body of `POST /iam/v2/role-bindings`. */
export interface RoleBindingCreate {
  /** `User:sa-…`, `User:u-…`, `User:pool-…` or `Group:group-…`. */
  principal: string;
  role_name: string;
  /** One scope, without a trailing `/*`. */
  crn_pattern: string;
}
