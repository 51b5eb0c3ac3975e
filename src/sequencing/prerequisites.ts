// SCORM 1.2 adlcp:prerequisites (type="aicc_script"): the subset of the AICC CMI001 script language that
// real packages use (SCORM 1.2 CAM 2.3.4.2): item identifiers, & | ~ (and the words AND OR NOT), parentheses,
// status tests `id = "passed"` / `id <> "failed"` (also the one-letter codes p c f i b n), and sets
// `2*{a,b,c}` (at least two of them met). A bare identifier is met when the item is passed or completed.
import type { LessonStatus } from '../runtime/types.js';

export type PrerequisiteExpr =
  | { kind: 'id'; id: string }
  | { kind: 'status'; id: string; op: '=' | '<>'; status: LessonStatus }
  | { kind: 'not'; expr: PrerequisiteExpr }
  | { kind: 'and' | 'or'; left: PrerequisiteExpr; right: PrerequisiteExpr }
  | { kind: 'atLeast'; count: number; items: PrerequisiteExpr[] };

export class PrerequisiteError extends Error {
  override name = 'PrerequisiteError';
}

const statusCodes: Record<string, LessonStatus> = {
  passed: 'passed',
  p: 'passed',
  completed: 'completed',
  c: 'completed',
  failed: 'failed',
  f: 'failed',
  incomplete: 'incomplete',
  i: 'incomplete',
  browsed: 'browsed',
  b: 'browsed',
  'not attempted': 'not attempted',
  n: 'not attempted',
};

type Token =
  | { t: 'id'; v: string }
  | { t: 'str'; v: string }
  | { t: 'num'; v: number }
  | { t: '&' | '|' | '~' | '(' | ')' | '=' | '<>' | '*' | '{' | '}' | ',' };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      if (end < 0) throw new PrerequisiteError(`Unclosed string in "${text}"`);
      tokens.push({ t: 'str', v: text.slice(i + 1, end) });
      i = end + 1;
    } else if (c === '<' && text[i + 1] === '>') {
      tokens.push({ t: '<>' });
      i += 2;
    } else if (c === '#') {
      // AICC allows # for "not equal".
      tokens.push({ t: '<>' });
      i++;
    } else if ('&|~()=*{},'.includes(c)) {
      tokens.push({ t: c as '&' });
      i++;
    } else {
      const m = /^[^\s&|~()=*{},<>#"']+/.exec(text.slice(i));
      if (!m) throw new PrerequisiteError(`Unexpected "${c}" in "${text}"`);
      const word = m[0];
      const upper = word.toUpperCase();
      if (upper === 'AND') tokens.push({ t: '&' });
      else if (upper === 'OR') tokens.push({ t: '|' });
      else if (upper === 'NOT') tokens.push({ t: '~' });
      else if (
        /^\d+$/.test(word) &&
        text
          .slice(i + word.length)
          .trimStart()
          .startsWith('*')
      )
        tokens.push({ t: 'num', v: Number(word) });
      else tokens.push({ t: 'id', v: word });
      i += word.length;
    }
  }
  return tokens;
}

/** Parses an aicc_script expression; undefined for an empty one. Throws PrerequisiteError. */
export function parsePrerequisites(text: string): PrerequisiteExpr | undefined {
  const tokens = tokenize(text);
  if (tokens.length === 0) return undefined;
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const expect = (t: Token['t']): Token => {
    const tok = tokens[pos];
    if (tok?.t !== t) throw new PrerequisiteError(`Expected "${t}" in "${text}"`);
    pos++;
    return tok;
  };
  const parseOr = (): PrerequisiteExpr => {
    let left = parseAnd();
    while (peek()?.t === '|') {
      pos++;
      left = { kind: 'or', left, right: parseAnd() };
    }
    return left;
  };
  const parseAnd = (): PrerequisiteExpr => {
    let left = parseUnary();
    while (peek()?.t === '&') {
      pos++;
      left = { kind: 'and', left, right: parseUnary() };
    }
    return left;
  };
  const parseUnary = (): PrerequisiteExpr => {
    if (peek()?.t === '~') {
      pos++;
      return { kind: 'not', expr: parseUnary() };
    }
    return parsePrimary();
  };
  const parsePrimary = (): PrerequisiteExpr => {
    const tok = tokens[pos++];
    if (!tok) throw new PrerequisiteError(`Unexpected end of "${text}"`);
    if (tok.t === '(') {
      const e = parseOr();
      expect(')');
      return e;
    }
    if (tok.t === 'num') {
      expect('*');
      expect('{');
      const items: PrerequisiteExpr[] = [parseOr()];
      while (peek()?.t === ',') {
        pos++;
        items.push(parseOr());
      }
      expect('}');
      return { kind: 'atLeast', count: tok.v, items };
    }
    if (tok.t === 'id') {
      const next = peek();
      if (next?.t === '=' || next?.t === '<>') {
        pos++;
        const value = tokens[pos++];
        if (value?.t !== 'str' && value?.t !== 'id')
          throw new PrerequisiteError(`Expected a status after "${tok.v}" in "${text}"`);
        const status = statusCodes[value.v.toLowerCase()];
        if (!status) throw new PrerequisiteError(`Unknown status "${value.v}" in "${text}"`);
        return { kind: 'status', id: tok.v, op: next.t, status };
      }
      return { kind: 'id', id: tok.v };
    }
    throw new PrerequisiteError(`Unexpected "${tok.t}" in "${text}"`);
  };
  const expr = parseOr();
  if (pos !== tokens.length) throw new PrerequisiteError(`Unexpected "${tokens[pos]!.t}" in "${text}"`);
  return expr;
}

/**
 * Evaluates a parsed expression. `statusOf` gives an item's lesson_status, or undefined for an identifier
 * that names no item: such a reference counts as met, so a typo in a manifest never locks a learner out.
 */
export function evaluatePrerequisites(
  expr: PrerequisiteExpr,
  statusOf: (id: string) => LessonStatus | undefined,
): boolean {
  switch (expr.kind) {
    case 'id': {
      const s = statusOf(expr.id);
      return s === undefined || s === 'passed' || s === 'completed';
    }
    case 'status': {
      const s = statusOf(expr.id);
      if (s === undefined) return true;
      return expr.op === '=' ? s === expr.status : s !== expr.status;
    }
    case 'not':
      return !evaluatePrerequisites(expr.expr, statusOf);
    case 'and':
      return evaluatePrerequisites(expr.left, statusOf) && evaluatePrerequisites(expr.right, statusOf);
    case 'or':
      return evaluatePrerequisites(expr.left, statusOf) || evaluatePrerequisites(expr.right, statusOf);
    case 'atLeast':
      return expr.items.filter((e) => evaluatePrerequisites(e, statusOf)).length >= expr.count;
  }
}
