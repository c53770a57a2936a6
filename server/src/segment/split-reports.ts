import { textLines } from '../normalise/lines.js';
import { sliceMapped, type MappedText } from '../normalise/mapped-text.js';

export interface ReportPart {
  /** Heading line that opens the part (null for a file holding one report). */
  heading: string | null;
  /** Clean text of the part, still mapped to the original. */
  text: MappedText;
}

export interface SplitResult {
  parts: ReportPart[];
  /** Clean text before the first heading (page title, site intro), when split. */
  preamble: string;
  rule: string | null;
}

const ORDINALS = '一二三四五六七八九十';
// `教育局季度工作总结一`, `工作总结(二)`, `【篇三】`, `范文4`: a stem, then an ordinal.
const NUMBERED_HEADING = new RegExp(
  `^【?(?<stem>.{0,30}?)(?:篇|范文|之)?[(【]?(?<ord>[${ORDINALS}]|[1-9]\\d?)[)】]?$`,
  'u',
);
const SENTENCE_END = /[。!?;,:]$/u;

function ordinalValue(s: string): number {
  const i = ORDINALS.indexOf(s);
  return i >= 0 ? i + 1 : Number(s);
}

interface Heading {
  from: number;
  to: number;
  line: string;
  stem: string;
  ord: number;
}

function headingsOf(text: string): Heading[] {
  const out: Heading[] = [];
  for (const { from, to, text: line } of textLines(text, { trim: true })) {
    if (line.length < 2 || line.length > 32 || SENTENCE_END.test(line)) continue;
    const m = NUMBERED_HEADING.exec(line);
    if (m?.groups) out.push({ from, to, line, stem: m.groups.stem ?? '', ord: ordinalValue(m.groups.ord ?? '') });
  }
  return out;
}

/**
 * One file may hold several reports (sites paste 范文一/二/三 onto one page). A run
 * of two or more heading lines sharing a stem and numbered 1, 2, 3… splits the
 * file; everything else stays one report. Section headings (一、…) never match:
 * they end in text, not in an ordinal.
 */
export function splitReports(m: MappedText): SplitResult {
  const byStem = new Map<string, Heading[]>();
  for (const h of headingsOf(m.text)) {
    const list = byStem.get(h.stem) ?? [];
    list.push(h);
    byStem.set(h.stem, list);
  }
  let best: Heading[] = [];
  for (const [stem, list] of byStem) {
    // Consecutive numbering from 1; a stem must say something (or be 篇/范文 style).
    const run: Heading[] = [];
    for (const h of list) if (h.ord === run.length + 1) run.push(h);
    const meaningful = stem.length >= 4 || /^【?(篇|范文)/u.test(list[0]?.line ?? '');
    if (run.length >= 2 && meaningful && run.length > best.length) best = run;
  }
  if (best.length < 2) return { parts: [{ heading: null, text: m }], preamble: '', rule: null };
  const parts = best.map((h, i) => ({
    heading: h.line,
    text: sliceMapped(m, h.to, i + 1 < best.length ? best[i + 1]!.from : m.text.length),
  }));
  return {
    parts,
    preamble: m.text.slice(0, best[0]!.from).trim(),
    rule: `numbered headings "${best.map((h) => h.line).join('", "')}"`,
  };
}
