// The only way config resolution touches files. The CLI passes a Node fs-backed access, the
// language server one that prefers open editor buffers, tests an in-memory map. Nothing is
// ever executed: files are read as text.

export interface FileAccess {
  /** The file's text, or undefined when it does not exist or cannot be read. */
  readFile(path: string): string | undefined;
  exists(path: string): boolean;
}

/** An in-memory FileAccess (tests, browser worker). Keys are absolute POSIX paths. */
export function memoryFiles(files: Record<string, string>): FileAccess {
  const dirs = new Set<string>();
  for (const f of Object.keys(files)) {
    let d = f;
    while (d.lastIndexOf('/') > 0) {
      d = d.slice(0, d.lastIndexOf('/'));
      dirs.add(d);
    }
  }
  return {
    readFile: (p) => files[p],
    exists: (p) => p in files || dirs.has(p),
  };
}
