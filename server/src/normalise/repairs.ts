import { headingLevel, MAX_HEADING } from './lines.js';
import { counted, replaceMapped, type MappedText, type Tally } from './mapped-text.js';

/** Words a document title ends with: what makes `?…?` certainly a damaged 《…》. */
const DOC_TYPE =
  '法|条例|办法|方案|意见|通知|通报|规定|规划|纲要|决定|细则|标准|制度|计划|要点|手册|守则|准则|公告|通告|章程|批复|函|指南|规范|规程|决议|报告';
const QUESTION_WORDS = /吗|呢|什么|怎么|怎样|如何|为何|为什么|是否|哪|谁|几/u;
// A hard line break may fall anywhere inside (wrapped lines are rejoined later), and a title may end in its
// years: ?乡村教师支持计划(2015—2020年)?.
// (The kind itself may be wrapped too: 实施方\n案.)
const WRAPPED_DOC_TYPE = DOC_TYPE.split('|')
  .map((w) => [...w].join('\\n?'))
  .join('|');
const DAMAGED_TITLE = new RegExp(
  `\\?((?:[^?\\n《》]|\\n(?!\\n)){4,60}?(?:${WRAPPED_DOC_TYPE})(?:\\n?[((](?:[^?()()\\n]|\\n(?!\\n)){2,20}[))])?\\n?)\\?`,
  'gu',
);

/**
 * Scraped copies replace 《》 by `?`. `?…?` becomes 《…》 only when the inside reads as
 * a document title (ends in 方案/意见/办法…) and not as a question.
 */
export function restoreTitleMarks(m: MappedText, tally?: Tally): MappedText {
  return replaceMapped(
    m,
    DAMAGED_TITLE,
    counted((match) => {
      const inner = match[1] ?? '';
      return QUESTION_WORDS.test(inner) ? match[0] : `《${inner}》`;
    }, tally),
  );
}

/** A line that is only a page's number (- 2 -, 第 4 页 共 5 页, 3/5). */
const PAGE_NUMBER_LINE =
  '[ \\t]*(?:[-—–－][ \\t]*\\d{1,3}[ \\t]*[-—–－]|第[ \\t]*\\d{1,3}[ \\t]*页(?:[ \\t]*[,，、/]?[ \\t]*共[ \\t]*\\d{1,3}[ \\t]*页)?|\\d{1,3}[ \\t]*\\/[ \\t]*\\d{1,3})[ \\t]*';
// One or more page lines in a row, with the line break before each and after the last.
const PAGE_LINE = new RegExp(`(?:\\n${PAGE_NUMBER_LINE})+\\n`, 'gu');
// A line that ends a sentence keeps its line break, and so does a short heading or enumerator (一是…): a long line
// that opens so is a wrapped paragraph the page cut.
const SENTENCE_END = /[。!?;:…]["”’)]?$/u;
const ENUMERATOR = /^[一二三四五六七八九十]+是/u;
// (A line with a sentence in it, 2.落实学生资助政策。全面落实…, is text, whatever it opens with.)
const endsLine = (line: string) =>
  SENTENCE_END.test(line) ||
  (!line.includes('。') && (headingLevel(line) >= 0 || (ENUMERATOR.test(line) && line.length <= MAX_HEADING)));

/**
 * A page's number printed inside the text (scraped PDFs) is no text: it goes, and where it cut a sentence or a
 * name (铁 / 岭市 / - 3 - / 劳动教育示范校, ?…计划(2015—2020年) / 第 3 页 共 6 页 / 实施办法?) the two lines are
 * one again. After a sentence's end or a heading, the line break stays.
 */
export function dropPageLines(m: MappedText, tally?: Tally): MappedText {
  return replaceMapped(
    m,
    PAGE_LINE,
    counted((match) => {
      const at = match.index ?? 0;
      const input = match.input ?? m.text;
      const before = input.slice(input.lastIndexOf('\n', at - 1) + 1, at).trim();
      return before === '' || endsLine(before) ? '\n' : '';
    }, tally),
  );
}

const LOST_CLOSING_QUOTE = /“([^“”"\n]{2,10}?)(和|与|及|、)(?=“)/gu;

/** `“科教兴县和“人才强县` lost a closing quote before the conjunction: put it back. */
export function closeQuotesBeforeConjunction(m: MappedText, tally?: Tally): MappedText {
  return replaceMapped(
    m,
    LOST_CLOSING_QUOTE,
    counted((match) => `“${match[1]}”${match[2]}`, tally),
  );
}

export interface Placeholder {
  text: string;
  kind: 'place' | 'year' | 'number' | 'name';
}

const PLACEHOLDER_PATTERNS: Array<[RegExp, Placeholder['kind']]> = [
  [/(?:19|20)(?:[xX]{2}|\*{2})(?=\s?年)/gu, 'year'],
  [/[xX]+\.[xX]+%|[xX]{1,3}%/gu, 'number'],
  [/(?<![A-Za-z])[xX]{2,4}\s?(?:省|市|州|县|区|镇|乡|村)/gu, 'place'],
  [/(?<![A-Za-z])[xX]{2,4}\s?(?:[一二三四五六七八九十]中|中学|小学|学校|幼儿园)/gu, 'name'],
];

/**
 * Anonymised placeholders (`Xx县`, `xx市`, `XX一中`, `20xx`, `20**`, `x.xx%`): real
 * mentions of unknown values, recognised so they are flagged and never guessed.
 */
export function findPlaceholders(text: string): Placeholder[] {
  const found = new Map<string, Placeholder>();
  for (const [re, kind] of PLACEHOLDER_PATTERNS) {
    for (const match of text.matchAll(re)) {
      const t = match[0].replace(/\s/g, '');
      if (!found.has(t)) found.set(t, { text: t, kind });
    }
  }
  return [...found.values()];
}
