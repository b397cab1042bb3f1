// Fault injection for the Confluent-facing paths (never /_sandbox/).
//
// Spec syntax: comma-separated rules, each `effect[:amount][@scope]`; the first rule that matches and
// fires decides the request.
//   effect  429            429 with `Retry-After: 1`          429=<s>   429 with `Retry-After: <s>`
//           429-bare       429 without Retry-After            <code>    any 400–599 status with a Failure body
//           drop           destroy the socket, no response    slow=<ms> wait, then answer normally
//           malformed      200 with truncated JSON            html[=<code>]  HTML error page (default 502)
//           empty[=<code>] empty body (default 200)
//           500-after-commit   run the request (state changes), then answer 500
//           drop-after-commit  run the request, then destroy the socket
//   amount  0.2 or 20%  probability per matching request (seeded, reproducible)
//           x2          exactly the next 2 matching requests, then the rule is spent
//           (omitted)   every matching request
//   scope   `@POST /iam/v2/api-keys`, `@/v2/metrics/`, `@DELETE`: method and/or path prefix
// Example: `429:0.2,500:0.1,drop:0.05,slow=3000:0.1@POST /iam/v2/api-keys,500-after-commit:x1@POST /iam/v2/service-accounts`

import { createRng, type Rng } from './random';

export interface FaultRule {
  /** Effect token as in the spec syntax, e.g. `503`, `429=5`, `slow=3000`, `500-after-commit`. */
  effect: string;
  /** 0..1; omitted with `times` omitted means every matching request. */
  probability?: number;
  /** Fire on exactly the next N matching requests. */
  times?: number;
  method?: string;
  /** Path prefix, e.g. `/iam/v2/api-keys`. */
  path?: string;
}

export type FaultEffect =
  | { kind: 'status'; status: number; retryAfterSeconds?: number }
  | { kind: 'drop' }
  | { kind: 'slow'; ms: number }
  | { kind: 'malformed' }
  | { kind: 'html'; status: number }
  | { kind: 'empty'; status: number }
  | { kind: 'after-commit'; then: 'error' | 'drop' };

interface ActiveRule { rule: FaultRule; effect: FaultEffect; remaining?: number }

export class FaultSpecError extends Error {}

export function parseEffect(token: string): FaultEffect {
  const [name = '', arg] = token.trim().split('=', 2);
  const num = (fallback: number): number => {
    if (arg === undefined) return fallback;
    if (!/^\d+$/.test(arg)) throw new FaultSpecError(`'${token}': '${arg}' is not a whole number`);
    return Number(arg);
  };
  const status = (fallback: number): number => {
    const code = num(fallback);
    if (code < 100 || code > 599) throw new FaultSpecError(`'${token}': ${code} is not an HTTP status`);
    return code;
  };
  switch (name) {
    case '429': return { kind: 'status', status: 429, retryAfterSeconds: num(1) };
    case '429-bare': return { kind: 'status', status: 429 };
    case 'drop': return { kind: 'drop' };
    case 'slow': return { kind: 'slow', ms: num(2000) };
    case 'malformed': return { kind: 'malformed' };
    case 'html': return { kind: 'html', status: status(502) };
    case 'empty': return { kind: 'empty', status: status(200) };
    case '500-after-commit': return { kind: 'after-commit', then: 'error' };
    case 'drop-after-commit': return { kind: 'after-commit', then: 'drop' };
  }
  if (/^[45]\d\d$/.test(name) && arg === undefined) return { kind: 'status', status: Number(name) };
  throw new FaultSpecError(`Unknown fault effect '${token}'`);
}

export function parseFaultSpec(spec: string): FaultRule[] {
  return spec.split(',').map((s) => s.trim()).filter((s) => s !== '').map(parseRule);
}

function parseRule(text: string): FaultRule {
  const at = text.indexOf('@');
  const head = at < 0 ? text : text.slice(0, at);
  const scope = at < 0 ? '' : text.slice(at + 1).trim();
  const colon = head.indexOf(':');
  const rule: FaultRule = { effect: (colon < 0 ? head : head.slice(0, colon)).trim() };
  const amount = colon < 0 ? '' : head.slice(colon + 1).trim();
  if (/^x\d+$/i.test(amount)) rule.times = Number(amount.slice(1));
  else if (/^\d+(\.\d+)?%$/.test(amount)) rule.probability = Number(amount.slice(0, -1)) / 100;
  else if (/^\d*\.?\d+$/.test(amount)) rule.probability = Number(amount);
  else if (amount !== '') throw new FaultSpecError(`'${text}': amount '${amount}' is not a probability, percentage or xN`);
  const scopeMatch = /^(?:([A-Za-z]+)\b)?\s*(\/\S*)?$/.exec(scope);
  if (!scopeMatch) throw new FaultSpecError(`'${text}': scope '${scope}' is not '[METHOD] [/path-prefix]'`);
  if (scopeMatch[1]) rule.method = scopeMatch[1].toUpperCase();
  if (scopeMatch[2]) rule.path = scopeMatch[2];
  return rule;
}

/** Validates rules from JSON (the control endpoint) the same way as parsed ones. */
export function normaliseRules(input: unknown): FaultRule[] {
  if (typeof input === 'string') return parseFaultSpec(input);
  if (!Array.isArray(input)) throw new FaultSpecError('Faults must be a spec string or an array of rules');
  return input.map((raw: unknown, i) => {
    if (typeof raw !== 'object' || raw === null) throw new FaultSpecError(`Rule ${i} is not an object`);
    const r = raw as Record<string, unknown>;
    if (typeof r.effect !== 'string') throw new FaultSpecError(`Rule ${i} needs an 'effect' string`);
    const rule: FaultRule = { effect: r.effect };
    if (r.probability !== undefined) rule.probability = Number(r.probability);
    if (r.times !== undefined) rule.times = Number(r.times);
    if (typeof r.method === 'string') rule.method = r.method.toUpperCase();
    if (typeof r.path === 'string') rule.path = r.path;
    return rule;
  });
}

export class FaultInjector {
  private active: ActiveRule[] = [];
  private rng: Rng;

  constructor(private readonly seed: number) {
    this.rng = createRng(seed);
  }

  /** Replaces every rule. Throws FaultSpecError on a bad spec, leaving the old rules in place. */
  set(spec: string | readonly FaultRule[]): void {
    const rules = typeof spec === 'string' ? parseFaultSpec(spec) : normaliseRules(spec);
    const active = rules.map((rule): ActiveRule => {
      if (rule.probability !== undefined && !(rule.probability >= 0 && rule.probability <= 1)) {
        throw new FaultSpecError(`'${rule.effect}': probability must be between 0 and 1`);
      }
      if (rule.times !== undefined && !(Number.isInteger(rule.times) && rule.times >= 0)) {
        throw new FaultSpecError(`'${rule.effect}': times must be a whole number`);
      }
      return { rule, effect: parseEffect(rule.effect), ...(rule.times === undefined ? {} : { remaining: rule.times }) };
    });
    this.active = active;
    this.rng = createRng(this.seed);
  }

  rules(): (FaultRule & { remaining?: number })[] {
    return this.active.map((a) => ({ ...a.rule, ...(a.remaining === undefined ? {} : { remaining: a.remaining }) }));
  }

  pick(method: string, path: string): FaultEffect | undefined {
    for (const active of this.active) {
      const { rule } = active;
      if (rule.method !== undefined && rule.method !== method) continue;
      if (rule.path !== undefined && !path.startsWith(rule.path)) continue;
      if (active.remaining !== undefined) {
        if (active.remaining <= 0) continue;
        active.remaining--;
        return active.effect;
      }
      if (rule.probability === undefined || this.rng() < rule.probability) return active.effect;
    }
    return undefined;
  }
}
