// FileAccess backed by the local file system (CLI). Reads text only; never executes anything.
import * as fs from 'node:fs';
import type { FileAccess } from '../../engine/config/fileAccess';

export const nodeFiles: FileAccess = {
  readFile(p) {
    try {
      return fs.readFileSync(p, 'utf8');
    } catch {
      return undefined;
    }
  },
  exists(p) {
    return fs.existsSync(p);
  },
};
