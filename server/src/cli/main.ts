// fcs-lint command line: picks the command from the registry (default: lint), runs it, and
// maps errors to exit codes. Exit codes: 0 clean, 1 findings at/above the gate, 2 usage or
// tool error.
import { isMainThread } from 'node:worker_threads';
import { COMMANDS, DEFAULT_COMMAND, findCommand, formatCommandList } from './commands';
import { EXIT, VERSION, type CliIo } from './io';
import { UsageError } from './options';
import { lintHelp } from './lint/options';

export async function run(argv: string[], io: CliIo): Promise<number> {
  const explicit = findCommand(argv[0]);
  const command = explicit ?? findCommand(DEFAULT_COMMAND)!;
  const args = explicit ? argv.slice(1) : argv;
  if (!explicit && (argv.includes('--help') || argv.includes('-h'))) {
    io.stdout(lintHelp(formatCommandList()));
    return EXIT.ok;
  }
  if (!explicit && (argv.includes('--version') || argv.includes('-v'))) {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`fcs-lint${explicit ? ` ${command.name}` : ''}: ${e.message}\n`);
      return EXIT.usage;
    }
    throw e;
  }
}

export { COMMANDS };

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

// In a lint worker thread (lint/parallel.ts) this same bundle is loaded to run the engine only.
// bin/fcs-lint.js starts it through dist/cliMain.js, which runs it as the main module.
if (isMainThread && require.main === module) {
  const io: CliIo = {
    cwd: process.cwd(),
    env: process.env,
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTTY: !!process.stdout.isTTY,
    stderrIsTTY: !!process.stderr.isTTY,
    readStdin,
  };
  run(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`fcs-lint: internal error: ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = EXIT.usage;
    },
  );
}
