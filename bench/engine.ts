// What the bench times in its own process, bundled by `node build.mjs --bench` with the options
// the shipped bundles are built with (bench/.build/engine.js): the lint, and the parse floor (the
// same parsers, no rules). Timing the bundle rather than the sources keeps the bench on the
// product's code: the yaml build the bundles alias to and the build's rewrite of
// mdast-util-from-markdown (build.mjs).
export { createLintEnvironment, lintDocument } from '../server/src/engine/lint';
export { parseFloor } from './parsers';
