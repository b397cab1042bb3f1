import type * as z from 'zod/mini';
import { CloudApiError } from './errors';

/** ["data", 3, "display_name"] → "data[3].display_name". */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(body)';
}

/** The value at `path` inside `body`, or undefined when any step is absent. */
function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let cur = body;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

function describeIssue(issue: z.core.$ZodIssue, body: unknown): string {
  const field = formatPath(issue.path);
  if (issue.code === 'invalid_type') {
    // zod/mini ships no English messages, so look at the input: absent keys are the common drift case.
    return valueAt(body, issue.path) === undefined ? `${field} is missing` : `${field} should be ${issue.expected}`;
  }
  return `${field} is invalid`;
}

/**
 * Validates a response body. Unknown fields are dropped silently (must-ignore); a missing or
 * mistyped field we rely on becomes a `schema` error naming the field path.
 */
export function parseResponse<S extends z.ZodMiniType>(
  schema: S, body: unknown, ctx: { action: string; requestId?: string; status?: number },
): z.infer<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  return failSchema(ctx, describeIssue(issue, body), formatPath(issue.path));
}

function failSchema(ctx: { action: string; requestId?: string }, what: string, field: string): never {
  throw new CloudApiError({
    reason: 'schema', action: ctx.action, requestId: ctx.requestId, field, detail: what,
    summary: `unexpected response from Confluent Cloud, ${what}`,
  });
}
