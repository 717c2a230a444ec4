// Per-document validation with low latency and no stale results. A change schedules a run on the
// next turn of the event loop (after every message already received has been applied), and
// further changes before that run coalesce into it: while a long lint blocks the loop, the
// keystrokes that arrive meanwhile are linted together, once. A run reads the document's current
// version, and the caller drops its result if the document moved on.

type Pending = { immediate: NodeJS.Immediate } | { timeout: NodeJS.Timeout };

export class ValidationQueue {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly run: (uri: string) => void) {}

  /** Run soon (next turn, or after `delayMs`); a run already pending for the uri absorbs this one. */
  schedule(uri: string, delayMs = 0): void {
    if (this.pending.has(uri)) return;
    const fire = () => {
      this.pending.delete(uri);
      this.run(uri);
    };
    this.pending.set(uri, delayMs > 0 ? { timeout: setTimeout(fire, delayMs) } : { immediate: setImmediate(fire) });
  }

  cancel(uri: string): void {
    const p = this.pending.get(uri);
    if (p) clear(p);
    this.pending.delete(uri);
  }

  dispose(): void {
    for (const p of this.pending.values()) clear(p);
    this.pending.clear();
  }
}

function clear(p: Pending): void {
  if ('immediate' in p) clearImmediate(p.immediate);
  else clearTimeout(p.timeout);
}
