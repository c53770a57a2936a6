import { textLines } from '../normalise/lines.js';
import { concatMapped, originalSpan, sliceMapped, type MappedText } from '../normalise/mapped-text.js';

export interface Sentence {
  idx: number;
  paragraph: number;
  /** Clean (normalised) text the extractor works on, mapped to the original. */
  clean: MappedText;
  /** Span in the original text: evidence is shown from here, as written. */
  start: number;
  end: number;
}

const TERMINAL = /[。!?;…]$|[。!?;]["”’)]$/u;
const PAGE_NUMBER = /^\d{1,3}、(?=\S)/u;
// A wrapped line is long; headings and list labels are short.
const MIN_WRAPPED_LINE = 20;

interface Line {
  from: number;
  to: number;
}

/**
 * Paragraphs from lines: a line that stops mid-sentence and is long (a hard wrap,
 * or a page break) continues into the next; a page number glued to that next line
 * (`高考\n2、本二…`) is not a list item and is skipped.
 */
export function paragraphs(m: MappedText, fired?: Record<string, number>): Line[][] {
  const lines: Line[] = textLines(m.text, { trim: true });
  const out: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines) {
    const prev = current[current.length - 1];
    if (prev) {
      const prevText = m.text.slice(prev.from, prev.to);
      const continues = !TERMINAL.test(prevText) && prevText.length >= MIN_WRAPPED_LINE;
      if (continues) {
        const pageNo = PAGE_NUMBER.exec(m.text.slice(line.from, line.to));
        current.push({ from: line.from + (pageNo ? pageNo[0].length : 0), to: line.to });
        if (fired) {
          fired['wrapped lines rejoined'] = (fired['wrapped lines rejoined'] ?? 0) + 1;
          if (pageNo) fired['page numbers skipped'] = (fired['page numbers skipped'] ?? 0) + 1;
        }
        continue;
      }
      out.push(current);
    }
    current = [line];
  }
  if (current.length) out.push(current);
  return out;
}

const SENTENCE_END = /[。!?;…]+["”’)]*|[\s](?=[一二三四五六七八九十]+、)/gu;

/** Splits clean text into sentences with clean and original offsets. */
export function splitSentences(m: MappedText, fired?: Record<string, number>): Sentence[] {
  const sentences: Sentence[] = [];
  paragraphs(m, fired).forEach((lines, paragraph) => {
    for (const line of lines) {
      const text = m.text.slice(line.from, line.to);
      let last = 0;
      const cut = (end: number) => {
        const piece = text.slice(last, end);
        const lead = piece.length - piece.trimStart().length;
        const body = piece.trim();
        if (body.length > 0 && /[\p{L}\p{N}]/u.test(body)) {
          const normStart = line.from + last + lead;
          const clean = sliceMapped(m, normStart, normStart + body.length);
          const prevSentence = sentences[sentences.length - 1];
          // A line that continues a sentence from the previous line joins it.
          if (
            prevSentence &&
            prevSentence.paragraph === paragraph &&
            last === 0 &&
            line !== lines[0] &&
            !TERMINAL.test(prevSentence.clean.text)
          ) {
            prevSentence.clean = concatMapped(prevSentence.clean, clean);
            prevSentence.end = originalSpan(prevSentence.clean, 0, prevSentence.clean.text.length)[1];
          } else {
            const [start, end0] = originalSpan(clean, 0, clean.text.length);
            sentences.push({ idx: sentences.length, paragraph, clean, start, end: end0 });
          }
        }
        last = end;
      };
      for (const match of text.matchAll(SENTENCE_END)) cut((match.index ?? 0) + match[0].length);
      cut(text.length);
    }
  });
  return sentences;
}
