// A minimal LSP client over stdio for protocol tests: starts the real bundled server process.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

/** The server as the extension starts it: dist/server.js through the code cache (dist/serverMain.js). */
export const SERVER = path.join(__dirname, '..', '..', 'dist', 'serverMain.js');

export interface ClientOptions {
  /** Extra client capabilities merged into the defaults. */
  capabilities?: Record<string, unknown>;
  initializationOptions?: Record<string, unknown>;
  /** A workspace folder (file: URI) the server indexes for cross-file checks. */
  rootUri?: string;
}

export class LspTestClient {
  readonly proc: ChildProcess;
  /** Requests the server sent to the client (e.g. window/showDocument), in order. */
  readonly serverRequests: { method: string; params: unknown }[] = [];
  /** Notifications other than diagnostics (e.g. fcsLint/status). */
  readonly notifications: { method: string; params: unknown }[] = [];
  readonly conn: MessageConnection;
  private readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: { uri: string; pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  stderr = '';

  constructor() {
    this.proc = spawn(process.execPath, [...(process.env['FCS_BENCH_SERVER_ARGS'] ?? '').split(' ').filter(Boolean), SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      const list = this.published.get(p.uri) ?? [];
      list.push(p);
      this.published.set(p.uri, list);
      for (const w of [...this.waiters]) {
        if (w.uri === p.uri && w.pred(p)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(p);
        }
      }
    });
    this.conn.onRequest('workspace/configuration', () => [{ enable: true, run: 'onType' }]);
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('window/showDocument', (p: unknown) => {
      this.serverRequests.push({ method: 'window/showDocument', params: p });
      return { success: true };
    });
    this.conn.onNotification((method: string, params: unknown) => {
      if (method !== 'textDocument/publishDiagnostics') this.notifications.push({ method, params });
    });
    this.conn.listen();
  }

  async initialize(opts: ClientOptions = {}): Promise<unknown> {
    const base = { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } };
    const r = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: opts.rootUri ?? null,
      workspaceFolders: opts.rootUri ? [{ uri: opts.rootUri, name: 'ws' }] : null,
      capabilities: deepMerge(base, opts.capabilities ?? {}),
      initializationOptions: opts.initializationOptions,
    });
    await this.conn.sendNotification('initialized', {});
    return r;
  }

  open(uri: string, text: string, version = 1): void {
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
  }

  change(uri: string, version: number, changes: unknown[]): void {
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  /** The next diagnostics published for `uri` that satisfy `pred`. */
  diagnostics(uri: string, pred: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    const already = (this.published.get(uri) ?? []).find(pred);
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({ uri, pred, resolve: (p) => (clearTimeout(t), resolve(p)) });
    });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.conn.sendRequest(method, params) as Promise<T>;
  }

  clearPublished(uri: string): void {
    this.published.delete(uri);
  }

  async shutdown(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      void this.conn.sendNotification('exit');
    } catch {
      // the process may already be gone
    }
    this.conn.dispose();
    this.proc.kill();
  }
}

export function codes(ds: Diagnostic[]): string[] {
  return ds.map((d) => String(d.code)).sort();
}

function deepMerge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const cur = out[k];
    out[k] = cur && typeof cur === 'object' && v && typeof v === 'object' && !Array.isArray(v) ? deepMerge(cur as Record<string, unknown>, v as Record<string, unknown>) : v;
  }
  return out;
}
