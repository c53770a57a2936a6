/** Pure checks on what a caller sends to `ingestReport`; each problem is a sentence naming it. */

/** Characters of a binary file read as text: C0 controls other than tab, newline, form feed, carriage return. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f]/gu;

export const MAX_TEXT_CHARS = 5_000_000;

/** Why this text cannot be a report, or null when it can. */
export function textProblem(text: string): string | null {
  if (text.trim() === '') return '`text` is empty';
  if (text.length > MAX_TEXT_CHARS)
    return `\`text\` has ${text.length} characters; the most one report may have is ${MAX_TEXT_CHARS}`;
  if (text.includes('\u0000')) return '`text` contains NUL characters: it looks like a binary file, not text';
  const controls = text.match(CONTROL)?.length ?? 0;
  const replaced = text.match(/\uFFFD/gu)?.length ?? 0;
  if (controls + replaced > Math.max(3, text.length * 0.01))
    return '`text` is mostly control or undecodable characters: it looks like a binary file or the wrong encoding (send it as `file` to have the encoding detected)';
  return null;
}

/** Why this report id cannot be used, or null. Ids name sentences as `<report id>#<n>`, so no `#`. */
export function idProblem(id: string): string | null {
  if (id.trim() === '') return '`id` is empty';
  if (id.length > 200) return '`id` is longer than 200 characters';
  if (id.includes('#')) return '`id` may not contain `#` (sentence ids are `<report id>#<n>`)';
  if (id !== id.trim()) return '`id` may not start or end with spaces';
  return null;
}

/** A report id from a source name: its base name without extension, like the ids of ingested files. */
export function idFromSourceName(name: string): string {
  const base = name.split(/[\\/]/u).pop() ?? name;
  return base.replace(/\.[A-Za-z0-9]{1,5}$/u, '').trim();
}
