import type { TextField } from '../forms/formSpec';
import { validateOptionalText, validateRequiredName } from '../validation';

/** A required, unique display name; `what` names it in the messages ("service account name"), translated. */
export function nameField<A extends { display_name?: string }>(what: string, prompt: string, placeholder?: string): TextField<A, 'display_name'> {
  return { type: 'text', name: 'display_name', prompt, placeholder, validate: (v) => validateRequiredName(v, what) };
}

/** An optional free-text description (the validation names it "description"). */
export function descriptionField<A extends { description?: string }>(prompt: string, placeholder?: string): TextField<A, 'description'> {
  return { type: 'text', name: 'description', optional: true, prompt, placeholder, validate: (v) => validateOptionalText(v) };
}
