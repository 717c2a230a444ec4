import pkg from '../../../package.json';
// What a command may touch of the outside world. main.ts wires it to the process; nothing
// under cli/ reads process.* directly, so commands stay testable and composable.
export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** stdout is a terminal (colour by default). */
  isTTY: boolean;
  /** stderr is a terminal (progress by default). */
  stderrIsTTY: boolean;
  /** Reads all of standard input as UTF-8. */
  readStdin: () => Promise<string>;
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** The package version, from package.json (bundled into dist/cli.js at build time). */
export const VERSION: string = pkg.version;
/** The repository web address from package.json, without a trailing .git. */
export const REPOSITORY_URL: string = String(pkg.repository?.url ?? '').replace(/^git\+/, '').replace(/\.git$/, '');
