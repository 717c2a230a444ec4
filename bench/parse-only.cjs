// The floor for the peer comparison: a fresh process that reads the files it is given and parses
// them with the shipped parsers (bench/.build/parsers.js), and does nothing else — no rules, no
// output. A linter built on these parsers cannot finish the same files faster than this.
'use strict';
const fs = require('node:fs');
const { parseFloor } = require('./.build/parsers.js');

for (const file of process.argv.slice(2)) parseFloor(file, fs.readFileSync(file, 'utf8'));
