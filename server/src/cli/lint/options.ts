// The lint command's options: ONE table (parsing, validation and --help come from it) and
// one function that turns parsed values into typed LintOptions. To add an option, add a row
// to LINT_OPTIONS, a field to LintOptions and a line to toLintOptions.
import { LIFECYCLE_STAGES, SEVERITIES, type LifecycleStage, type Severity } from '../../engine/types';
import { REPOSITORY_URL } from '../io';
import { formatOptionHelp, intOption, parseOptions, UsageError, type OptionSpec, type ParsedOptions } from '../options';
import { FORMAT_NAMES, REPORTERS } from '../reporters';
import { pairOutputs, type OutputTarget } from './outputs';

export const LINT_OPTIONS: OptionSpec[] = [
  { name: 'format', short: 'f', type: 'string', multiple: true, arg: '<name>', help: `Output format: ${FORMAT_NAMES.join(', ')} (default: stylish;\nsee Formats). Repeat for several outputs in one run`, choices: FORMAT_NAMES },
  { name: 'output', short: 'o', type: 'string', multiple: true, arg: '<path>', help: 'Write the output of the -f just before it to <path> (atomically)\ninstead of stdout; see Outputs' },
  { name: 'fail-on', type: 'string', arg: '<severity>', help: `Lowest severity that fails the run (default: high):\n${SEVERITIES.join(', ')}`, choices: SEVERITIES },
  { name: 'max-warnings', type: 'string', arg: '<n>', help: 'Also fail when there are more than <n> warnings (medium findings)' },
  { name: 'stage', type: 'string', arg: '<stage>', help: `Evaluate as if every feature were moving into this lifecycle stage:\n${LIFECYCLE_STAGES.join(', ')}`, choices: LIFECYCLE_STAGES },
  { name: 'changed-since', type: 'string', arg: '<ref>', help: 'Only lint files changed since the git ref (committed, staged,\nunstaged or untracked); the paths default to "."' },
  { name: 'stdin', type: 'boolean', help: 'Lint text read from standard input instead of files' },
  { name: 'stdin-filename', type: 'string', arg: '<path>', help: 'The path to report for --stdin (default: stdin.fcs.yaml)' },
  { name: 'no-ignore', type: 'boolean', help: 'Do not read .fcs-lintignore and .gitignore' },
  { name: 'config', type: 'string', arg: '<file>', help: 'Use this configuration file instead of looking for .fcs-lint.yaml\nfrom each file\'s folder upwards' },
  { name: 'no-config', type: 'boolean', help: 'Ignore every .fcs-lint.yaml: the built-in checklist as it is' },
  { name: 'no-inline-suppressions', type: 'boolean', help: 'Audit: report findings that fcs-lint-disable-next-line comments\nsuppress, marked as suppressed with their reason' },
  { name: 'baseline', type: 'string', arg: '<file>', help: 'Only report findings that are not in this baseline' },
  { name: 'write-baseline', type: 'string', arg: '<file>', help: 'Record every current finding in <file> (atomically) and exit 0' },
  { name: 'docs-base-url', type: 'string', arg: '<url>', help: 'Where rule pages live, for links in SARIF and Markdown\n(default: <repository>/blob/main/docs/rules/)' },
  { name: 'threads', type: 'string', arg: '<n>', help: 'Lint with up to <n> threads (default: one per core, at most 4, for\nruns of 600+ files without flag files); 1 = no worker threads' },
  { name: 'color', type: 'boolean', help: 'Force colour on (default: on when stdout is a terminal\nand NO_COLOR is unset)' },
  { name: 'no-color', type: 'boolean', help: 'Force colour off' },
  { name: 'progress', type: 'boolean', help: 'Force progress (files done / total) on stderr\n(default: on when stderr is a terminal)' },
  { name: 'no-progress', type: 'boolean', help: 'Never show progress' },
  { name: 'help', short: 'h', type: 'boolean', help: 'Show this help' },
  { name: 'version', short: 'v', type: 'boolean', help: 'Show the version' },
];

export interface LintOptions {
  patterns: string[];
  outputs: OutputTarget[];
  failOn: Severity;
  maxWarnings?: number;
  stage?: LifecycleStage;
  changedSince?: string;
  stdin: boolean;
  stdinFilename: string;
  useIgnoreFiles: boolean;
  configFile?: string;
  noConfig: boolean;
  inlineSuppressions: 'apply' | 'audit';
  baseline?: string;
  writeBaseline?: string;
  docsBaseUrl?: string;
  /** --threads: how many threads to lint with (undefined: decided by the run's size and the cores). */
  threads?: number;
  color: boolean | undefined;
  progress: boolean | undefined;
  help: boolean;
  version: boolean;
}

/** The default rule-page base: the package's repository + /blob/main/docs/rules/. */
export const DEFAULT_DOCS_BASE_URL: string | undefined = /^https?:\/\//.test(REPOSITORY_URL) ? `${REPOSITORY_URL}/blob/main/docs/rules/` : undefined;

function docsBase(value: string | undefined): string | undefined {
  if (value === undefined) return DEFAULT_DOCS_BASE_URL;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--docs-base-url expects an absolute http(s) URL such as https://example.org/fcs-lint/docs/rules/, got '${value}'.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`--docs-base-url expects an http(s) URL, got '${value}'.`);
  return value.endsWith('/') ? value : `${value}/`;
}

function str(v: ParsedOptions['values'][string]): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function toLintOptions(parsed: ParsedOptions): LintOptions {
  const v = parsed.values;
  if (v['color'] && v['no-color']) throw new UsageError('--color and --no-color cannot be used together.');
  if (v['progress'] && v['no-progress']) throw new UsageError('--progress and --no-progress cannot be used together.');
  const stdin = !!v['stdin'];
  if (!stdin && v['stdin-filename'] !== undefined) throw new UsageError('--stdin-filename needs --stdin.');
  if (stdin && parsed.positionals.length > 0) throw new UsageError(`--stdin reads standard input; do not also give files (got '${parsed.positionals[0]}').`);
  if (stdin && v['changed-since'] !== undefined) throw new UsageError('--stdin and --changed-since cannot be used together.');
  return {
    patterns: parsed.positionals,
    outputs: pairOutputs(parsed.order),
    failOn: (str(v['fail-on']) ?? 'high') as Severity,
    maxWarnings: intOption(v['max-warnings'], 'max-warnings'),
    stage: str(v['stage']) as LifecycleStage | undefined,
    changedSince: str(v['changed-since']),
    stdin,
    stdinFilename: str(v['stdin-filename']) ?? 'stdin.fcs.yaml',
    useIgnoreFiles: !v['no-ignore'],
    configFile: str(v['config']),
    noConfig: !!v['no-config'] && (v['config'] === undefined || usage('--config and --no-config cannot be used together.')),
    inlineSuppressions: v['no-inline-suppressions'] ? 'audit' : 'apply',
    baseline: str(v['baseline']),
    writeBaseline: str(v['write-baseline']),
    docsBaseUrl: docsBase(str(v['docs-base-url'])),
    threads: threadsOption(v['threads']),
    color: v['no-color'] ? false : v['color'] ? true : undefined,
    progress: v['no-progress'] ? false : v['progress'] ? true : undefined,
    help: !!v['help'],
    version: !!v['version'],
  };
}

function threadsOption(value: ParsedOptions['values'][string]): number | undefined {
  const n = intOption(value, 'threads');
  if (n === 0) throw new UsageError("--threads expects a whole number ≥ 1, got '0'.");
  return n;
}

function usage(message: string): never {
  throw new UsageError(message);
}

export function parseLintOptions(argv: string[]): LintOptions {
  return toLintOptions(parseOptions(argv, LINT_OPTIONS, 'lint'));
}

/** Help of the lint command; the top-level help passes the command list in. */
export function lintHelp(commandList?: string): string {
  const commands = commandList ? `\nCommands (fcs-lint <command> --help for each):\n${commandList}\n` : '';
  const width = Math.max(...REPORTERS.map((r) => r.name.length)) + 2;
  return `Usage: fcs-lint [lint] [options] [files, folders or globs…]
       fcs-lint <command> [options]

Checks product specs (*.fcs.yaml) for risks in fragile and conflict-affected settings (FCS)
against the built-in FCS checklist, and prints each finding with its due-diligence questions.
Folders are searched for *.fcs.yaml; .fcs-lintignore and .gitignore in the current directory
(gitignore syntax) exclude paths; node_modules and .git are always skipped.
${commands}
Options:
${formatOptionHelp(LINT_OPTIONS)}

Formats:
${REPORTERS.map((r) => `  ${r.name.padEnd(width)}${r.summary}`).join('\n')}

Outputs:
  Each -o <path> belongs to the -f just before it; a -f without -o writes to stdout, and
  at most one format may go to stdout. A lone -o without any -f writes stylish to <path>.
  fcs-lint specs/ -f stylish -f sarif -o fcs.sarif -f junit -o fcs.xml

Exit codes:
  0  no finding at or above --fail-on and at most --max-warnings warnings
  1  a finding at or above --fail-on (default high), or more than --max-warnings
     warnings (a warning is a medium finding)
  2  usage error or tool error: bad option or value, missing path, unreadable file,
     unwritable output, --changed-since outside a git repository or with an unknown ref

Examples:
  fcs-lint examples/
  fcs-lint "specs/**/*.fcs.yaml" -f json > findings.json
  fcs-lint specs/ --stage deployment --fail-on blocker
  fcs-lint specs/ --max-warnings 0
  fcs-lint --changed-since origin/main -f github -f sarif -o fcs.sarif
  cat feature.fcs.yaml | fcs-lint --stdin --stdin-filename specs/feature.fcs.yaml
`;
}

/** Whether the run reads or writes a baseline (the only reader of findings' fingerprints). */
export function usesBaseline(opts: LintOptions): boolean {
  return opts.baseline !== undefined || opts.writeBaseline !== undefined;
}
