import * as z from 'zod/mini';

/** One entry of the `Failure.errors[]` array; every field is optional in practice. */
export const FailureError = z.object({
  id: z.optional(z.nullable(z.string())),
  status: z.optional(z.nullable(z.union([z.string(), z.number()]))),
  code: z.optional(z.nullable(z.union([z.string(), z.number()]))),
  title: z.optional(z.nullable(z.string())),
  detail: z.optional(z.nullable(z.string())),
  message: z.optional(z.nullable(z.string())),
  source: z.optional(z.nullable(z.object({
    pointer: z.optional(z.nullable(z.string())),
    parameter: z.optional(z.nullable(z.string())),
  }))),
});
export type FailureError = z.infer<typeof FailureError>;

/** The documented error body: `{ errors: [...] }` (`errors` is the only required field). */
export const Failure = z.object({ errors: z.array(FailureError) });
export type Failure = z.infer<typeof Failure>;

/** The newer "should" error format described in prose: `{ error: { code, message }, requestId? }`. */
export const FailureV3 = z.object({
  error: z.object({
    code: z.optional(z.nullable(z.union([z.string(), z.number()]))),
    message: z.optional(z.nullable(z.string())),
    suggestion: z.optional(z.nullable(z.string())),
  }),
  requestId: z.optional(z.nullable(z.string())),
});
export type FailureV3 = z.infer<typeof FailureV3>;

/** The fields we surface from either error shape. */
export interface FailureInfo {
  code?: string;
  title?: string;
  detail?: string;
  pointer?: string;
  parameter?: string;
  requestId?: string;
}

const str = (v: string | number | null | undefined): string | undefined =>
  v === null || v === undefined || v === '' ? undefined : String(v);

/** Extracts the first error from a parsed JSON body, or `undefined` when it is no known error shape. */
export function readFailure(body: unknown): FailureInfo | undefined {
  const classic = Failure.safeParse(body);
  if (classic.success) {
    const first = classic.data.errors[0];
    if (!first) return undefined;
    return {
      code: str(first.code),
      title: str(first.title),
      detail: str(first.detail) ?? str(first.message),
      pointer: str(first.source?.pointer),
      parameter: str(first.source?.parameter),
    };
  }
  const modern = FailureV3.safeParse(body);
  if (modern.success) {
    const e = modern.data.error;
    return { code: str(e.code), detail: str(e.message), requestId: str(modern.data.requestId) };
  }
  return undefined;
}
