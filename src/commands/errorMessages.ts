/**
 * One place that turns a failed create/update/delete into plain words. Builds on CloudApiError's
 * fields (status, code, pointer, permission, request ID) and adds what the user can do about it.
 * Pure (no vscode) so every mapping is unit tested.
 */
import { CloudApiError, permissionFrom, shortRequestId, tidySentence } from '../cloud/errors';
import { networkCause } from '../auth/networkWording';
import { roleHint, type RoleAction } from '../explorer/requiredRoles';
import { inertMessage } from '../ui/inertText';

/** Longest piece of server wording (a 422's detail, a 5xx's title) inside a message. */
const SERVER_TEXT_MAX = 200;

/** What was being done, for the sentence "Couldn't create service account 'payments': …". */
export interface FailureContext {
  /** Verb phrase, e.g. "create", "rename", "delete". */
  readonly verb: string;
  /** Resource noun, e.g. "service account", "API key". */
  readonly noun: string;
  /** The name the user typed or the item's display name (omitted for unnamed keys). */
  readonly name?: string | undefined;
}

/** How a failure is presented. */
export interface FailureDescription {
  /** One line: what failed, why, and the status/code/request ID to quote to support. */
  readonly message: string;
  /** The form field the server blamed (`display_name`, `email`, …), when it said so. */
  readonly field?: string | undefined;
  /** The message to show on that field (shorter: the field already gives the context). */
  readonly fieldMessage?: string | undefined;
  /**
   * True when the request may have been carried out (5xx, timeout, dropped connection): a create
   * must then be looked up, never re-sent automatically.
   */
  readonly uncertain: boolean;
  /** True when the item is gone (404): the tree should drop it. */
  readonly notFound: boolean;
  /** True when the user cancelled; say nothing. */
  readonly cancelled: boolean;
}

/**
 * Maps a JSON Pointer from a 422 to the form field it concerns: `/spec/display_name` →
 * `display_name`, `/spec/resource/id` → `resource`, `/stream_governance_config/package` →
 * `stream_governance_config`.
 */
export function fieldFromPointer(pointer: string | undefined): string | undefined {
  if (!pointer) return undefined;
  const parts = pointer.split('/').filter((p) => p !== '').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const [first, second] = parts[0] === 'spec' ? parts.slice(1) : parts;
  if (first === 'owner' || first === 'resource' || first === 'stream_governance_config') return first;
  return second !== undefined && first !== undefined && /^\d+$/.test(second) ? first : (first ?? undefined);
}

/** Human name of a field, for "The server rejected the display name: …". */
export function fieldLabel(field: string): string {
  switch (field) {
    case 'display_name': return 'name';
    case 'full_name': return 'full name';
    case 'email': return 'email address';
    case 'stream_governance_config': return 'Stream Governance package';
    case 'owner': return 'owner';
    case 'resource': return 'resource';
    default: return field.replace(/_/g, ' ');
  }
}

function subject(ctx: FailureContext): string {
  return ctx.name ? `${ctx.noun} '${oneLine(ctx.name)}'` : ctx.noun;
}

function oneLine(text: string, max = 80): string {
  return inertMessage(text, max);
}

function tags(error: CloudApiError): string {
  const parts: string[] = [];
  const code = error.code ?? error.networkCode;
  const status = [error.status, code === undefined ? undefined : inertMessage(code, 40)].filter((x) => x !== undefined).join(' ');
  if (status) parts.push(status);
  if (error.requestId) parts.push(`request ${shortRequestId(error.requestId)}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

function serverSentence(error: CloudApiError): string | undefined {
  // Server text reaches notifications and dialogs: inert (no live links or icons) and short.
  const text = error.detail || error.title;
  return text ? tidySentence(inertMessage(text, SERVER_TEXT_MAX)) : undefined;
}

/**
 * Describes a failure of `ctx.verb` on `ctx.noun`. Unknown (non-cloud) errors keep their own
 * message; they are bugs, not API answers.
 */
export function describeFailure(error: unknown, ctx: FailureContext): FailureDescription {
  const base = { uncertain: false, notFound: false, cancelled: false };
  const lead = `Couldn't ${ctx.verb} ${subject(ctx)}`;
  if (!(error instanceof CloudApiError)) {
    const text = error instanceof Error ? error.message : String(error);
    return { ...base, message: `${lead}: ${inertMessage(text, SERVER_TEXT_MAX)}` };
  }
  const suffix = tags(error);
  const server = serverSentence(error);
  if (error.reason === 'cancelled') return { ...base, cancelled: true, message: `${lead}: cancelled.` };
  if (error.reason === 'timeout' || error.reason === 'network') {
    const why = error.reason === 'timeout' ? 'the request timed out' : networkCause(error.networkCode);
    return { ...base, uncertain: true, message: `${lead}: ${why}${suffix}.` };
  }
  if (error.reason === 'malformed' || error.reason === 'schema') {
    // The server answered, but not in a form we understand: a write may well have happened.
    return { ...base, uncertain: true, message: `${lead}: the response could not be read${suffix}.` };
  }
  switch (error.status) {
    case 400:
    case 422:
      return withField(error, lead, suffix, server);
    case 401:
      return { ...base, message: `${lead}: the organization's API key was rejected; update it with "Update API Key…"${suffix}.` };
    case 402:
      return {
        ...base,
        message: `${lead}: the organization has reached its quota for ${plural(ctx.noun)}${server ? ` (${server})` : ''}. Delete unused ones or ask Confluent to raise the limit${suffix}.`,
      };
    case 403: {
      const permission = error.permission ?? permissionFrom(error.detail);
      const role = roleHint(ctx.noun, roleAction(ctx.verb));
      const needs = [permission ? `; it needs the ${permission} permission` : '', role ? `${permission ? ', granted by' : '; it needs'} ${role}` : ''].join('');
      return { ...base, message: `${lead}: the organization's API key is not allowed to do this${needs}${suffix}.` };
    }
    case 404:
      return { ...base, notFound: true, message: `${lead}: it no longer exists${suffix}.` };
    case 409: {
      const why = server ?? `a ${ctx.noun} with that name already exists`;
      const conflict = /already|exist/i.test(why) ? why : `${why} (it conflicts with an existing ${ctx.noun} or its current state)`;
      const field = ctx.verb === 'delete' ? undefined : nameField(ctx.noun);
      return {
        ...base, field, fieldMessage: field ? `${capitalise(conflict)}. Choose another.` : undefined,
        message: `${lead}: ${conflict}${suffix}.`,
      };
    }
    case 429: {
      const wait = error.retryAfterSeconds !== undefined ? ` in ${Math.max(1, Math.ceil(error.retryAfterSeconds))} s` : ' in a moment';
      return { ...base, message: `${lead}: Confluent Cloud is limiting the request rate; try again${wait}${suffix}.` };
    }
    default:
      if (error.status !== undefined && error.status >= 500) {
        return { ...base, uncertain: true, message: `${lead}: Confluent Cloud had an internal error${server ? ` (${server})` : ''}${suffix}.` };
      }
      return { ...base, message: inertMessage(error.message) };
  }
}

function withField(error: CloudApiError, lead: string, suffix: string, server: string | undefined): FailureDescription {
  const field = fieldFromPointer(error.pointer);
  const why = server ?? 'the value is not valid';
  if (!field) return { uncertain: false, notFound: false, cancelled: false, message: `${lead}: ${why}${suffix}.` };
  return {
    uncertain: false, notFound: false, cancelled: false, field,
    fieldMessage: `${capitalise(why)}.`,
    message: `${lead}: the ${fieldLabel(field)} was rejected: ${why}${suffix}.`,
  };
}

// The field a name conflict is about, per resource.
function nameField(noun: string): string | undefined {
  if (noun === 'user') return 'email';
  if (noun === 'invitation') return 'email';
  return 'display_name';
}

// The command verbs ("create", "invite", "rename", "revoke", …) as the role table's actions.
function roleAction(verb: string): RoleAction {
  if (verb === 'create' || verb === 'invite' || verb === 'grant') return 'create';
  if (verb === 'delete' || verb === 'revoke') return 'delete';
  if (verb.startsWith('list') || verb.startsWith('check')) return 'list';
  return 'edit';
}

function plural(noun: string): string {
  return noun.endsWith('s') ? noun : `${noun}s`;
}

function capitalise(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}
