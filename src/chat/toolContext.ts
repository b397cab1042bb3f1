/**
 * What every chat tool runs with, and the organization lookup they share. Pure apart from the
 * injected functions (no vscode import), so the tools run in plain Node tests too.
 */
import type { CloudApi } from '../cloud/lazyCloudClient';
import type { RateQueue } from '../metrics/rateQueue';
import { inert, organizationLine } from './chatText';
import { ToolInputError } from './toolErrors';

/** The slice of an OrgConnection the tools read. */
export interface ToolConnection {
  readonly id: string;
  readonly label: string;
  readonly orgId?: string | undefined;
  readonly client: CloudApi;
}

export interface ToolContext {
  /** The connected organizations, in explorer order. */
  readonly connections: () => readonly ToolConnection[];
  /** The Metrics API budget shared with the metrics panel and the activity badges. */
  readonly metricsQueue: Pick<RateQueue, 'acquire'>;
  /** Runs a command of this extension (the act tools reuse the commands' code path). */
  readonly executeCommand: (id: string, ...args: unknown[]) => Thenable<unknown>;
  /** Continuation handles handed to the model instead of raw server page tokens. */
  readonly cursors: CursorStore;
  readonly now: () => number;
}

/** Every tool's input may name the organization. */
export interface OrganizationInput {
  /** Label, Confluent organization ID or the explorer's connection ID; optional when only one is connected. */
  readonly organization?: string | undefined;
}

/** The organization a call is about, or a ToolInputError that lists the choices. */
export function resolveConnection(ctx: ToolContext, input: OrganizationInput): ToolConnection {
  const all = ctx.connections();
  if (all.length === 0) throw new ToolInputError('no Confluent Cloud organization is connected. The user must run "Confluent Cloud: Add Organization…" first.');
  const wanted = input.organization?.trim();
  if (wanted) {
    const lower = wanted.toLowerCase();
    const match = all.find((c) => c.id === wanted || c.orgId === wanted)
      ?? all.find((c) => c.label.toLowerCase() === lower);
    if (match) return match;
    throw new ToolInputError(`no connected organization matches ${inert(wanted)}. Connected: ${choices(all)}.`);
  }
  if (all.length === 1) return all[0]!;
  throw new ToolInputError(`several organizations are connected; pass "organization" with one of: ${choices(all)}.`);
}

function choices(all: readonly ToolConnection[]): string {
  return all.map((c) => `${inert(c.label)}${c.orgId ? ` (${inert(c.orgId)})` : ''}`).join(', ');
}

const orgIds = new WeakMap<ToolConnection, Promise<string>>();

/**
 * The Confluent organization ID (needed to build CRNs): the profile's, or the first one the key
 * can see, asked once per connection.
 */
export function organizationId(connection: ToolConnection, signal?: AbortSignal): Promise<string> {
  if (connection.orgId) return Promise.resolve(connection.orgId);
  let id = orgIds.get(connection);
  if (!id) {
    id = connection.client.organizations.listPage({ pageSize: 1, signal }).then((page) => {
      const first = page.items[0]?.id;
      if (!first) throw new Error('The Cloud API key sees no organization.');
      return first;
    });
    orgIds.set(connection, id);
    id.catch(() => orgIds.delete(connection));
  }
  return id;
}

/** "Organization: `Acme` (`9bb4…`)" with the ID looked up when the profile lacks it. */
export async function organizationHeader(connection: ToolConnection, signal?: AbortSignal): Promise<string> {
  const id = await organizationId(connection, signal).catch(() => undefined);
  return organizationLine(connection.label, id);
}

/**
 * Short handles for "the next page". Server page tokens are opaque server text of up to 255
 * characters; the model gets `p3` instead, which is compact and cannot carry markup. The oldest
 * handles are forgotten first.
 */
export class CursorStore {
  private readonly entries = new Map<string, unknown>();
  private next = 1;

  constructor(private readonly capacity = 500) {}

  put(value: unknown): string {
    const handle = `p${this.next++}`;
    this.entries.set(handle, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return handle;
  }

  /** The value behind a handle, or a ToolInputError when it is unknown or of another kind. */
  get<T>(handle: string, guard: (value: unknown) => value is T): T {
    const value = this.entries.get(handle);
    if (value === undefined || !guard(value)) {
      throw new ToolInputError(`pageToken ${inert(handle)} is unknown or belongs to another query; call the tool again without pageToken.`);
    }
    return value;
  }
}
