// Keeps secrets out of anything printed or saved: logs, console captures, reports.
const known = new Set();

/** Registers a value that must never appear in output. Short values are ignored (too many false hits). */
export function registerSecret(value) {
  if (typeof value === 'string' && value.length >= 8) known.add(value);
}

export function redact(text) {
  let out = String(text);
  for (const secret of known) out = out.split(secret).join('***');
  return out;
}
