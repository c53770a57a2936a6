/**
 * A string derived from an original text, with each UTF-16 unit remembering the
 * span of the original it came from. Every normalisation step maps a MappedText to
 * a MappedText, so evidence found in the clean text can always be shown as written.
 */
export interface MappedText {
  readonly text: string;
  /** starts[i], ends[i]: the original span that produced text[i]. */
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

export function fromOriginal(text: string): MappedText {
  const starts = new Array<number>(text.length);
  const ends = new Array<number>(text.length);
  for (let i = 0; i < text.length; i++) {
    starts[i] = i;
    ends[i] = i + 1;
  }
  return { text, starts, ends };
}

/** Original [start, end) for the clean span [start, end). */
export function originalSpan(m: MappedText, start: number, end: number): [number, number] {
  if (end <= start) {
    const at = start < m.starts.length ? m.starts[start]! : (m.ends[m.ends.length - 1] ?? 0);
    return [at, at];
  }
  let s = Infinity;
  let e = -Infinity;
  // Spans may be shared or reordered by replacements, so take the hull.
  for (let i = start; i < end; i++) {
    s = Math.min(s, m.starts[i]!);
    e = Math.max(e, m.ends[i]!);
  }
  return [s, e];
}

class Builder {
  text = '';
  starts: number[] = [];
  ends: number[] = [];

  copy(m: MappedText, from: number, to: number): void {
    if (to <= from) return;
    this.text += m.text.slice(from, to);
    for (let i = from; i < to; i++) {
      this.starts.push(m.starts[i]!);
      this.ends.push(m.ends[i]!);
    }
  }

  /** Emits `rep` for the source range [from, to) of m. */
  emit(m: MappedText, from: number, to: number, rep: string): void {
    if (rep.length === to - from) {
      // Same length: keep the character-to-character alignment.
      this.text += rep;
      for (let k = 0; k < rep.length; k++) {
        this.starts.push(m.starts[from + k]!);
        this.ends.push(m.ends[from + k]!);
      }
      return;
    }
    const [s, e] = originalSpan(m, from, to);
    this.text += rep;
    for (let k = 0; k < rep.length; k++) {
      this.starts.push(s);
      this.ends.push(e);
    }
  }

  build(): MappedText {
    return { text: this.text, starts: this.starts, ends: this.ends };
  }
}

/** Regex replacement that keeps the map. `re` must be global; empty matches are ignored. */
export function replaceMapped(m: MappedText, re: RegExp, replacer: (match: RegExpMatchArray) => string): MappedText {
  if (!re.global) throw new TypeError('replaceMapped needs a global RegExp');
  const b = new Builder();
  let last = 0;
  for (const match of m.text.matchAll(re)) {
    const i = match.index ?? 0;
    const len = match[0].length;
    if (len === 0) continue;
    b.copy(m, last, i);
    b.emit(m, i, i + len, replacer(match));
    last = i + len;
  }
  b.copy(m, last, m.text.length);
  return b.build();
}

/**
 * Applies `fn` per code point (surrogate pairs stay together); unchanged runs are copied whole. `keeps` may
 * name UTF-16 codes (never surrogates) that `fn` is known to leave alone, so they are not asked about.
 */
export function mapCodePoints(
  m: MappedText,
  fn: (cp: string) => string,
  keeps?: (code: number) => boolean,
): MappedText {
  const t = m.text;
  const b = new Builder();
  let run = 0;
  for (let i = 0; i < t.length;) {
    const c = t.charCodeAt(i);
    if (keeps?.(c)) {
      i++;
      continue;
    }
    const pair = c >= 0xd800 && c <= 0xdbff && (t.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const cp = pair ? t.slice(i, i + 2) : t[i]!;
    const out = fn(cp);
    if (out !== cp) {
      b.copy(m, run, i);
      b.emit(m, i, i + cp.length, out);
      run = i + cp.length;
    }
    i += cp.length;
  }
  if (run === 0) return m;
  b.copy(m, run, t.length);
  return b.build();
}

/** Keeps only the clean ranges given (sorted, non-overlapping), e.g. lines not dropped. */
export function keepRanges(m: MappedText, ranges: ReadonlyArray<readonly [number, number]>): MappedText {
  const b = new Builder();
  for (const [from, to] of ranges) b.copy(m, from, to);
  return b.build();
}

export function sliceMapped(m: MappedText, from: number, to: number): MappedText {
  return {
    text: m.text.slice(from, to),
    starts: m.starts.slice(from, to),
    ends: m.ends.slice(from, to),
  };
}

export function concatMapped(a: MappedText, b: MappedText): MappedText {
  return { text: a.text + b.text, starts: [...a.starts, ...b.starts], ends: [...a.ends, ...b.ends] };
}

/** Counts how often a rule actually changed the text (for the "rules fired" report). */
export type Tally = (n: number) => void;

export function counted(
  replacer: (match: RegExpMatchArray) => string,
  tally?: Tally,
): (match: RegExpMatchArray) => string {
  if (!tally) return replacer;
  return (match) => {
    const out = replacer(match);
    if (out !== match[0]) tally(1);
    return out;
  };
}

/** Characters that differ between two equal-length texts (or the length change otherwise). */
export function changedChars(before: MappedText, after: MappedText): number {
  if (before.text.length !== after.text.length) return Math.abs(before.text.length - after.text.length);
  let n = 0;
  for (let i = 0; i < before.text.length; i++) if (before.text[i] !== after.text[i]) n++;
  return n;
}
