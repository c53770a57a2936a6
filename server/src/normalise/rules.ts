import { counted, mapCodePoints, replaceMapped, type MappedText, type Tally } from './mapped-text.js';

// A report uses a few thousand distinct characters: remembering each one's form beats asking ICU per character.
const nfkcForms = new Map<string, string>();

/** Codes NFKC leaves as they are: ASCII and C1 controls, CJK unified ideographs (and extension A). */
const NFKC_STABLE = (c: number) => c < 0xa0 || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);

/** NFKC per code point: full-width digits, letters and punctuation become ASCII. */
export function nfkc(m: MappedText): MappedText {
  return mapCodePoints(
    m,
    (cp) => {
      let form = nfkcForms.get(cp);
      if (form === undefined) nfkcForms.set(cp, (form = cp.normalize('NFKC')));
      return form;
    },
    NFKC_STABLE,
  );
}

export const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
// Lowercase pinyin, with or without tone marks (precomposed after NFKC).
const PINYIN = 'a-zü\\u00e0-\\u00fc\\u0101-\\u01dc';
const PINYIN_ANNOTATION = new RegExp(`(?<=[${HAN}?])\\(([${PINYIN}]{1,6})\\)`, 'gu');
const HAS_VOWEL = /[aeiouüvāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/u;

/**
 * Drops pinyin glosses that scraped sites put after rare characters (`區(qū)`),
 * keeping real parentheticals such as `(一)` or `(暂定名)`.
 */
export function stripPinyinAnnotations(m: MappedText, tally?: Tally): MappedText {
  return replaceMapped(
    m,
    PINYIN_ANNOTATION,
    counted((match) => (HAS_VOWEL.test(match[1] ?? '') ? '' : match[0]), tally),
  );
}

/** A surface as a reader would name it: no pinyin glosses, no layout whitespace. */
export function displayForm(surface: string): string {
  return surface
    .replace(new RegExp(PINYIN_ANNOTATION.source, 'gu'), (m, g: string) => (HAS_VOWEL.test(g) ? '' : m))
    .replace(/\s+/gu, '');
}

/** `2023年2023年` (a scraper artefact) -> `2023年`. */
export function collapseRepeatedYears(m: MappedText, tally?: Tally): MappedText {
  return replaceMapped(
    m,
    /((?:19|20)\d{2}年)\1+/g,
    counted((match) => match[1] ?? match[0], tally),
  );
}

/**
 * Horizontal whitespace runs become one space. Spaces are kept: in scraped
 * reports they often stand for lost line breaks (before `一、` headings).
 */
export function tidySpaces(m: MappedText): MappedText {
  return replaceMapped(m, /[\t \u00a0\u3000]+/g, () => ' ');
}

export function normaliseNewlines(m: MappedText): MappedText {
  return replaceMapped(m, /\r\n?/g, () => '\n');
}
