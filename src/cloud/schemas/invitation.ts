import * as z from 'zod/mini';
import { listEnvelope, ObjectMeta, ObjectRef } from './common';

/** `iam/v2` Invitation: `id` and `email` are required. */
export const Invitation = z.object({
  id: z.string(),
  email: z.string(),
  auth_type: z.optional(z.nullable(z.string())),
  status: z.optional(z.nullable(z.string())),
  accepted_at: z.optional(z.nullable(z.string())),
  expires_at: z.optional(z.nullable(z.string())),
  user: z.optional(z.nullable(ObjectRef)),
  creator: z.optional(z.nullable(ObjectRef)),
  metadata: z.optional(z.nullable(ObjectMeta)),
});
export type Invitation = z.infer<typeof Invitation>;

/** `InvitationList`. */
export const InvitationList = listEnvelope(Invitation);
export type InvitationList = z.infer<typeof InvitationList>;

/** Body of `POST /iam/v2/invitations`. */
export interface InvitationCreate {
  email: string;
}
