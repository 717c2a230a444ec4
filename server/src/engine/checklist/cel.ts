// The one CEL environment every checklist expression runs in. CEL is not Turing-complete and
// has no I/O: a checklist can read the spec and nothing else. Limits bound parse-time size.
import { Environment, serialize } from '@marcbachmann/cel-js';
import { findCountry } from '../contexts/countries';
import type { DerivedMemo } from '../util/derivedMemo';

const DAY_MS = 86_400_000;

function toTime(v: unknown): number | undefined {
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)) {
    const t = Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v);
    return Number.isNaN(t) ? undefined : t;
  }
  return undefined;
}

/** Clock used by days_since/days_until; set per evaluation (the engine never reads the wall clock). */
let clockMs = 0;
export function setCelClock(now: Date): void {
  clockMs = now.getTime();
}

/** The clock days_since/days_until read (part of what a remembered result depends on). */
export function celClock(): number {
  return clockMs;
}

function daysBetween(from: unknown, to: number): bigint {
  const t = toTime(from);
  if (t === undefined) throw new Error(`not a date: ${String(from)}`);
  return BigInt(Math.floor((to - t) / DAY_MS));
}

function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function createCelEnvironment(): Environment {
  return new Environment({
    unlistedVariablesAreDyn: true,
    enableOptionalTypes: true,
    homogeneousAggregateLiterals: false,
    limits: { maxAstNodes: 2000, maxDepth: 64, maxListElements: 200, maxMapEntries: 200, maxCallArguments: 8 },
  })
    .registerFunction('days_since(dyn): int', (d: unknown) => daysBetween(d, clockMs), {
      description: 'Whole days from a YYYY-MM-DD date to today (negative when the date is in the future)',
    })
    .registerFunction('days_until(dyn): int', (d: unknown) => -daysBetween(d, clockMs), {
      description: 'Whole days from today to a YYYY-MM-DD date',
    })
    .registerFunction('is_date(dyn): bool', (d: unknown) => toTime(d) !== undefined, {
      description: 'True when the value is a YYYY-MM-DD date',
    })
    .registerFunction('missing(dyn, dyn): list', (a: unknown, b: unknown) => {
      const have = new Set(asList(b).map((x) => String(x).toLowerCase()));
      return asList(a).filter((x) => !have.has(String(x).toLowerCase()));
    }, { description: 'Items of the first list that the second list lacks (case-insensitive)' })
    .registerFunction('overlap(dyn, dyn): list', (a: unknown, b: unknown) => {
      const have = new Set(asList(b).map((x) => String(x).toLowerCase()));
      return asList(a).filter((x) => have.has(String(x).toLowerCase()));
    }, { description: 'Items of the first list that also appear in the second' })
    .registerFunction('join(dyn): string', (a: unknown) => asList(a).map(String).join(', '), {
      description: 'Join a list with commas',
    })
    .registerFunction('sentence(dyn): string', (a: unknown) => {
      const text = asList(a).map(String).filter((x) => x.trim() !== '').join(', ');
      return text.charAt(0).toUpperCase() + text.slice(1);
    }, { description: 'Join the non-empty strings of a list with commas and capitalise the first letter' })
    .registerFunction('iso3(dyn): string', (c: unknown) => (typeof c === 'string' ? (findCountry(c)?.alpha3 ?? c.trim().toUpperCase()) : ''), {
      description: 'The ISO 3166-1 alpha-3 code of an alpha-2 or alpha-3 country code (upper-cased as written when unknown; empty for null)',
    })
    .registerFunction('count(dyn): int', (a: unknown) => BigInt(asList(a).length), {
      description: 'Length of a list (0 for null)',
    });
}

let shared: Environment | undefined;
export function celEnvironment(): Environment {
  if (!shared) shared = createCelEnvironment();
  return shared;
}

/**
 * CEL distinguishes int from double and `==` does not mix them. Whole numbers become ints
 * (BigInt) so `retention_days == 0` and `count(x) > 2` read naturally; fractions stay doubles.
 * Plain objects and lists without whole numbers are returned as they are (the evaluator only
 * reads them); the rest are copied with their numbers converted.
 */
export function toCelValue(v: unknown, depth = 0, memo?: DerivedMemo<unknown>): unknown {
  if (depth > 64) return null;
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : v;
  if (v === null || typeof v !== 'object' || v instanceof Date) return v;
  if (memo) {
    const known = memo.get(v, undefined, depth);
    if (known !== undefined) return known;
  }
  const out = Array.isArray(v) ? convertList(v, depth, memo) : convertObject(v as Record<string, unknown>, depth, memo);
  return memo ? memo.set(v, undefined, depth, out) : out;
}

function convertList(v: unknown[], depth: number, memo: DerivedMemo<unknown> | undefined): unknown[] {
  let out: unknown[] | undefined;
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    const c = toCelValue(x, depth + 1, memo);
    if (c !== x) (out ??= v.slice())[i] = c;
  }
  return out ?? v;
}

function convertObject(v: Record<string, unknown>, depth: number, memo: DerivedMemo<unknown> | undefined): Record<string, unknown> {
  const proto = Object.getPrototypeOf(v) as unknown;
  const plain = proto === Object.prototype || proto === null;
  // A copy of a plain object keeps its shape; fields are then replaced in place.
  let out: Record<string, unknown> | undefined = plain ? undefined : {};
  for (const k of Object.keys(v)) {
    const x = v[k];
    const c = toCelValue(x, depth + 1, memo);
    if (c !== x) (out ??= { ...v })[k] = c;
    else if (!plain) out![k] = c;
  }
  return out ?? v;
}

/** Render a CEL result for a message. */
export function celToText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(celToText).join(', ');
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100);
  if (typeof v === 'object') return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? Number(x) : x));
  return String(v);
}

export type CelProgram = (context: Record<string, unknown>) => unknown;

/**
 * CEL's `matches()` runs the JavaScript regular-expression engine, which can backtrack for
 * exponential time on a hostile pattern. Checklists may come from a workspace, so regular
 * expressions are refused; startsWith, endsWith, contains and the list helpers cover the needs.
 */
const REGEX_CALL = /\bmatches\s*\(/;

/** The parts of cel-js's AST node this module reads (see serialize.js in the library). */
interface CelAst {
  op: string;
  args: unknown;
  start: number;
  end: number;
  input: string;
}

const isAst = (x: unknown): x is CelAst => typeof x === 'object' && x !== null && typeof (x as CelAst).op === 'string' && 'args' in x;

/** The syntax tree of each compiled program (for guards; see celGuard). */
const programAst = new WeakMap<CelProgram, CelAst>();
/** Programs compiled on first use: the compiled program behind each. */
const lazyPrograms = new WeakMap<CelProgram, () => CelProgram>();

/** The program a lazy one stands for (compiling it now), or the program itself. */
function realProgram(p: CelProgram): CelProgram {
  return lazyPrograms.get(p)?.() ?? p;
}

/**
 * A function that compiles itself on its first call; `registry` maps it to the compiled one
 * (so analyses of the program, e.g. programNames, can reach it).
 */
export function compileOnFirstUse<F extends (ctx: Record<string, unknown>) => unknown>(compile: () => F, registry: WeakMap<F, () => F>): F {
  let real: F | undefined;
  const get = (): F => (real ??= compile());
  const deferred = ((ctx: Record<string, unknown>) => get()(ctx)) as F;
  registry.set(deferred, get);
  return deferred;
}

/**
 * A program compiled on its first evaluation (built-in checklists: checked by the tests, so
 * start-up need not parse expressions that a document may never reach).
 */
export function compileCelLazily(expr: string): CelProgram {
  return compileOnFirstUse(() => compileCel(expr), lazyPrograms);
}

export function compileCel(expr: string): CelProgram {
  if (REGEX_CALL.test(expr)) {
    throw new Error('regular expressions (matches) are not allowed in checklists, because a pattern could stall the linter; use startsWith(), endsWith() or contains()');
  }
  const parsed = celEnvironment().parse(expr);
  // Type-check once: a checked program skips the per-evaluation type check (about 1.6x faster).
  // An expression that fails the static check still runs, checked at evaluation time instead.
  const checked = parsed.check() as { valid?: boolean } | undefined;
  const ast = parsed.ast as unknown as CelAst;
  // Shortcuts only for statically checked programs: an unchecked one is type-checked as a whole
  // at every evaluation, so it can fail where a direct read or a false conjunct would not.
  const valid = checked?.valid === true;
  const path = valid ? memberPath(ast) : undefined;
  const program: CelProgram = path ? (ctx) => readPath(ctx, path, parsed) : (ctx) => parsed(ctx);
  if (valid) programAst.set(program, ast);
  return program;
}

/** `a`, `a.b`, `a.b.c`: a variable and field selections only (most message placeholders). */
function memberPath(ast: CelAst): string[] | undefined {
  const path: string[] = [];
  let node: CelAst = ast;
  while (node.op === '.') {
    const [obj, field] = node.args as [unknown, unknown];
    if (!isAst(obj) || typeof field !== 'string') return undefined;
    path.unshift(field);
    node = obj;
  }
  if (node.op !== 'id' || typeof node.args !== 'string') return undefined;
  path.unshift(node.args);
  return path;
}

/**
 * A member path read directly when every step is an own field of a plain object holding a
 * defined value — the case where CEL gives exactly that value. Anything else (a missing key,
 * null, a list, a map) goes to the CEL program, so errors and conversions stay CEL's.
 */
function readPath(ctx: Record<string, unknown>, path: readonly string[], program: (ctx: Record<string, unknown>) => unknown): unknown {
  let v: unknown = ctx;
  for (let i = 0; i < path.length; i++) {
    if (v === null || typeof v !== 'object') return program(ctx);
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) return program(ctx);
    const k = path[i]!;
    if (!Object.prototype.hasOwnProperty.call(v, k)) return program(ctx);
    v = (v as Record<string, unknown>)[k];
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return program(ctx);
  }
  return v;
}

/**
 * The context names a compiled program reads (its free identifiers, plus comprehension
 * variables, which are harmless extras), or undefined when the program was not statically
 * checked and so cannot be analysed.
 */
export function programNames(program: CelProgram): Set<string> | undefined {
  const ast = programAst.get(realProgram(program));
  if (!ast) return undefined;
  const ids = new Set<string>();
  collectIds(ast, ids);
  return ids;
}

/** The functions and macros a compiled program calls (undefined when it cannot be analysed). */
export function programCalls(program: CelProgram): Set<string> | undefined {
  const ast = programAst.get(realProgram(program));
  if (!ast) return undefined;
  const calls = new Set<string>();
  const walk = (n: unknown, depth: number): void => {
    if (depth > 200) return;
    if (Array.isArray(n)) {
      for (const x of n) walk(x, depth + 1);
      return;
    }
    if (isAst(n)) {
      if ((n.op === 'call' || n.op === 'rcall') && Array.isArray(n.args) && typeof n.args[0] === 'string') calls.add(n.args[0]);
      walk(n.args, depth + 1);
      return;
    }
    if (n && typeof n === 'object' && Object.getPrototypeOf(n) === Object.prototype) for (const x of Object.values(n)) walk(x, depth + 1);
  };
  walk(ast, 0);
  return calls;
}

/** Functions whose result depends on the clock (setCelClock). */
export const CLOCK_FUNCTIONS = ['days_since', 'days_until'];

function collectIds(node: unknown, out: Set<string>, depth = 0): void {
  if (depth > 200) return;
  if (Array.isArray(node)) {
    for (const x of node) collectIds(x, out, depth + 1);
    return;
  }
  if (!isAst(node)) {
    // Comprehension arguments are a plain object of nodes.
    if (node && typeof node === 'object' && Object.getPrototypeOf(node) === Object.prototype) for (const x of Object.values(node)) collectIds(x, out, depth + 1);
    return;
  }
  if (node.op === 'id' && typeof node.args === 'string') out.add(node.args);
  else collectIds(node.args, out, depth + 1);
}

function conjuncts(node: CelAst, out: CelAst[]): void {
  if (node.op === '&&' && Array.isArray(node.args) && node.args.length === 2 && isAst(node.args[0]) && isAst(node.args[1])) {
    conjuncts(node.args[0], out);
    conjuncts(node.args[1], out);
  } else out.push(node);
}

/**
 * The conjuncts of `program` (a chain of &&) that read none of `itemNames`, as one program.
 * In CEL, a chain of && is false as soon as any conjunct is false (even when another one
 * fails), so when this guard gives false the whole condition is false for every item and the
 * items need not be evaluated. Any other outcome says nothing: evaluate the full condition.
 * Undefined when no conjunct qualifies (or the program is not one compileCel made).
 */
export function celGuard(program: CelProgram, itemNames: readonly string[]): CelProgram | undefined {
  const ast = programAst.get(realProgram(program));
  if (!ast || ast.op !== '&&') return undefined;
  const parts: CelAst[] = [];
  conjuncts(ast, parts);
  const chosen: CelAst[] = [];
  for (const part of parts) {
    const ids = new Set<string>();
    collectIds(part, ids);
    if (!itemNames.some((n) => ids.has(n))) chosen.push(part);
  }
  if (chosen.length === 0) return undefined;
  try {
    const guard = compileCel(chosen.map((p) => `(${p.input.slice(p.start, p.end)})`).join(' && '));
    // Keep the guard only when the source texts parsed back to the very same conjuncts.
    const ast = programAst.get(guard);
    const again: CelAst[] = [];
    if (ast) conjuncts(ast, again);
    if (again.length !== chosen.length || again.some((a, i) => serialize(a as never) !== serialize(chosen[i] as never))) return undefined;
    return guard;
  } catch {
    return undefined;
  }
}
