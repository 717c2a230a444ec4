// The lint command's options: ONE table (parsing, validation and --help come from it) and
// one function that turns parsed values into typed LintOptions. To add an option, add a row
// to LINT_OPTIONS and a field to LintOptions / a line to toLintOptions.
import { SEVERITIES, type Severity } from '../../engine/types';
import { formatOptionHelp, parseOptions, type OptionSpec } from '../options';
import { FORMAT_NAMES } from '../reporters';

export const LINT_OPTIONS: OptionSpec[] = [
  { name: 'format', short: 'f', type: 'string', multiple: true, arg: '<name>', help: `Output format: ${FORMAT_NAMES.join(', ')} (default: stylish).\nRepeat for several outputs in one run.`, choices: FORMAT_NAMES },
  { name: 'fail-on', type: 'string', arg: '<severity>', help: `Lowest severity that fails the run: ${SEVERITIES.join(', ')} (default: high)`, choices: SEVERITIES },
  { name: 'color', type: 'boolean', help: 'Force colour on (default: on when stdout is a terminal and NO_COLOR is unset)' },
  { name: 'no-color', type: 'boolean', help: 'Force colour off' },
  { name: 'help', short: 'h', type: 'boolean', help: 'Show this help' },
  { name: 'version', short: 'v', type: 'boolean', help: 'Show the version' },
];

export interface OutputTarget {
  format: (typeof FORMAT_NAMES)[number];
  /** File to write; undefined = stdout. */
  path?: string;
}

export interface LintOptions {
  patterns: string[];
  outputs: OutputTarget[];
  failOn: Severity;
  color: boolean | undefined;
  help: boolean;
  version: boolean;
}

export function parseLintOptions(argv: string[]): LintOptions {
  const { values: v, positionals } = parseOptions(argv, LINT_OPTIONS, 'lint');
  const formats = (v['format'] as string[] | undefined) ?? ['stylish'];
  return {
    patterns: positionals,
    outputs: formats.map((f) => ({ format: f as OutputTarget['format'] })),
    failOn: ((v['fail-on'] as string | undefined) ?? 'high') as Severity,
    color: v['no-color'] ? false : v['color'] ? true : undefined,
    help: !!v['help'],
    version: !!v['version'],
  };
}

/** Help of the lint command; the top-level help passes the command list in. */
export function lintHelp(commandList?: string): string {
  const commands = commandList ? `\nCommands (fcs-lint <command> --help for each):\n${commandList}\n` : '';
  return `Usage: fcs-lint [lint] [options] <files, folders or globs…>
       fcs-lint <command> [options]

Checks product specs (*.fcs.yaml) for risks in fragile and conflict-affected settings (FCS)
against the built-in FCS checklist, and prints each finding with its due-diligence questions.
${commands}
Options:
${formatOptionHelp(LINT_OPTIONS)}

Exit codes:
  0  no finding at or above the --fail-on severity
  1  at least one finding at or above the --fail-on severity
  2  usage error or tool error (bad option, missing path, unreadable file)

Examples:
  fcs-lint examples/
  fcs-lint "specs/**/*.fcs.yaml" --format json > findings.json
  fcs-lint feature.fcs.yaml --fail-on blocker
`;
}
