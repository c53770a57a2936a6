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

/** How report headings open, outermost first: 第一部分, 一、, (一), 1. (sections nest by this order). */
export const HEADING_LEVELS: RegExp[] = [
  /^第[一二三四五六七八九十百]+[章部分篇]/u,
  /^[一二三四五六七八九十百]+、/u,
  /^[((][一二三四五六七八九十]+[))]/u,
  /^\d{1,2}[.、](?!\d)/u,
];
export const MAX_HEADING = 40;

/** The level of a heading line (0 outermost), or -1 for a line that is no heading. */
export function headingLevel(text: string): number {
  if (text.length > MAX_HEADING) return -1;
  return HEADING_LEVELS.findIndex((re) => re.test(text));
}
