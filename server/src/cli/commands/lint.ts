// `fcs-lint lint` (the default command): lint files and report findings.
import { runLint } from '../lint/runLint';
import type { Command } from './index';

export const lintCommand: Command = {
  name: 'lint',
  summary: 'Check specs and report findings (files, folders, globs, --stdin)',
  run: runLint,
};
