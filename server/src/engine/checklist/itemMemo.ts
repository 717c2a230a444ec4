// Remembered results of per-item rules. While someone types in a spec with a thousand data
// items, one item changes per keystroke; the other 999 give the same result as last time. A
// rule's result is remembered only when everything it reads is known — its item, the facts, the
// options, and the clock when it calls days_since/days_until — and never when it reads the whole
// spec or the item's position, so a remembered result is always the one evaluation would give.
import { CLOCK_FUNCTIONS, programCalls, programNames, type CelProgram } from './cel';
import type { CompiledRule } from './loadChecklist';
import { templateNames, templatePrograms } from './template';
import type { Pointer, Severity } from '../types';

export type ItemOutcome =
  | { kind: 'none' }
  | { kind: 'error'; message: string }
  /** Pointers: absolute, or `{rel}` under the item's own pointer. */
  | { kind: 'hit'; severity: Severity; message: string; pointers: (Pointer | { rel: string })[] };

/** Remembered results per rule at most; past it the memo starts again (bounded memory). */
const MAX_ENTRIES = 8192;
/** Context names whose value is the same for every item of an evaluation and is not in the key. */
const UNKEYED = ['spec', 'index'];

export class ItemMemo {
  private static byRule = new WeakMap<CompiledRule, ItemMemo | null>();

  /** Forget every remembered result (tests compare against evaluation from scratch). */
  static reset(): void {
    ItemMemo.byRule = new WeakMap();
  }
  /** Results for one context (facts, options, clock): a new context starts afresh. */
  private context: string | undefined;
  private readonly entries = new Map<string, ItemOutcome>();

  /** Use the results remembered for this context (forgetting those of any other). */
  useContext(context: string): void {
    if (context === this.context) return;
    this.context = context;
    this.entries.clear();
  }

  /** The memo for a rule over a collection, or undefined when its results cannot be remembered safely. */
  static for(rule: CompiledRule): ItemMemo | undefined {
    let m = ItemMemo.byRule.get(rule);
    if (m === undefined) {
      m = rememberable(rule) ? new ItemMemo(readsClock(rule)) : null;
      ItemMemo.byRule.set(rule, m);
    }
    return m ?? undefined;
  }

  /** `readsClock`: the context key must hold the clock (else it leaves it out: the server's clock moves on every lint). */
  private constructor(readonly readsClock: boolean) {}

  get(key: string): ItemOutcome | undefined {
    return this.entries.get(key);
  }

  set(key: string, outcome: ItemOutcome): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, outcome);
  }
}

/** Every compiled expression of a rule (condition, escalations, place tests). */
function programsOf(rule: CompiledRule): CelProgram[] {
  return [rule.when, ...rule.escalate.map((e) => e.test), ...rule.at.flatMap((a) => (a.test ? [a.test] : []))];
}

function readsClock(rule: CompiledRule): boolean {
  const calls = [...programsOf(rule).map(programCalls), ...templatePrograms(rule.message).map(programCalls)];
  return calls.some((c) => !c || CLOCK_FUNCTIONS.some((f) => c.has(f)));
}

/** True when every expression of the rule was analysed and none reads the spec or the item's index. */
export function rememberable(rule: CompiledRule): boolean {
  const sets = [...programsOf(rule).map(programNames), templateNames(rule.message)];
  const names = new Set<string>();
  for (const s of sets) {
    if (!s) return false;
    for (const n of s) names.add(n);
  }
  // `$name.path` places read a context value by name.
  for (const a of rule.at) if (a.pointer.startsWith('$')) names.add(a.pointer.slice(1).split('.')[0] ?? '');
  return !UNKEYED.some((n) => names.has(n));
}
