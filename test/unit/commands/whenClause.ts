/**
 * A small evaluator for the `when` clauses this extension's menus use: `key == value`,
 * `key != value`, `key =~ /regex/flags`, bare keys, `!`, `&&`, `||` and parentheses. Enough to
 * check menu wiring in plain Node; anything else throws, so an unsupported clause fails the test
 * instead of passing silently.
 */
export type Context = Readonly<Record<string, string | boolean | undefined>>;

type Token = { t: 'op'; v: string } | { t: 'word'; v: string } | { t: 'regex'; v: RegExp };

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    const op = /^(==|!=|=~|&&|\|\||!|\(|\))/.exec(rest);
    if (op) {
      const v = op[0];
      out.push({ t: 'op', v });
      i += v.length;
      if (v === '=~') {
        const lead = /^\s*/.exec(text.slice(i))![0].length;
        const regex = /^\/((?:\\.|[^/\\])*)\/([a-z]*)/.exec(text.slice(i + lead));
        if (!regex) throw new Error(`Expected a regex after =~ in: ${text}`);
        out.push({ t: 'regex', v: new RegExp(regex[1]!, regex[2]) });
        i += lead + regex[0].length;
      }
      continue;
    }
    const word = /^[^\s()!=&|]+/.exec(rest);
    if (!word) throw new Error(`Cannot read '${rest}' in: ${text}`);
    out.push({ t: 'word', v: word[0] });
    i += word[0].length;
  }
  return out;
}

/** Evaluates `clause` against `context` (unset keys are undefined, i.e. falsy). */
export function evaluateWhen(clause: string, context: Context): boolean {
  const tokens = tokenize(clause);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const isOp = (v: string): boolean => peek()?.t === 'op' && peek()!.v === v;
  const or = (): boolean => {
    let value = and();
    while (isOp('||')) {
      pos++;
      const right = and();
      value = value || right;
    }
    return value;
  };
  const and = (): boolean => {
    let value = unary();
    while (isOp('&&')) {
      pos++;
      const right = unary();
      value = value && right;
    }
    return value;
  };
  const unary = (): boolean => {
    if (isOp('!')) {
      pos++;
      return !unary();
    }
    if (isOp('(')) {
      pos++;
      const value = or();
      if (!isOp(')')) throw new Error(`Missing ) in: ${clause}`);
      pos++;
      return value;
    }
    const key = tokens[pos++];
    if (key?.t !== 'word') throw new Error(`Expected a key in: ${clause}`);
    if (key.v === 'true') return true;
    if (key.v === 'false') return false;
    const actual = context[key.v];
    if (isOp('==') || isOp('!=')) {
      const negate = peek()!.v === '!=';
      pos++;
      const value = tokens[pos++];
      if (value?.t !== 'word') throw new Error(`Expected a value in: ${clause}`);
      return (String(actual) === value.v) !== negate;
    }
    if (isOp('=~')) {
      pos++;
      const regex = tokens[pos++];
      if (regex?.t !== 'regex') throw new Error(`Expected a regex in: ${clause}`);
      return typeof actual === 'string' && regex.v.test(actual);
    }
    return !!actual;
  };
  const value = or();
  if (pos !== tokens.length) throw new Error(`Unexpected '${JSON.stringify(tokens[pos])}' in: ${clause}`);
  return value;
}
