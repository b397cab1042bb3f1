import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formState, invalidAnswer, isAsked } from '../../../src/commands/forms/formRules';
import type { FormSpec } from '../../../src/commands/forms/formSpec';

interface Answers {
  name?: string;
  note?: string;
  scope?: string;
  role?: string;
}

const ROLES: Record<string, string[]> = { organization: ['OrganizationAdmin', 'MetricsViewer'], cluster: ['CloudClusterAdmin', 'DeveloperRead'] };

// A form shaped like the role-binding one: a required text, an optional text, a choice, and a
// choice whose options depend on the earlier answer and which only shows once that is known.
const FORM: FormSpec<Answers> = {
  fields: [
    { type: 'text', name: 'name', prompt: 'Name', validate: (v) => (v.trim() ? undefined : 'Enter a name.') },
    { type: 'text', name: 'note', prompt: 'Note', optional: true, defaultValue: '', validate: (v) => (v.length > 5 ? 'Too long.' : undefined) },
    {
      type: 'choice', name: 'scope', placeholder: 'Scope', options: () => Object.keys(ROLES).map((value) => ({ label: value, value })),
      unknownOption: (value) => `Unknown scope '${value}'.`,
    },
    {
      type: 'choice', name: 'role', placeholder: 'Role', when: (a) => a.scope !== undefined,
      options: (a) => (ROLES[a.scope ?? ''] ?? []).map((value) => ({ label: value, value })),
      unknownOption: (value, options) => `Role '${value}' is not offered here; use ${options.map((o) => o.value).join(' or ')}.`,
    },
  ],
};
const field = (name: keyof Answers) => FORM.fields.find((f) => f.name === name)!;
const asked = (state: ReturnType<typeof formState<Answers>>, errors = {}): string[] =>
  FORM.fields.filter((f) => isAsked(f, state, errors)).map((f) => f.name);

void describe('form rules (shared by the QuickInput form and automation)', () => {
  void it('asks every shown field interactively, optional ones included, with defaults filled in', () => {
    const state = formState(FORM, {}, undefined);
    assert.equal(state.automated, false);
    assert.deepEqual(asked(state), ['name', 'note', 'scope']);
    assert.equal(state.answers.note, '', 'the default is the starting answer');
  });

  void it('never asks what automation gave, nor optional fields it left out; required ones still are', () => {
    const state = formState(FORM, {}, { name: 'x' });
    assert.equal(state.automated, true);
    assert.deepEqual(asked(state), ['scope']);
  });

  void it('asks a given field again when the server rejected it', () => {
    const state = formState(FORM, {}, { name: 'taken', scope: 'cluster', role: 'DeveloperRead' });
    assert.deepEqual(asked(state), []);
    assert.deepEqual(asked(state, { name: 'already exists' }), ['name']);
  });

  void it('shows a dependent field once its condition holds, with options from earlier answers', () => {
    const state = formState(FORM, {}, undefined);
    assert.equal(isAsked(field('role'), state, {}), false);
    state.answers.scope = 'organization';
    assert.equal(isAsked(field('role'), state, {}), true);
  });

  void it('treats tree-fixed fields like given ones, and keeps current values under given answers', () => {
    const state = formState(FORM, { name: 'current', note: 'old' }, { note: 'new' }, ['scope']);
    assert.deepEqual(state.answers, { name: 'current', note: 'new' });
    assert.equal(isAsked(field('scope'), state, {}), false);
  });

  void it('validates present answers in field order: text rules, choice options, dependent options', () => {
    assert.deepEqual(invalidAnswer(FORM, formState(FORM, {}, { name: ' ' })), { field: 'name', message: 'Enter a name.' });
    assert.deepEqual(invalidAnswer(FORM, formState(FORM, {}, { name: 'a', note: 'toolong' })), { field: 'note', message: 'Too long.' });
    assert.deepEqual(invalidAnswer(FORM, formState(FORM, {}, { name: 'a', scope: 'topic' })), { field: 'scope', message: "Unknown scope 'topic'." });
    assert.deepEqual(invalidAnswer(FORM, formState(FORM, {}, { name: 'a', scope: 'organization', role: 'DeveloperRead' })), {
      field: 'role', message: "Role 'DeveloperRead' is not offered here; use OrganizationAdmin or MetricsViewer.",
    });
    assert.equal(invalidAnswer(FORM, formState(FORM, {}, { name: 'a', scope: 'cluster', role: 'DeveloperRead' })), undefined);
  });

  void it('refuses an automation answer to a text field that is not text, naming the input as passed', () => {
    const state = formState(FORM, {}, { name: 42 as unknown as string });
    assert.deepEqual(invalidAnswer(FORM, state), { field: 'name', message: 'name must be text.' });
  });
});
