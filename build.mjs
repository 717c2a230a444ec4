// Build: embed the built-in checklists, precompile the JSON Schemas, then bundle client, server and CLI with esbuild.
// `node build.mjs --watch` rebuilds on change. `node build.mjs --bench` builds only what the bench
// measures (bench/engine.ts and bench/parsers.ts → bench/.build/), with the same options as the bundles.
import esbuild from 'esbuild';
import { mdastReuseContext } from './tools/esbuild-plugins.mjs';
import { generateBuiltins } from './tools/gen-builtins.mjs';
import { generateValidators } from './tools/gen-validators.mjs';

const watch = process.argv.includes('--watch');
generateBuiltins();
generateValidators();

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'linked',
  // ESM dependencies read import.meta.url; give the CommonJS bundle a real one.
  define: { 'import.meta.url': '__fcsImportMetaUrl' },
  banner: { js: "var __fcsImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
  // yaml's ES module build: the same code as its CommonJS build, minus a `process.env.LOG_TOKENS`
  // read on every token the parser takes (about 170 ns each, a C++ call; a spec parses about 25%
  // faster without it). The tests run the sources through tsx and take the CommonJS build
  // (test/cli/bundle.test.ts checks the bundles).
  alias: { yaml: './node_modules/yaml/browser/index.js' },
  // mdast-util-from-markdown without a copy of its context per event (tools/esbuild-plugins.mjs).
  plugins: [mdastReuseContext],
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // FCS: Assess feature carries the engine (report builder); it is loaded on first use, so
  // activating the extension stays light.
  { entryPoints: ['client/src/assess/index.ts'], outfile: 'dist/assess.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' },
  // Entries that start the two bundles above through V8's code cache (server/src/loader).
  { entryPoints: ['server/src/loader/serverMain.ts'], outfile: 'dist/serverMain.js' },
  { entryPoints: ['server/src/loader/cliMain.ts'], outfile: 'dist/cliMain.js' },
];

// The bench measures the engine as the bundles ship it (this file's options), not the sources.
const benchEntries = [
  { entryPoints: ['bench/engine.ts'], outfile: 'bench/.build/engine.js', sourcemap: false, legalComments: 'none' },
  // The parsers alone, for the process that only parses (bench/parse-only.cjs).
  { entryPoints: ['bench/parsers.ts'], outfile: 'bench/.build/parsers.js', sourcemap: false, legalComments: 'none' },
];

const t0 = Date.now();
if (process.argv.includes('--bench')) {
  await Promise.all(benchEntries.map((e) => esbuild.build({ ...common, ...e })));
  console.log(`built ${benchEntries.map((e) => e.outfile).join(', ')} in ${Date.now() - t0} ms`);
} else if (watch) {
  for (const e of entries) await (await esbuild.context({ ...common, ...e })).watch();
  console.log('watching…');
} else {
  await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
  console.log(`built ${entries.map((e) => e.outfile).join(', ')} in ${Date.now() - t0} ms`);
}
