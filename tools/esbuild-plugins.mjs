// esbuild plugins for the bundles (build.mjs) and the bench's engine bundle (node build.mjs --bench).
import fs from 'node:fs';

/**
 * mdast-util-from-markdown calls every event handler on a fresh copy of its compile context,
 * `{ ...context, sliceSerialize }`: one object of nine properties per micromark event, the
 * hottest line of a cold PRD run (about 10% of a fresh CLI process on 500 PRDs, measured with
 * the two bundles run in turn). The handlers only read the copy, and read it while they run (they
 * change the tree through `this.stack` and `this.data`, objects the copy shares with the
 * context), so setting `context.sliceSerialize` and passing the context itself gives the same
 * tree. test/unit/markdown/reuseContext.test.ts checks that on random and real Markdown.
 *
 * The rewrite must find each of the three copies, or the build fails: a new version of the
 * library is then read again before the rewrite is adapted or dropped.
 */
const MDAST_FILE = /[\\/]mdast-util-from-markdown[\\/]lib[\\/]index\.js$/;
const COPY = /\{\s*\.\.\.context,\s*sliceSerialize: events\[index\]\[2\]\.sliceSerialize\s*\}/g;
const EXPECTED_COPIES = 3;

/** The library's source with the context reused; an error message when it is not the source this was written for. */
export function reuseMdastContext(source) {
  const found = source.match(COPY)?.length ?? 0;
  if (found !== EXPECTED_COPIES) {
    return { error: `mdast-util-from-markdown: expected ${EXPECTED_COPIES} copies of the compile context, found ${found}. The library changed; read its compile() again and adapt or drop the rewrite in tools/esbuild-plugins.mjs.` };
  }
  return { contents: source.replace(COPY, '(context.sliceSerialize = events[index][2].sliceSerialize, context)') };
}

export const mdastReuseContext = {
  name: 'mdast-reuse-context',
  setup(build) {
    build.onLoad({ filter: MDAST_FILE }, async (args) => {
      const r = reuseMdastContext(await fs.promises.readFile(args.path, 'utf8'));
      return r.error ? { errors: [{ text: r.error }] } : { contents: r.contents, loader: 'js' };
    });
  },
};
