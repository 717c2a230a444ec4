#!/usr/bin/env node
'use strict';
// dist/cli.js, through V8's code cache (server/src/loader/codeCache.ts; FCS_LINT_CODE_CACHE=0 turns it off).
require('../dist/cliMain.js');
