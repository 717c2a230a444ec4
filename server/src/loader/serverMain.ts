// The language server's entry (the extension starts this): dist/server.js through the code
// cache (see codeCache.ts), written a few seconds after start, when the first lint has run.
import * as path from 'node:path';
import { runWithCodeCache } from './codeCache';

runWithCodeCache(path.join(__dirname, 'server.js'), { writeAfterMs: 5000 });
