// The CLI's entry (bin/fcs-lint.js): dist/cli.js through the code cache (see codeCache.ts).
import * as path from 'node:path';
import { runWithCodeCache } from './codeCache';

runWithCodeCache(path.join(__dirname, 'cli.js'));
