/** Quote a value for a message, shortened so a huge value cannot flood the output. */
export function quote(v: unknown, max = 60): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
  const short = s.length > max ? s.slice(0, max - 1) + '…' : s;
  return `'${short}'`;
}

/** "a, b and c" (or "a, b, … (N more)") for messages. */
export function listWords(items: readonly string[], max = 12): string {
  const shown = items.slice(0, max);
  const more = items.length - shown.length;
  if (more > 0) return `${shown.join(', ')}, … (${more} more)`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
