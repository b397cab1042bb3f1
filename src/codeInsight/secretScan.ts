/**
 * Finds Confluent Cloud API secrets written in plain text. Pure: no vscode import.
 *
 * Two shapes are recognised:
 * - Since July 2025 secrets start with `cflt` followed by 60 characters of `A-Za-z0-9+/` (the last
 *   six are a checksum), which is specific enough to flag on its own.
 * - Older secrets are 64 characters of the same alphabet with no prefix. That shape alone would
 *   flag hashes and tokens from other services, so an old-style secret only counts when a 16-character
 *   API key ID stands within two lines of it (the way key and secret are always written together),
 *   and it must mix upper case, lower case and digits (a hex SHA-256 digest does not).
 *
 * The findings carry offsets and the nearby key ID only, never the secret's characters.
 */
import { API_KEY_ID } from './idPatterns';

export type SecretFormat = 'cflt' | 'legacy';

export interface SecretFinding {
  readonly format: SecretFormat;
  readonly start: number;
  readonly end: number;
  /** The API key ID written next to the secret, when there is one. */
  readonly keyId?: string | undefined;
}

const ALPHABET = 'A-Za-z0-9+/';
const CFLT = new RegExp(`(?<![${ALPHABET}])cflt[${ALPHABET}]{60}(?![${ALPHABET}=])`, 'g');
const LEGACY = new RegExp(`(?<![${ALPHABET}])[${ALPHABET}]{64}(?![${ALPHABET}=])`, 'g');
const KEY_TOKEN = /(?<![A-Za-z0-9+/])[A-Z0-9]{16}(?![A-Za-z0-9+/])/g;
/** How far (in lines, either way) a key ID may stand from its secret. */
const KEY_DISTANCE_LINES = 2;

function mixesCharacterClasses(value: string): boolean {
  return /[A-Z]/.test(value) && /[a-z]/.test(value) && /[0-9]/.test(value);
}

/** Start offsets of each line, for "within two lines" checks. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Key IDs with their offsets. */
function keyIds(text: string): { id: string; start: number }[] {
  const out: { id: string; start: number }[] = [];
  for (const m of text.matchAll(KEY_TOKEN)) if (API_KEY_ID.test(m[0])) out.push({ id: m[0], start: m.index });
  return out;
}

/** The key ID nearest to the secret within the allowed distance, preferring the one before it. */
function nearestKey(keys: readonly { id: string; start: number }[], starts: readonly number[], offset: number): string | undefined {
  const line = lineOf(starts, offset);
  let best: { id: string; score: number } | undefined;
  for (const key of keys) {
    const distance = Math.abs(lineOf(starts, key.start) - line);
    if (distance > KEY_DISTANCE_LINES) continue;
    // Same distance: a key written before the secret (`key=…` then `secret=…`) wins.
    const score = distance * 2 + (key.start < offset ? 0 : 1);
    if (!best || score < best.score) best = { id: key.id, score };
  }
  return best?.id;
}

/** Every plain-text API secret in the text, in order. */
export function findSecrets(text: string): SecretFinding[] {
  const starts = lineStarts(text);
  const keys = keyIds(text);
  const found: SecretFinding[] = [];
  for (const m of text.matchAll(CFLT)) {
    found.push({ format: 'cflt', start: m.index, end: m.index + m[0].length, keyId: nearestKey(keys, starts, m.index) });
  }
  for (const m of text.matchAll(LEGACY)) {
    if (m[0].startsWith('cflt') || !mixesCharacterClasses(m[0])) continue;
    const keyId = nearestKey(keys, starts, m.index);
    if (keyId) found.push({ format: 'legacy', start: m.index, end: m.index + m[0].length, keyId });
  }
  return found.sort((a, b) => a.start - b.start);
}
