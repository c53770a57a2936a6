import { HEADING_LEVELS as LEVELS, MAX_HEADING, headingLevel } from '../normalise/lines.js';
import { originalSpan, sliceMapped } from '../normalise/mapped-text.js';
import type { Sentence } from './sentences.js';

export interface SectionedSentence extends Sentence {
  /** This sentence is a section heading (一、… / (一)… / 第一章…). */
  heading: boolean;
  /** The headings it sits under, outermost first, e.g. "一、取得的成果 › (二)加强硬件建设". */
  section: string | null;
}

const SENTENCE_PUNCT = /[。!?;,]/u;

/** Splits "一、取得的成果 今年以来,…" (a heading glued to its first sentence by a space). */
function splitInlineHeading(s: Sentence): Sentence[] {
  const text = s.clean.text;
  if (!LEVELS.some((re) => re.test(text))) return [s];
  const space = text.indexOf(' ');
  if (space <= 0 || space > MAX_HEADING || SENTENCE_PUNCT.test(text.slice(0, space))) return [s];
  const restStart = space + 1;
  if (text.length - restStart < 2) return [s];
  const head = sliceMapped(s.clean, 0, space);
  const rest = sliceMapped(s.clean, restStart, text.length);
  const [hs, he] = originalSpan(head, 0, head.text.length);
  const [rs, re] = originalSpan(rest, 0, rest.text.length);
  return [
    { ...s, clean: head, start: hs, end: he },
    { ...s, clean: rest, start: rs, end: re },
  ];
}

/**
 * Keeps section structure: heading sentences are marked, and every sentence knows
 * the headings above it. Numbering (idx) is redone after inline headings are split off.
 */
export function markSections(sentences: Sentence[]): SectionedSentence[] {
  const path: Array<string | undefined> = [];
  const out: SectionedSentence[] = [];
  for (const s of sentences.flatMap(splitInlineHeading)) {
    const text = s.clean.text.trim();
    // A heading may end in 。 but holds no sentence break inside.
    const level = /[。!?;]/u.test(text.slice(0, -1)) ? -1 : headingLevel(text);
    if (level >= 0) {
      path[level] = text;
      path.length = level + 1;
    }
    const section = path.filter(Boolean).join(' › ') || null;
    out.push({ ...s, idx: out.length, heading: level >= 0, section });
  }
  return out;
}
