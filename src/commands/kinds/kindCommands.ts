import * as vscode from 'vscode';
import type { OrgConnection } from '../../auth/orgConnection';
import type { FolderItem } from '../../explorer/nodes/pagedFolderNode';
import { CANCELLED, type Outcome } from '../commandOutcome';
import { connectionFor, isResourceRef, pickerContext, registerResourceAction, type ResourceCommandDeps, withRequestProgress } from '../commandTargets';
import { type DeleteInputs, existsById, runDelete } from '../deleteFlow';
import { formState } from '../forms/formRules';
import type { FormField, FormSpec, PickerField } from '../forms/formSpec';
import { nounText, pluralNounText } from '../resourceWords';
import { runSubmit } from '../submitFlow';
import type { CreateRules, DeleteRules, EditRules, KindContext, ResourceKindDescriptor } from './resourceKind';

/** An edit form's answers plus the item being edited (picked from the palette when not given). */
type WithTarget<T, E> = E & { target: T };

/**
 * The create, edit and delete commands of a kind, derived from its descriptor. Called as
 * `(target?, inputs?)`: the tree node or `{ id, organization? }`, and automation answers that are
 * then not asked (see docs/ARCHITECTURE.md).
 */
export function registerKindCommands<T extends FolderItem, C extends object, E extends object, R>(
  deps: ResourceCommandDeps,
  kind: ResourceKindDescriptor<T, C, E, R>,
): vscode.Disposable[] {
  const out: vscode.Disposable[] = [];
  const { create, edit, remove } = kind;
  if (create) out.push(registerResourceAction<Partial<C>>(deps, create.command, (arg, inputs) => createItem(deps, kind, create, arg, inputs)));
  if (edit) out.push(registerResourceAction<Partial<E>>(deps, edit.command, (arg, inputs) => editItem(deps, kind, edit, arg, inputs)));
  if (remove) out.push(registerResourceAction<DeleteInputs>(deps, remove.command, (arg, inputs) => deleteItem(deps, kind, remove, arg, inputs)));
  return out;
}

/** The item a command was invoked on (tree node or `{ id }`), or undefined from the palette. */
export async function targetItem<T extends FolderItem>(
  kind: Pick<ResourceKindDescriptor<T>, 'node' | 'api' | 'loading'>, connection: OrgConnection, arg: unknown,
): Promise<T | undefined> {
  if (kind.node && arg instanceof kind.node) return arg.resource;
  if (isResourceRef(arg)) {
    return withRequestProgress(kind.loading(arg.id), (signal) => kind.api(connection).get(arg.id, { signal }), true);
  }
  return undefined;
}

async function createItem<T extends FolderItem, C extends object, E extends object, R>(
  deps: ResourceCommandDeps, kind: ResourceKindDescriptor<T, C, E, R>, rules: CreateRules<C, R>, arg: unknown, inputs: Partial<C> | undefined,
): Promise<Outcome<R>> {
  const connection = await connectionFor(deps.registry, arg, rules.organizationPrompt);
  if (!connection) return CANCELLED;
  const ctx: KindContext = { deps, connection };
  // A form whose pickers need the organization, and answers the invoking node fixes (not asked).
  const form = rules.formFor?.(ctx) ?? rules.form;
  const preset = rules.preset ? await rules.preset(ctx, arg) : {};
  return runSubmit<C, R>(deps, {
    verb: rules.verb, noun: rules.noun ?? kind.noun, nameOf: rules.nameOf,
    title: rules.title(connection), form, state: formState(form, preset, inputs, Object.keys(preset)),
    factory: deps.quickInputs,
    submit: (answers) => rules.submit(connection, answers),
    lookup: lookupIn(connection, rules.lookup),
    succeeded: (created, recovered) => rules.succeeded(ctx, created, recovered),
  });
}

async function editItem<T extends FolderItem, C extends object, E extends object, R>(
  deps: ResourceCommandDeps, kind: ResourceKindDescriptor<T, C, E, R>, rules: EditRules<T, E>, arg: unknown, inputs: Partial<E> | undefined,
): Promise<Outcome<T>> {
  const connection = await connectionFor(deps.registry, arg, rules.organizationPrompt);
  if (!connection) return CANCELLED;
  const item = await targetItem<T>(kind, connection, arg);
  const form = withTargetField(kind, rules, connection, deps);
  const initial = (item ? { ...rules.current(item), target: item } : {}) as Partial<WithTarget<T, E>>;
  const state = formState(form, initial, inputs as Partial<WithTarget<T, E>> | undefined, item ? ['target'] : []);
  return runSubmit<WithTarget<T, E>, T>(deps, {
    verb: rules.verb, noun: kind.noun, nameOf: (answers) => (answers.target ? (rules.nameOf ?? kind.nameOf)(answers.target) : undefined),
    title: rules.title, form, state, factory: deps.quickInputs,
    submit: (answers) => rules.submit(connection, required(answers.target, kind.noun), answers),
    succeeded: (updated) => {
      if (kind.tree) deps.updates.itemUpdated(connection, kind.tree.kind, updated as never);
      vscode.window.setStatusBarMessage(`$(check) ${rules.saved(updated)}`, 5000);
    },
  });
}

/**
 * The edit form with the item picker in front (asked only from the palette). Picking another
 * item refills the fields nobody supplied with that item's values.
 */
function withTargetField<T extends FolderItem, C extends object, E extends object, R>(
  kind: ResourceKindDescriptor<T, C, E, R>, rules: EditRules<T, E>, connection: OrgConnection, deps: ResourceCommandDeps,
): FormSpec<WithTarget<T, E>> {
  const target: PickerField<WithTarget<T, E>, 'target'> = {
    type: 'picker',
    name: 'target',
    pick: (at) => pickerOf(kind)(pickerContext(deps, connection), at, rules.pickPlaceholder) as never,
    picked: (picked, answers, given) => {
      if (answers.target?.id === picked.id) return;
      for (const [name, value] of Object.entries(rules.current(picked as T))) {
        if (!given.has(name)) (answers as Record<string, unknown>)[name] = value;
      }
    },
  };
  // The edit fields are fields of E, which WithTarget<T, E> extends: the casts only widen.
  return { fields: [target as unknown as FormField<WithTarget<T, E>>, ...(rules.form.fields as unknown as FormSpec<WithTarget<T, E>>['fields'])] };
}

async function deleteItem<T extends FolderItem, C extends object, E extends object, R>(
  deps: ResourceCommandDeps, kind: ResourceKindDescriptor<T, C, E, R>, rules: DeleteRules<T>, arg: unknown, inputs: DeleteInputs | undefined,
): Promise<Outcome<{ id: string }>> {
  const connection = await connectionFor(deps.registry, arg, rules.organizationPrompt);
  if (!connection) return CANCELLED;
  let item = await targetItem<T>(kind, connection, arg);
  if (!item) {
    const picked = await pickerOf(kind)(pickerContext(deps, connection), { title: rules.pickTitle }, rules.pickPlaceholder);
    if (picked?.kind !== 'value') return CANCELLED;
    item = picked.value;
  }
  const target = item;
  const api = kind.api(connection);
  const ctx: KindContext = { deps, connection };
  return runDelete(deps, {
    noun: kind.noun, id: target.id, name: kind.nameOf(target), confirmBy: rules.confirmBy, inputs, verbs: rules.verbs,
    preview: previewOf(ctx, target, rules.preview),
    consequence: rules.consequence?.(target),
    remove: () => (api.delete ? api.delete(target.id) : Promise.reject(new Error(vscode.l10n.t({
      message: '{0}s cannot be deleted.', args: [kind.title],
      comment: ['{0} is a kind of item in title case ("Service Account"); the s makes it plural'],
    })))),
    stillExists: () => existsById(() => api.get(target.id)),
    explainConflict: rules.explainConflict,
    deleted: () => {
      if (kind.tree) deps.updates.itemDeleted(connection, kind.tree.kind, target.id);
    },
  });
}

function pickerOf<T extends FolderItem, C extends object, E extends object, R>(kind: ResourceKindDescriptor<T, C, E, R>): NonNullable<ResourceKindDescriptor<T, C, E, R>['pick']> {
  if (!kind.pick) throw new Error(vscode.l10n.t({ message: 'There is no picker for {0}.', args: [pluralNounText(kind.noun)], comment: ['{0} is a kind of item, plural ("service accounts")'] }));
  return kind.pick;
}

// The form asks for every required field before submitting; this only guards the types.
function required<T>(value: T | undefined, noun: string): T {
  if (value === undefined) throw new Error(vscode.l10n.t({ message: 'No {0} was chosen.', args: [nounText(noun)], comment: ['{0} is a kind of item ("service account")'] }));
  return value;
}

function lookupIn<C extends object, R>(
  connection: OrgConnection, lookup: CreateRules<C, R>['lookup'],
): ((answers: Partial<C>, signal: AbortSignal | undefined) => Promise<R | undefined>) | undefined {
  return lookup && ((answers, signal) => lookup(connection, answers, signal));
}

function previewOf<T>(ctx: KindContext, item: T, preview: DeleteRules<T>['preview']): ((signal: AbortSignal | undefined) => ReturnType<NonNullable<DeleteRules<T>['preview']>>) | undefined {
  return preview && ((signal) => preview(ctx, item, signal));
}
