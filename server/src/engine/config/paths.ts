// Minimal POSIX-style path helpers, so config resolution stays free of Node APIs (the engine
// must run in a browser worker too). Callers pass absolute paths with forward slashes;
// Windows paths are normalised with toPosix first (C:\a\b -> C:/a/b).

export function toPosix(p: string): string {
  return p.replace(/\\/g, '/');
}

export function normalize(p: string): string {
  const abs = p.startsWith('/');
  const out: string[] = [];
  for (const part of toPosix(p).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!abs) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  return abs ? '/' + joined : joined || '.';
}

export function dirname(p: string): string {
  const n = normalize(p);
  const i = n.lastIndexOf('/');
  if (i < 0) return '.';
  if (i === 0) return '/';
  return n.slice(0, i);
}

export function basename(p: string): string {
  const n = normalize(p);
  return n.slice(n.lastIndexOf('/') + 1);
}

export function isAbsolute(p: string): boolean {
  return toPosix(p).startsWith('/') || /^[A-Za-z]:\//.test(toPosix(p));
}

export function join(...parts: string[]): string {
  return normalize(parts.filter((x) => x !== '').join('/'));
}

export function resolve(base: string, p: string): string {
  return isAbsolute(p) ? normalize(p) : join(base, p);
}

/** `to` relative to the folder `from` ("a/b.yaml"); ../ when it lies outside. */
export function relative(from: string, to: string): string {
  const a = normalize(from).split('/').filter(Boolean);
  const b = normalize(to).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/') || '.';
}

/** True when `child` is `parent` or lies inside it. */
export function isInside(parent: string, child: string): boolean {
  const p = normalize(parent);
  const c = normalize(child);
  return c === p || c.startsWith(p.endsWith('/') ? p : p + '/');
}

/** The folder and its ancestors, nearest first. */
export function ancestors(dir: string): string[] {
  const out: string[] = [];
  let d = normalize(dir);
  for (;;) {
    out.push(d);
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  return out;
}
