// Debounced, per-document validation that never publishes stale results: a run is keyed by the
// document version it read, and its result is dropped when the document moved on meanwhile.

export interface ValidationTarget {
  uri: string;
  version: number;
}

export class ValidationQueue {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly delayMs: number,
    private readonly run: (uri: string) => void,
  ) {}

  schedule(uri: string, delay = this.delayMs): void {
    this.cancel(uri);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.run(uri);
      }, delay),
    );
  }

  cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
