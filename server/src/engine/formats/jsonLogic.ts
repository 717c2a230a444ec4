// Symbolic reading of JsonLogic (flagd targeting, GOFF JsonLogic queries). Nothing is executed:
// conditions become Cond trees, and a targeting expression becomes ordered steps.
import { joinPointer } from '../parse/yamlSource';
import { normaliseOp } from './attributes';
import { CODE_DEFAULT, TRUE, isRecord, loc, serveOne, weightsToServe, type Cond, type Loc, type NotEvaluated, type Step } from './model';

export interface JsonLogicContext {
  doc: number;
  /** flagd `$evaluators`, resolved for `$ref`, with their own pointers. */
  evaluators: Record<string, { value: unknown; pointer: string }>;
  notEvaluated: NotEvaluated[];
  /** Guards against $ref cycles. */
  depth?: number;
}

function varName(v: unknown): string | undefined {
  if (!isRecord(v) || !('var' in v)) return undefined;
  const x = v['var'];
  if (typeof x === 'string') return x;
  if (Array.isArray(x) && typeof x[0] === 'string') return x[0];
  return undefined;
}

const scalarText = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;

/** A JsonLogic boolean expression as a condition. */
export function logicToCond(expr: unknown, pointer: string, ctx: JsonLogicContext): Cond {
  const at: Loc = loc(pointer, ctx.doc);
  if (expr === true) return TRUE;
  if (expr === false || expr === null) return { k: 'const', value: false };
  if (!isRecord(expr)) return { k: 'unknown', reason: 'a literal used as a condition', at };
  const keys = Object.keys(expr);
  if (keys.length !== 1) return { k: 'unknown', reason: 'an expression with several operators', at };
  const op = keys[0]!;
  const args = expr[op];
  const argList = Array.isArray(args) ? args : [args];
  const argPtr = (i: number) => (Array.isArray(args) ? joinPointer(pointer, op, i) : joinPointer(pointer, op));
  if (op === '$ref') {
    const name = String(args);
    const ev = ctx.evaluators[name];
    if (!ev || (ctx.depth ?? 0) > 16) {
      ctx.notEvaluated.push({ reason: `$ref "${name}" names no entry of $evaluators`, at });
      return { k: 'unknown', reason: `unresolved $ref ${name}`, at };
    }
    return logicToCond(ev.value, ev.pointer, { ...ctx, depth: (ctx.depth ?? 0) + 1 });
  }
  switch (op) {
    case 'and':
      return { k: 'and', of: argList.map((a, i) => logicToCond(a, argPtr(i), ctx)) };
    case 'or':
      return { k: 'or', of: argList.map((a, i) => logicToCond(a, argPtr(i), ctx)) };
    case '!':
      return { k: 'not', of: logicToCond(argList[0], argPtr(0), ctx) };
    case '!!':
      return logicToCond(argList[0], argPtr(0), ctx);
    case '==':
    case '===':
    case '!=':
    case '!==':
    case 'starts_with':
    case 'ends_with': {
      const [a, b] = argList;
      const name = varName(a) ?? varName(b);
      const lit = scalarText(varName(a) !== undefined ? b : a);
      if (!name || lit === undefined) return { k: 'unknown', reason: `a ${op} comparison the linter cannot read`, at };
      const nop = op.startsWith('!') ? 'notin' : op === 'starts_with' ? 'startswith' : op === 'ends_with' ? 'endswith' : 'in';
      return { k: 'attr', attribute: name, op: nop, rawOp: op, values: [lit], at };
    }
    case 'in': {
      const [a, b] = argList;
      const name = varName(a);
      if (name && Array.isArray(b)) {
        const values = b.map(scalarText).filter((x): x is string => x !== undefined);
        return { k: 'attr', attribute: name, op: 'in', rawOp: 'in', values, at };
      }
      const inner = varName(b);
      const lit = scalarText(a);
      if (inner && lit !== undefined) return { k: 'attr', attribute: inner, op: 'contains', rawOp: 'in (substring)', values: [lit], at };
      return { k: 'unknown', reason: 'an "in" test the linter cannot read', at };
    }
    default: {
      const name = argList.map(varName).find((x) => x !== undefined);
      if (name) return { k: 'attr', attribute: name, op: normaliseOp(op) === 'other' ? 'other' : normaliseOp(op), rawOp: op, values: argList.map(scalarText).filter((x): x is string => x !== undefined), at };
      return { k: 'unknown', reason: `the operator "${op}"`, at };
    }
  }
}

/**
 * A flagd targeting expression as ordered steps. The expression returns a variant name, null
 * (the default variant) or a fractional split; `if` chains become one step per branch.
 */
export function targetingToSteps(expr: unknown, pointer: string, defaultVariant: string | null, ctx: JsonLogicContext, guard: Cond = TRUE, label = 'targeting'): Step[] {
  const at = loc(pointer, ctx.doc);
  const fallback = defaultVariant ?? CODE_DEFAULT;
  const and = (a: Cond, b: Cond): Cond => (a.k === 'const' && a.value ? b : b.k === 'const' && b.value ? a : { k: 'and', of: [a, b] });
  if (expr === null || expr === undefined) return [{ when: guard, serve: serveOne(fallback), at, label: `${label} (default variant)`, kind: 'rule' }];
  if (typeof expr === 'string') return [{ when: guard, serve: serveOne(expr), at, label, kind: 'rule' }];
  if (isRecord(expr) && Object.keys(expr).length === 0) return [];
  if (isRecord(expr) && Object.keys(expr).length === 1) {
    const op = Object.keys(expr)[0]!;
    const args = expr[op];
    if (op === '$ref') {
      const ev = ctx.evaluators[String(args)];
      if (ev && (ctx.depth ?? 0) <= 16) return targetingToSteps(ev.value, ev.pointer, defaultVariant, { ...ctx, depth: (ctx.depth ?? 0) + 1 }, guard, label);
    }
    if (op === 'if' && Array.isArray(args)) {
      const steps: Step[] = [];
      let i = 0;
      let n = 1;
      for (; i + 1 < args.length; i += 2, n++) {
        const c = logicToCond(args[i], joinPointer(pointer, 'if', i), ctx);
        steps.push(...targetingToSteps(args[i + 1], joinPointer(pointer, 'if', i + 1), defaultVariant, ctx, and(guard, c), `${label} branch ${n}`));
      }
      const elsePtr = joinPointer(pointer, 'if', i);
      steps.push(...targetingToSteps(i < args.length ? args[i] : null, i < args.length ? elsePtr : pointer, defaultVariant, ctx, guard, `${label} else`));
      return steps;
    }
    if (op === 'fractional' && Array.isArray(args)) {
      const entries = args.filter((a, j) => !(j === 0 && !Array.isArray(a)));
      const weights: { variant: string; weight: number }[] = [];
      for (const e of entries) {
        if (!Array.isArray(e) || typeof e[0] !== 'string') continue;
        const w = e.length < 2 ? 1 : typeof e[1] === 'number' ? e[1] : NaN;
        if (Number.isNaN(w)) {
          ctx.notEvaluated.push({ reason: `fractional weight for "${e[0]}" is an expression (time-based ramp), not a number`, at });
          weights.push({ variant: e[0], weight: 1 });
        } else weights.push({ variant: e[0], weight: w });
      }
      return [{ when: guard, serve: weightsToServe(weights, 'relative'), at: loc(joinPointer(pointer, 'fractional'), ctx.doc), label: `${label} fractional split`, kind: 'rule' }];
    }
  }
  ctx.notEvaluated.push({ reason: 'targeting returns a computed value, not a variant name; every variant may be served', at });
  return [{ when: { k: 'unknown', reason: 'a computed targeting result', at }, serve: serveOne(fallback), at, label, kind: 'rule' }];
}
