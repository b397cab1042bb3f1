// Body validation. Structural problems (no body, not an object) are 400; field-level problems are
// 422 `invalid_configuration` with a JSON Pointer to the field, as the spec's ValidationError shows.
// Unknown fields are ignored, as the API does.

import { invalidBody, validationFailed } from './failure';

export const MAX_NAME_LENGTH = 255;

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function bodyObject(body: unknown): JsonObject {
  if (body === undefined) throw invalidBody('A JSON request body is required');
  if (!isObject(body)) throw invalidBody('The request body must be a JSON object');
  return body;
}

interface StringRules {
  required?: boolean;
  max?: number;
  /** Empty strings are fine for descriptions, not for names. */
  allowEmpty?: boolean;
}

export function stringField(obj: JsonObject, key: string, pointer: string, rules: StringRules = {}): string | undefined {
  const value = obj[key];
  if (value === undefined) {
    if (rules.required) throw validationFailed(pointer, `The property '${pointer}' is required`);
    return undefined;
  }
  if (typeof value !== 'string') {
    throw validationFailed(pointer, `The property '${pointer}' of type ${jsonType(value)} did not match the following type: string`);
  }
  if (!rules.allowEmpty && value.trim() === '') throw validationFailed(pointer, `The property '${pointer}' must not be empty`);
  const max = rules.max ?? MAX_NAME_LENGTH;
  if ([...value].length > max) throw validationFailed(pointer, `The property '${pointer}' must be at most ${max} characters`);
  return value;
}

/** Returns the nested object, `null` when explicitly null and allowed, undefined when absent. */
export function objectField(obj: JsonObject, key: string, pointer: string, opts: { required?: boolean; nullable?: boolean } = {}): JsonObject | null | undefined {
  const value = obj[key];
  if (value === undefined) {
    if (opts.required) throw validationFailed(pointer, `The property '${pointer}' is required`);
    return undefined;
  }
  if (value === null && opts.nullable) return null;
  if (!isObject(value)) {
    throw validationFailed(pointer, `The property '${pointer}' of type ${jsonType(value)} did not match the following type: object`);
  }
  return value;
}

// Deliberately simple: one @, something on both sides, a dot in the domain, no spaces.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(value: string): boolean {
  return EMAIL.test(value);
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
