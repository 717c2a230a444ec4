// The command registry. To add a command, write one module exporting a `Command` and add one
// line to COMMANDS. `fcs-lint <name> …` runs it; anything else runs the default command
// (`lint`), so `fcs-lint specs/` and `fcs-lint lint specs/` are the same.
import type { CliIo } from '../io';
import { lintCommand } from './lint';
import { assessCommand } from './assess';
import { rulesCommand } from './rules';
import { contextsCommand } from './contexts';

export interface Command {
  /** The word after `fcs-lint`, e.g. `rules`. */
  name: string;
  /** One line for the command list in `fcs-lint --help`. */
  summary: string;
  /** Returns the exit code: 0 ok, 1 findings, 2 usage or tool error. Throw UsageError for bad input. */
  run(argv: string[], io: CliIo): number | Promise<number>;
}

export const COMMANDS: Command[] = [
  lintCommand,
  assessCommand,
  rulesCommand,
  contextsCommand,
];

export const DEFAULT_COMMAND = 'lint';

export function findCommand(name: string | undefined): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}

/** The "Commands:" block of the top-level help. */
export function formatCommandList(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}${c.name === DEFAULT_COMMAND ? ' (default)' : ''}`).join('\n');
}
