import * as z from 'zod/mini';
import { listEnvelope, ObjectMeta } from './common';

/** `iam/v2` User: `id` and `email` are required; `auth_type` is an extensible enum. */
export const User = z.object({
  id: z.string(),
  email: z.string(),
  full_name: z.optional(z.nullable(z.string())),
  auth_type: z.optional(z.nullable(z.string())),
  metadata: z.optional(z.nullable(ObjectMeta)),
});
export type User = z.infer<typeof User>;

/** `UserList`. */
export const UserList = listEnvelope(User);
export type UserList = z.infer<typeof UserList>;

/** Body of `PATCH /iam/v2/users/{id}`: only `full_name` is writable. */
export interface UserUpdate {
  full_name: string;
}
