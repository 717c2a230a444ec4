// The wire contract between the fcs-lint client and server: command ids, custom requests and
// notifications, initialization options. Imported by both sides (one source of truth).

export const COMMANDS = {
  /** Open a rule's documentation page: arguments [ruleId]. */
  showDocumentation: 'fcsLint.showDocumentation',
  /** Insert a snippet edit the client could not take as a workspace edit: arguments [SnippetEditArgs]. */
  applySnippet: 'fcsLint.applySnippet',
  /** The guided assessment (built by the Assess-feature module): arguments [uri]. */
  assessFeature: 'fcsLint.assessFeature',
  /** Reveal the Problems view filtered to fcs-lint findings. */
  showFindings: 'fcsLint.showFindings',
  lintWorkspace: 'fcsLint.lintWorkspace',
  restartServer: 'fcsLint.restartServer',
  showOutput: 'fcsLint.showOutput',
} as const;

export const FIX_ALL_KIND = 'source.fixAll.fcsLint';

export interface SnippetEditArgs {
  uri: string;
  version: number;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  snippet: string;
}

export interface InitializationOptions {
  /** The client applies `fcsLint.applySnippet` commands (VS Code client). */
  snippetCommand?: boolean;
  /** The client implements `fcsLint.showDocumentation` itself (otherwise the server does, via window/showDocument). */
  clientShowsDocumentation?: boolean;
  /** Workspace trust: untrusted workspaces load no npm checklist packages. */
  trusted?: boolean;
  /** Workspace folders (multi-root): configuration is resolved per folder. */
  workspaceFolders?: { uri: string; name: string }[];
}

/** Client → server: the workspace trust changed. */
export const TRUST_NOTIFICATION = 'fcsLint/trust';
export interface TrustParams {
  trusted: boolean;
}

/** Server → client, after each lint: counts for the language status item. */
export const STATUS_NOTIFICATION = 'fcsLint/status';
export interface StatusParams {
  uri: string;
  /** The document version the lint read (a document may be linted again at the same version, e.g. when another file changes the workspace index). */
  version: number;
  counts: Record<string, number>;
  open: number;
  durationMs: number;
  /** ISO time of the lint. */
  at: string;
  /** True when the lint re-used the previous version's syntax tree (an edit inside one value). */
  incremental?: boolean;
}

/** Client → server: lint these files (not open in the editor) and publish their findings. */
export const LINT_FILES_REQUEST = 'fcsLint/lintFiles';
export interface LintFilesParams {
  uris: string[];
}
export interface LintFilesResult {
  files: number;
  findings: number;
  failed: string[];
}
