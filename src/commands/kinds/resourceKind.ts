import type { OrgConnection } from '../../auth/orgConnection';
import type { ResourceNode } from '../../explorer/nodes/explorerNode';
import type { FolderItem } from '../../explorer/nodes/pagedFolderNode';
import type { TreeKind } from '../../explorer/treeKind';
import type { StepResult } from '../../ui/multiStepInput';
import type { ResourceCommandDeps } from '../commandTargets';
import type { DeleteImpact } from '../commandOutcome';
import type { DeleteVerbs } from '../deleteFlow';
import type { FormSpec } from '../forms/formSpec';
import type { PickerContext, PickerPosition } from '../pickers/resourcePickers';

/** What the generic commands call on a kind's API module (`client.serviceAccounts`, …). */
export interface KindApi<T> {
  get(id: string, options?: { signal?: AbortSignal | undefined }): Promise<T>;
  delete?(id: string): Promise<void>;
}

/**
 * Everything one resource kind means to the extension, in one place: its tree side (labels,
 * ID prefix, console link, cascades, Go to ID; {@link TreeKind}), its API, its picker, and its
 * create / edit / delete forms. The generic commands (`kindCommands.ts`) derive the commands
 * from it; a new kind is one of these plus its schema and API module.
 */
export interface ResourceKindDescriptor<T extends FolderItem, C extends object = object, E extends object = object, R = T> {
  /** `serviceAccount`, `invitation`, …; equal to `tree.kind` for kinds shown in the tree. */
  readonly id: string;
  /**
   * Singular English noun, "service account": the key the shared flows look roles and fields up
   * by (`errorMessages.ts`, `requiredRoles.ts`) and the word of log lines. Never translated:
   * `resourceWords.ts` says how it reads inside a sentence.
   */
  readonly noun: string;
  /** Title case, translated: "Service Account". */
  readonly title: string;
  /** Progress title while one item is read by its ID: "Loading service account sa-1…". */
  readonly loading: (id: string) => string;
  /** Where the kind appears in the explorer; absent for kinds the tree does not show (invitations). */
  readonly tree?: TreeKind<T> | undefined;
  /** The node class of the kind, to recognise a command invoked on a tree row. */
  readonly node?: (abstract new (...args: never[]) => ResourceNode<T>) | undefined;
  readonly api: (connection: OrgConnection) => KindApi<T>;
  /** A paged QuickPick of the kind; also what forms use as a picker field. */
  readonly pick?: ((ctx: PickerContext, at: PickerPosition, placeholder?: string) => Promise<StepResult<T>>) | undefined;
  /** What the user types to confirm a delete, and names the item in messages. */
  readonly nameOf: (item: T) => string;
  readonly create?: CreateRules<C, R> | undefined;
  readonly edit?: EditRules<T, E> | undefined;
  readonly remove?: DeleteRules<T> | undefined;
}

/** Where a command runs: the organization and what the composition root passed in. */
export interface KindContext {
  readonly deps: ResourceCommandDeps;
  readonly connection: OrgConnection;
}

/** Create: the form, the request, the lookup after an uncertain failure, and what the user hears. */
export interface CreateRules<C extends object, R> {
  readonly command: string;
  /** "create", or "invite" for users; an English key like `noun`, never translated. */
  readonly verb: string;
  /** English noun key when it differs from the kind's (an invitation is about a "user"). */
  readonly noun?: string | undefined;
  readonly organizationPrompt: string;
  /** Step title, e.g. "Create Service Account in Acme". */
  readonly title: (connection: OrgConnection) => string;
  readonly form: FormSpec<C>;
  /** Builds the form for one run instead of `form`, for pickers that need the organization. */
  readonly formFor?: ((ctx: KindContext) => FormSpec<C>) | undefined;
  /**
   * Answers fixed by what the command was invoked on (a tree node, a reference): never asked.
   * Runs before the form, for automation too.
   */
  readonly preset?: ((ctx: KindContext, arg: unknown) => Promise<Partial<C>>) | undefined;
  readonly nameOf: (answers: Partial<C>) => string | undefined;
  readonly submit: (connection: OrgConnection, answers: Partial<C>) => Promise<R>;
  readonly lookup?: ((connection: OrgConnection, answers: Partial<C>, signal: AbortSignal | undefined) => Promise<R | undefined>) | undefined;
  /** Updates the tree and tells the user; `recovered` when the lookup found it after an error. */
  readonly succeeded: (ctx: KindContext, created: R, recovered: boolean) => void;
}

/** Edit (or rename): the fields, their current values, and the request. */
export interface EditRules<T, E extends object> {
  readonly command: string;
  /** "edit" or "rename"; an English key, never translated. */
  readonly verb: string;
  readonly organizationPrompt: string;
  /** Step title, e.g. "Edit Service Account". */
  readonly title: string;
  /** Placeholder of the item picker from the palette. */
  readonly pickPlaceholder?: string | undefined;
  /** Every field is optional: left out by automation, it keeps its current value. */
  readonly form: FormSpec<E>;
  readonly current: (item: T) => Partial<E>;
  readonly submit: (connection: OrgConnection, item: T, answers: Partial<E>) => Promise<T>;
  /** Names the item in failure messages (defaults to the kind's `nameOf`). */
  readonly nameOf?: ((item: T) => string) | undefined;
  /** Status bar text after saving. */
  readonly saved: (item: T) => string;
}

/** Delete: how it is confirmed and what the preview shows. */
export interface DeleteRules<T> {
  readonly command: string;
  readonly organizationPrompt: string;
  /** Title of the item picker when the command runs from the palette: "Delete Service Account". */
  readonly pickTitle: string;
  readonly pickPlaceholder?: string | undefined;
  /** 'name': impact, then type the name. 'modal': one "Delete" button. */
  readonly confirmBy: 'name' | 'modal';
  /** Words for a delete that is not called one: `['Revoke', 'Revoking', 'Revoked']`. */
  readonly verbs?: DeleteVerbs | undefined;
  readonly preview?: ((ctx: KindContext, item: T, signal: AbortSignal | undefined) => Promise<{ lines: readonly string[]; impact: DeleteImpact }>) | undefined;
  readonly consequence?: ((item: T) => string | undefined) | undefined;
  /** Added to a 409: what blocks the delete. */
  readonly explainConflict?: string | undefined;
}
