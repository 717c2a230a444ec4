// GO Feature Flag targeting queries (nikunjy/rules syntax: `country in ["SY","YE"] and beta eq true`)
// read into a condition tree. JsonLogic queries (a JSON string) go through jsonLogic.ts.
import { logicToCond } from './jsonLogic';
import { normaliseOp } from './attributes';
import type { Cond, Loc, NotEvaluated } from './model';

type Tok = { t: 'id' | 'str' | 'num' | 'op' | 'punct'; v: string };

const OPS = /^(eq|ne|lt|gt|le|ge|co|sw|ew|in|pr|not|and|or)$/i;

function tokenize(q: string): Tok[] | undefined {
  const out: Tok[] = [];
  let i = 0;
  while (i < q.length) {
    const ch = q[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      let s = '';
      while (j < q.length && q[j] !== ch) {
        if (q[j] === '\\' && j + 1 < q.length) j++;
        s += q[j];
        j++;
      }
      if (j >= q.length) return undefined;
      out.push({ t: 'str', v: s });
      i = j + 1;
      continue;
    }
    const two = q.slice(i, i + 2);
    if (['==', '!=', '<=', '>=', '&&', '||'].includes(two)) {
      out.push({ t: 'op', v: { '==': 'eq', '!=': 'ne', '<=': 'le', '>=': 'ge', '&&': 'and', '||': 'or' }[two]! });
      i += 2;
      continue;
    }
    if ('()[],'.includes(ch)) {
      out.push({ t: 'punct', v: ch });
      i++;
      continue;
    }
    if (ch === '<' || ch === '>' || ch === '!') {
      out.push({ t: 'op', v: ch === '<' ? 'lt' : ch === '>' ? 'gt' : 'not' });
      i++;
      continue;
    }
    const m = /^[A-Za-z0-9_.$\-+:@]+/.exec(q.slice(i));
    if (!m) return undefined;
    const w = m[0];
    if (OPS.test(w)) out.push({ t: 'op', v: w.toLowerCase() });
    else if (/^-?\d+(\.\d+)?$/.test(w)) out.push({ t: 'num', v: w });
    else out.push({ t: 'id', v: w });
    i += w.length;
  }
  return out;
}

class Parser {
  i = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly at: Loc,
  ) {}
  peek(): Tok | undefined {
    return this.toks[this.i];
  }
  isOp(v: string): boolean {
    const p = this.peek();
    return !!p && p.t === 'op' && p.v === v;
  }
  or(): Cond {
    const of = [this.and()];
    while (this.isOp('or')) {
      this.i++;
      of.push(this.and());
    }
    return of.length === 1 ? of[0]! : { k: 'or', of };
  }
  and(): Cond {
    const of = [this.unary()];
    while (this.isOp('and')) {
      this.i++;
      of.push(this.unary());
    }
    return of.length === 1 ? of[0]! : { k: 'and', of };
  }
  unary(): Cond {
    if (this.isOp('not')) {
      this.i++;
      return { k: 'not', of: this.unary() };
    }
    const p = this.peek();
    if (p?.t === 'punct' && p.v === '(') {
      this.i++;
      const c = this.or();
      this.expect(')');
      return c;
    }
    return this.comparison();
  }
  expect(v: string): void {
    const p = this.peek();
    if (!p || p.v !== v) throw new Error(`expected ${v}`);
    this.i++;
  }
  value(): string[] {
    const p = this.peek();
    if (!p) throw new Error('value expected');
    if (p.t === 'punct' && p.v === '[') {
      this.i++;
      const vals: string[] = [];
      while (this.peek() && this.peek()!.v !== ']') {
        const x = this.peek()!;
        if (x.t === 'punct' && x.v === ',') {
          this.i++;
          continue;
        }
        vals.push(x.v);
        this.i++;
      }
      this.expect(']');
      return vals;
    }
    this.i++;
    return [p.v];
  }
  comparison(): Cond {
    const a = this.peek();
    if (!a || a.t !== 'id') throw new Error('attribute expected');
    this.i++;
    const o = this.peek();
    if (!o || o.t !== 'op') throw new Error('operator expected');
    this.i++;
    if (o.v === 'pr') return { k: 'attr', attribute: a.v, op: 'other', rawOp: 'pr', values: [], at: this.at };
    const values = this.value();
    const op = o.v === 'in' ? 'in' : normaliseOp(o.v);
    return { k: 'attr', attribute: a.v, op: ['lt', 'gt', 'le', 'ge'].includes(o.v) ? 'other' : op, rawOp: o.v, values, at: this.at };
  }
}

export function goffQueryToCond(query: string, at: Loc, notEvaluated: NotEvaluated[]): Cond {
  const q = query.trim();
  if (q.startsWith('{')) {
    try {
      return logicToCond(JSON.parse(q) as unknown, at.pointer, { doc: at.doc, evaluators: {}, notEvaluated });
    } catch {
      notEvaluated.push({ reason: 'the JsonLogic query is not valid JSON', at });
      return { k: 'unknown', reason: 'an unreadable JsonLogic query', at };
    }
  }
  const toks = tokenize(q);
  try {
    if (!toks) throw new Error('unreadable');
    const p = new Parser(toks, at);
    const c = p.or();
    if (p.i !== toks.length) throw new Error('trailing text');
    return c;
  } catch (e) {
    notEvaluated.push({ reason: `the query "${q}" could not be read (${(e as Error).message})`, at });
    return { k: 'unknown', reason: 'an unreadable query', at };
  }
}
