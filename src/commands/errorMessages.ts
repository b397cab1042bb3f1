/**
 * One place that turns a failed create/update/delete into plain words. Builds on CloudApiError's
 * fields (status, code, pointer, permission, request ID) and adds what the user can do about it.
 * Pure (no vscode) so every mapping is unit tested; its wording goes through `@vscode/l10n`.
 */
import { CloudApiError, permissionFrom, shortRequestId, tidySentence } from '../cloud/errors';
import { networkCause } from '../auth/networkWording';
import { roleHint, type RoleAction } from '../explorer/requiredRoles';
import { inertMessage } from '../ui/inertText';
import * as l10n from '@vscode/l10n';
import { nounText, pluralNounText, verbText } from './resourceWords';

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
    case 'display_name': return l10n.t({ message: 'name', comment: ['the field a server rejected, as in "the name was rejected"'] });
    case 'full_name': return l10n.t('full name');
    case 'email': return l10n.t('email address');
    case 'stream_governance_config': return l10n.t('Stream Governance package');
    case 'owner': return l10n.t({ message: 'owner', comment: ['the owner of an API key, as in "the owner was rejected"'] });
    case 'resource': return l10n.t({ message: 'resource', comment: ['what an API key is for, as in "the resource was rejected"'] });
    default: return field.replace(/_/g, ' ');
  }
}

function subject(ctx: FailureContext): string {
  const noun = nounText(ctx.noun);
  return ctx.name ? l10n.t({ message: "{0} '{1}'", args: [noun, oneLine(ctx.name)], comment: ['{0} is a resource kind ("service account"), {1} its name'] }) : noun;
}

function oneLine(text: string, max = 80): string {
  return inertMessage(text, max);
}

function tags(error: CloudApiError): string {
  const parts: string[] = [];
  const code = error.code ?? error.networkCode;
  const status = [error.status, code === undefined ? undefined : inertMessage(code, 40)].filter((x) => x !== undefined).join(' ');
  if (status) parts.push(status);
  if (error.requestId) parts.push(l10n.t({ message: 'request {0}', args: [shortRequestId(error.requestId)], comment: ['{0} is a shortened request ID, quoted to support'] }));
  return parts.length ? ` (${parts.join(', ')})` : '';
}

function serverSentence(error: CloudApiError): string | undefined {
  // Server text reaches notifications and dialogs: inert (no live links or icons) and short.
  const text = error.detail || error.title;
  return text ? tidySentence(inertMessage(text, SERVER_TEXT_MAX)) : undefined;
}

/**
 * Describes a failure of `ctx.verb` on `ctx.noun`. Unknown (non-cloud) errors keep their own
 * message; they are bugs, not API answers. Each sentence is one message: `{0}` is the verb
 * ("create"), `{1}` the resource ("service account 'payments'"), and a trailing placeholder the
 * status, code and request ID in parentheses (or nothing).
 */
export function describeFailure(error: unknown, ctx: FailureContext): FailureDescription {
  const base = { uncertain: false, notFound: false, cancelled: false };
  const verb = verbText(ctx.verb);
  const what = subject(ctx);
  if (!(error instanceof CloudApiError)) {
    const text = error instanceof Error ? error.message : String(error);
    return { ...base, message: l10n.t({ message: "Couldn't {0} {1}: {2}", args: [verb, what, inertMessage(text, SERVER_TEXT_MAX)], comment: ['{0} is a verb ("create"), {1} the resource, {2} the error text'] }) };
  }
  const suffix = tags(error);
  const server = serverSentence(error);
  if (error.reason === 'cancelled') return { ...base, cancelled: true, message: l10n.t("Couldn't {0} {1}: cancelled.", verb, what) };
  if (error.reason === 'timeout') return { ...base, uncertain: true, message: l10n.t("Couldn't {0} {1}: the request timed out{2}.", verb, what, suffix) };
  if (error.reason === 'network') {
    return { ...base, uncertain: true, message: l10n.t({ message: "Couldn't {0} {1}: {2}{3}.", args: [verb, what, networkCause(error.networkCode), suffix], comment: ['{2} says why the connection failed'] }) };
  }
  if (error.reason === 'malformed' || error.reason === 'schema') {
    // The server answered, but not in a form we understand: a write may well have happened.
    return { ...base, uncertain: true, message: l10n.t("Couldn't {0} {1}: the response could not be read{2}.", verb, what, suffix) };
  }
  switch (error.status) {
    case 400:
    case 422:
      return withField(error, ctx, suffix, server);
    case 401:
      return { ...base, message: l10n.t("Couldn't {0} {1}: the organization's API key was rejected; update it with \"Update API Key…\"{2}.", verb, what, suffix) };
    case 402: {
      const kinds = pluralNounText(ctx.noun);
      return {
        ...base,
        message: server
          ? l10n.t("Couldn't {0} {1}: the organization has reached its quota for {2} ({3}). Delete unused ones or ask Confluent to raise the limit{4}.", verb, what, kinds, server, suffix)
          : l10n.t("Couldn't {0} {1}: the organization has reached its quota for {2}. Delete unused ones or ask Confluent to raise the limit{3}.", verb, what, kinds, suffix),
      };
    }
    case 403:
      return { ...base, message: forbidden(error, ctx, what, suffix) };
    case 404:
      return { ...base, notFound: true, message: l10n.t("Couldn't {0} {1}: it no longer exists{2}.", verb, what, suffix) };
    case 409: {
      const conflict = server === undefined
        ? l10n.t({ message: 'a {0} with that name already exists', args: [nounText(ctx.noun)], comment: ['{0} is a resource kind ("service account")'] })
        : /already|exist/i.test(server) ? server : l10n.t('{0} (it conflicts with an existing {1} or its current state)', server, nounText(ctx.noun));
      const field = ctx.verb === 'delete' ? undefined : nameField(ctx.noun);
      return {
        ...base, field, fieldMessage: field ? l10n.t({ message: '{0}. Choose another.', args: [capitalise(conflict)], comment: ['{0} says what conflicts, e.g. that the name is taken'] }) : undefined,
        message: l10n.t({ message: "Couldn't {0} {1}: {2}{3}.", args: [verb, what, conflict, suffix], comment: ['{2} says what conflicts'] }),
      };
    }
    case 429:
      return {
        ...base,
        message: error.retryAfterSeconds !== undefined
          ? l10n.t("Couldn't {0} {1}: Confluent Cloud is limiting the request rate; try again in {2} s{3}.", verb, what, Math.max(1, Math.ceil(error.retryAfterSeconds)), suffix)
          : l10n.t("Couldn't {0} {1}: Confluent Cloud is limiting the request rate; try again in a moment{2}.", verb, what, suffix),
      };
    default:
      if (error.status !== undefined && error.status >= 500) {
        return {
          ...base, uncertain: true,
          message: server
            ? l10n.t("Couldn't {0} {1}: Confluent Cloud had an internal error ({2}){3}.", verb, what, server, suffix)
            : l10n.t("Couldn't {0} {1}: Confluent Cloud had an internal error{2}.", verb, what, suffix),
        };
      }
      return { ...base, message: inertMessage(error.message) };
  }
}

// 403: what the key lacks, as far as the answer and the role table tell.
function forbidden(error: CloudApiError, ctx: FailureContext, what: string, suffix: string): string {
  const permission = error.permission ?? permissionFrom(error.detail);
  const role = roleHint(ctx.noun, roleAction(ctx.verb));
  const verb = verbText(ctx.verb);
  if (permission && role) {
    return l10n.t({
      message: "Couldn't {0} {1}: the organization's API key is not allowed to do this; it needs the {2} permission, granted by {3}{4}.",
      args: [verb, what, permission, role, suffix], comment: ['{2} is a permission name, {3} names roles ("the OrganizationAdmin role")'],
    });
  }
  if (permission) return l10n.t("Couldn't {0} {1}: the organization's API key is not allowed to do this; it needs the {2} permission{3}.", verb, what, permission, suffix);
  if (role) {
    return l10n.t({
      message: "Couldn't {0} {1}: the organization's API key is not allowed to do this; it needs {2}{3}.",
      args: [verb, what, role, suffix], comment: ['{2} names roles ("the OrganizationAdmin role")'],
    });
  }
  return l10n.t("Couldn't {0} {1}: the organization's API key is not allowed to do this{2}.", verb, what, suffix);
}

function withField(error: CloudApiError, ctx: FailureContext, suffix: string, server: string | undefined): FailureDescription {
  const field = fieldFromPointer(error.pointer);
  const why = server ?? l10n.t('the value is not valid');
  const verb = verbText(ctx.verb);
  const what = subject(ctx);
  if (!field) {
    return { uncertain: false, notFound: false, cancelled: false, message: l10n.t({ message: "Couldn't {0} {1}: {2}{3}.", args: [verb, what, why, suffix], comment: ['{2} says what is wrong with the input'] }) };
  }
  return {
    uncertain: false, notFound: false, cancelled: false, field,
    fieldMessage: `${capitalise(why)}.`,
    message: l10n.t({ message: "Couldn't {0} {1}: the {2} was rejected: {3}{4}.", args: [verb, what, fieldLabel(field), why, suffix], comment: ['{2} is the field ("name"), {3} why'] }),
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

function capitalise(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}
