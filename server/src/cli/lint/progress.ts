// Progress on stderr for long runs: "fcs-lint: 12/340 files", redrawn in place on a terminal
// (at most every 100 ms) and cleared at the end. Silent when stderr is not a terminal unless
// forced with --progress, which prints plain lines instead.
import type { CliIo } from '../io';

export interface Progress {
  tick(): void;
  done(): void;
}

const SILENT: Progress = { tick() {}, done() {} };

export function createProgress(io: CliIo, total: number, forced: boolean | undefined): Progress {
  const enabled = forced ?? (io.stderrIsTTY && total > 1);
  if (!enabled || total === 0) return SILENT;
  const inPlace = io.stderrIsTTY;
  let n = 0;
  let last = 0;
  const draw = () => {
    const text = `fcs-lint: ${n}/${total} files`;
    io.stderr(inPlace ? `\r${text}\x1b[K` : `${text}\n`);
  };
  return {
    tick() {
      n++;
      const now = Date.now();
      if (n === total || now - last >= 100) {
        last = now;
        draw();
      }
    },
    done() {
      if (inPlace) io.stderr('\r\x1b[K');
    },
  };
}
