export interface TextLine {
  /** Offsets of the line (or, trimmed, of its content) in the text. */
  from: number;
  to: number;
  text: string;
}

/** The lines of a text with their offsets; `trim` keeps only non-blank lines, cut to their content. */
export function textLines(text: string, opts: { trim?: boolean } = {}): TextLine[] {
  const out: TextLine[] = [];
  let pos = 0;
  for (const raw of text.split('\n')) {
    if (!opts.trim) out.push({ from: pos, to: pos + raw.length, text: raw });
    else {
      const content = raw.trim();
      const lead = raw.length - raw.trimStart().length;
      if (content) out.push({ from: pos + lead, to: pos + lead + content.length, text: content });
    }
    pos += raw.length + 1;
  }
  return out;
}
