import * as z from 'zod/mini';
import { listEnvelope, ObjectMeta } from './common';

/** `stream_governance_config`; `package` is an extensible enum (ESSENTIALS, ADVANCED, …). */
export const StreamGovernanceConfig = z.object({ package: z.string() });
export type StreamGovernanceConfig = z.infer<typeof StreamGovernanceConfig>;

/** `org/v2` Environment: `id` and `display_name` are required. */
export const Environment = z.object({
  id: z.string(),
  display_name: z.string(),
  metadata: z.optional(z.nullable(ObjectMeta)),
  stream_governance_config: z.optional(z.nullable(StreamGovernanceConfig)),
});
export type Environment = z.infer<typeof Environment>;

/** `EnvironmentList`. */
export const EnvironmentList = listEnvelope(Environment);
export type EnvironmentList = z.infer<typeof EnvironmentList>;

/** Body of `POST /org/v2/environments`. */
export interface EnvironmentCreate {
  display_name: string;
  stream_governance_config?: StreamGovernanceConfig;
}

/** Body of `PATCH /org/v2/environments/{id}`. */
export interface EnvironmentUpdate {
  display_name?: string;
  stream_governance_config?: StreamGovernanceConfig;
}
