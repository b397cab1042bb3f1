/**
 * Which names a delete can ask to be typed. Pure (no vscode), so it is unit tested in plain Node.
 */
import { revealHidden } from '../ui/inertText';

/** Longest name a delete asks to be typed; longer ones are confirmed with the ID. */
export const TYPEABLE_NAME_MAX = 64;

/**
 * Whether a person can type the name to confirm: not when it holds bidi or invisible characters
 * (it shows differently from how it is spelled) or control characters, nor when it is too long
 * to type without seeing it.
 */
export function isTypeableName(name: string): boolean {
  return name.trim() !== '' && revealHidden(name) === name && [...name].length <= TYPEABLE_NAME_MAX;
}
