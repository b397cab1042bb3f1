import * as z from 'zod/mini';
import { listEnvelope, ObjectMeta, ObjectRef } from './common';

/** `spec.config`: one of Basic/Standard/Dedicated/Enterprise, told apart by `kind`. */
export const KafkaClusterConfig = z.object({
  kind: z.string(),
  cku: z.optional(z.nullable(z.number())),
  zones: z.optional(z.nullable(z.array(z.string()))),
});
export type KafkaClusterConfig = z.infer<typeof KafkaClusterConfig>;

/** `cmk/v2` ClusterSpec with the fields the list requires (`display_name`, …, `environment`). */
export const KafkaClusterSpec = z.object({
  display_name: z.string(),
  availability: z.string(),
  cloud: z.string(),
  region: z.string(),
  config: z.optional(z.nullable(KafkaClusterConfig)),
  environment: ObjectRef,
  kafka_bootstrap_endpoint: z.optional(z.nullable(z.string())),
  http_endpoint: z.optional(z.nullable(z.string())),
  api_endpoint: z.optional(z.nullable(z.string())),
  network: z.optional(z.nullable(ObjectRef)),
});
export type KafkaClusterSpec = z.infer<typeof KafkaClusterSpec>;

/** `cmk/v2` ClusterStatus: `phase` (PROVISIONING, PROVISIONED, FAILED, …) is required. */
export const KafkaClusterStatus = z.object({
  phase: z.string(),
  cku: z.optional(z.nullable(z.number())),
});
export type KafkaClusterStatus = z.infer<typeof KafkaClusterStatus>;

/** `cmk/v2` Cluster. */
export const KafkaCluster = z.object({
  id: z.string(),
  metadata: z.optional(z.nullable(ObjectMeta)),
  spec: KafkaClusterSpec,
  status: KafkaClusterStatus,
});
export type KafkaCluster = z.infer<typeof KafkaCluster>;

/** `ClusterList`. */
export const KafkaClusterList = listEnvelope(KafkaCluster);
export type KafkaClusterList = z.infer<typeof KafkaClusterList>;
