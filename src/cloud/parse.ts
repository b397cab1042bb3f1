import * as l10n from '@vscode/l10n';
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
    return valueAt(body, issue.path) === undefined
      ? l10n.t({ message: '{0} is missing', args: [field], comment: ['{0} is a response field path, e.g. data[3].display_name'] })
      : l10n.t({ message: '{0} should be {1}', args: [field, issue.expected], comment: ['{0} is a response field path; {1} is a JSON type such as string or number'] });
  }
  return l10n.t({ message: '{0} is invalid', args: [field], comment: ['{0} is a response field path, e.g. data[3].display_name'] });
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
    summary: l10n.t({ message: 'unexpected response from Confluent Cloud, {0}', args: [what], comment: ['{0} names the field that was wrong, e.g. data[3].display_name is missing'] }),
  });
}
