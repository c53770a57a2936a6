import type { EntityKind } from '@policygraph/graph-schema';
import { HAN } from '../normalise/rules.js';
import type { Token } from '../segment/jieba.js';
import type { Lexicon } from './lexicon.js';
import {
  ANONYMISED,
  GENERIC_PROGRAM_PREFIXES,
  MEASURE_WORDS,
  ORGANIZATION_HEADS,
  PROGRAM_LEAD_VERBS,
  PROGRAM_NAME_TAGS,
  PROGRAM_SUFFIX_TOKENS,
  SLOGAN_AFTER,
  SLOGAN_BEFORE,
  SLOGAN_NUMERALS,
  GENERIC_SCHOOL_PREFIXES,
  GLUED_FUNCTION_CHAR,
  ORDINAL_SCHOOL,
  NOT_PROGRAM_PARTS,
  NOT_SCHOOL_PARTS,
  PROPER_TAGS,
  PROGRAM_LEADING_NOISE,
  CONSTRUCTION_SUFFIXES,
  EVENT_SUFFIX_TOKENS,
  NAME_TAGS,
  NOT_PLACES,
  NOT_SCHOOL_ENDINGS,
  PLACE_BAD_FIRST_CHAR,
  PLACE_SUFFIXES,
  SCHOOL_NAME_BREAK,
  SCHOOL_SUFFIXES,
} from './rules.js';

export type Cue = 'lexicon' | 'quote' | 'title-marks' | 'suffix' | 'pos' | 'numeric-slogan';

export interface Mention {
  kind: EntityKind;
  /** Canonical name (lexicon form, or the cleaned surface). */
  name: string;
  /** The text as it appears in the clean sentence. */
  surface: string;
  /** Offsets in the clean sentence. */
  start: number;
  end: number;
  cue: Cue;
  /** How much the cue alone is trusted (a fixed prior per cue, see CUE_SCORE). */
  score: number;
  anonymised: boolean;
}

/**
 * Prior trust in each cue, from the seed evaluation: lexicon terms and titled
 * documents are nearly always right; suffix and POS cues least often.
 */
export const CUE_SCORE: Record<Cue, number> = {
  lexicon: 0.95,
  'title-marks': 0.95,
  quote: 0.8,
  'numeric-slogan': 0.75,
  suffix: 0.7,
  pos: 0.5,
};

/** A mention before its cue's score is attached. */
type Found = Omit<Mention, 'score'>;

class Spans {
  private taken: Array<[number, number]> = [];
  free(s: number, e: number): boolean {
    return this.taken.every(([a, b]) => e <= a || s >= b);
  }
  /** Free, or wholly inside one taken span (控辍保学 inside 控辍保学清零行动 or a document title). */
  freeOrNested(s: number, e: number): boolean {
    return this.taken.every(([a, b]) => e <= a || s >= b || (a <= s && e <= b && !(a === s && b === e)));
  }
  take(s: number, e: number): void {
    this.taken.push([s, e]);
  }
}

const HAN_ONLY = new RegExp(`^[${HAN}0-9·]+$`, 'u');
const isAnonymised = (name: string) => ANONYMISED.test(name);

/** Separators written inside multi-part slogans: 不忘初心、牢记使命 = 不忘初心•牢记使命. */
const SEPARATORS = /[、·•,]/gu;

/**
 * Lexicon forms, longest first, each span once. A term inside a document title is a
 * mention too (《…控辍保学…》 mentions 控辍保学), as researchers count it.
 */
function lexiconMentions(text: string, lex: Lexicon, spans: Spans, out: Found[]): void {
  const unified = text.replace(SEPARATORS, '、');
  const own = new Spans();
  for (const form of lex.formsByLength) {
    const needle = form.replace(SEPARATORS, '、');
    let at = unified.indexOf(needle);
    while (at !== -1) {
      const end = at + needle.length;
      if (spans.freeOrNested(at, end) && own.free(at, end)) {
        const entry = lex.forms.get(form)!;
        out.push({
          kind: entry.kind,
          name: entry.name,
          surface: text.slice(at, end),
          start: at,
          end,
          cue: 'lexicon',
          anonymised: false,
        });
        own.take(at, end);
      }
      at = unified.indexOf(needle, end);
    }
  }
  for (const m of out) if (m.cue === 'lexicon' && spans.free(m.start, m.end)) spans.take(m.start, m.end);
}

function documentMentions(text: string, spans: Spans, out: Found[]): void {
  for (const m of text.matchAll(/《([^《》\n]{2,80})》/gu)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (!spans.free(start, end)) continue;
    const name = (m[1] ?? '').trim();
    out.push({ kind: 'DOCUMENT', name, surface: m[0], start, end, cue: 'title-marks', anonymised: isAnonymised(name) });
    spans.take(start, end);
  }
}

const QUOTE = /[“"]([^“”"\n]{2,40})[”"]/gu;
// After an opening quote whose closing quote was lost: a run of Han (or a list of runs).
const UNCLOSED =
  /^(?:[\p{Script=Han}]{2,8}?(?:[、,][\p{Script=Han}]{2,8}?)+|[\p{Script=Han}]{2,12}?)(?=[的了为等是和与及,。;!?\s]|$)/u;

/**
 * Quoted spans, including those whose closing quote scraping lost (“校企合作,双赢共进的目的):
 * the phrase then runs to the first function word or punctuation.
 */
function quotedSpans(text: string): Array<{ open: number; inner: string }> {
  const out: Array<{ open: number; inner: string }> = [];
  const closed = new Set<number>();
  for (const m of text.matchAll(QUOTE)) {
    out.push({ open: m.index ?? 0, inner: m[1] ?? '' });
    closed.add(m.index ?? 0);
  }
  for (let i = text.indexOf('“'); i !== -1; i = text.indexOf('“', i + 1)) {
    if (closed.has(i)) continue;
    const rest = text.slice(i + 1);
    const stop = rest.search(/[“”。!?;]/u);
    if (stop !== -1 && rest[stop] === '”') continue; // closed further on (too long to be a term)
    const run = UNCLOSED.exec(rest)?.[0];
    if (run) out.push({ open: i, inner: run });
  }
  return out.sort((a, b) => a.open - b.open);
}
// What a quoted phrase's end (or the words glued after it) says about its kind.
const PROGRAM_END = /(?:工程|计划|行动|活动|项目|工作室|示范县|示范校|大赛|竞赛|讲堂|活动周|年|班|创建)$/u;
const POLICY_END = /(?:制度|机制|责任制|模式|精神|思想|观|政策|改革|经费|结合|工作法)$/u;
const PROGRAM_AFTER = /^[、,和与及“”"\p{Script=Han}]{0,12}?(?:活动|工程|项目|行动|竞赛|大赛)/u;
const NUMERIC_SHAPE = new RegExp(
  `^${'[一二两三四五六七八九十百千万双]'}[\\u4e00-\\u9fff]{1,2}[一二两三四五六七八九十百千万双][\\u4e00-\\u9fff]{1,3}(?:[一二两三四五六七八九十百千万双][\\u4e00-\\u9fff]{1,2})?$`,
  'u',
);

/**
 * Slogans compress: a part no dictionary knows (走教), or several one-character words
 * (转作风提效能). Ordinary phrases in quotes (留守学生, 诚信档案) are dictionary words.
 */
function compressed(phrase: string, isWord: (w: string) => boolean): boolean {
  const parts = stockSplit(phrase, isWord);
  return parts.some((p) => p.length > 1 && !isWord(p)) || parts.filter((p) => p.length === 1).length >= 2;
}

/** Greedy longest dictionary-word split (enough to tell compressed from ordinary). */
function stockSplit(phrase: string, isWord: (w: string) => boolean): string[] {
  const out: string[] = [];
  for (let i = 0; i < phrase.length;) {
    let len = Math.min(4, phrase.length - i);
    while (len > 1 && !isWord(phrase.slice(i, i + len))) len--;
    if (len === 1) {
      // Glue unknown runs together: 走教 stays one unknown part.
      let j = i + 1;
      while (j < phrase.length && ![2, 3, 4].some((l) => j + l <= phrase.length && isWord(phrase.slice(j, j + l)))) j++;
      out.push(phrase.slice(i, j));
      i = j;
    } else {
      out.push(phrase.slice(i, i + len));
      i += len;
    }
  }
  return out;
}

const MULTI_PART = /^[\p{Script=Han}]{2,8}(?:[、·•,][\p{Script=Han}]{2,8})+$/u;

/**
 * Quoted phrases: many are slogans (“控辍保学”), many are rhetoric (“快捷键”). A quoted
 * phrase counts when the lexicon knows it, when it is a multi-part slogan
 * (“为民、务实、清廉”), when its ending or the words glued after it name a program or
 * policy (“菜单式”培训工程, “七长”责任制), or when it is a compound used where policies sit.
 */
function quotedMentions(text: string, lex: Lexicon, spans: Spans, out: Found[], isWord: (w: string) => boolean): void {
  for (const m of quotedSpans(text)) {
    const inner = m.inner;
    const open = m.open;
    const start = open + 1;
    const close = start + inner.length;
    // Quotes inside a document title are mentions too (《…“两反三转”主题教育…方案》).
    if (!spans.freeOrNested(start, close)) continue;
    const claim = (kind: EntityKind, name: string, from: number, to: number) => {
      out.push({ kind, name, surface: text.slice(from, to), start: from, end: to, cue: 'quote', anonymised: false });
      spans.take(from, to);
    };
    const known = lex.forms.get(inner);
    if (known) {
      claim(known.kind, known.name, start, close);
      continue;
    }
    const multiPart = MULTI_PART.test(inner) && inner.length <= 40;
    if (!multiPart && (!HAN_ONLY.test(inner) || inner.length > 12)) continue;
    // “七长”责任制: a short quoted core and the Han words glued after it form the name.
    const glued = /^(?![等和与及])[\p{Script=Han}]{1,10}/u.exec(text.slice(close + 1))?.[0] ?? '';
    const gluedEnd = [...glued].reduce(
      (best, _c, i) =>
        PROGRAM_END.test(glued.slice(0, i + 1)) || POLICY_END.test(glued.slice(0, i + 1)) ? i + 1 : best,
      0,
    );
    // A short core needs its head (七长 + 责任制); a longer phrase takes at most a short one (为民办实事 + 项目).
    if (!multiPart && gluedEnd > 0 && (inner.length <= 3 || (inner.length <= 5 && gluedEnd <= 2))) {
      const name = inner + glued.slice(0, gluedEnd);
      const end = close + 1 + gluedEnd;
      if (!spans.free(open, end)) continue;
      claim(PROGRAM_END.test(name) ? 'PROGRAM' : 'POLICY', name, open, end);
      continue;
    }
    const after = text.slice(close + 1, close + 16);
    const before = text.slice(Math.max(0, open - 4), open);
    let kind: EntityKind | null = null;
    if (PROGRAM_END.test(inner) || PROGRAM_AFTER.test(after)) kind = 'PROGRAM';
    else if (multiPart || POLICY_END.test(inner)) kind = 'POLICY';
    else if (NUMERIC_SHAPE.test(inner)) kind = 'POLICY';
    else if (
      inner.length >= 4 &&
      !isWord(inner) &&
      compressed(inner, isWord) &&
      (SLOGAN_BEFORE.test(before) || SLOGAN_AFTER.test(after))
    ) {
      // A compressed compound used where policies sit: 联校走教, 转作风提效能, 应助尽助.
      kind = 'POLICY';
    }
    if (kind) claim(kind, inner.replace(SEPARATORS, '、'), start, close);
  }
}

const isNameToken = (t: Token) =>
  NAME_TAGS.has(t.tag) && /^[\p{Script=Han}0-9A-Za-z·]+$/u.test(t.word) && !/^[0-9]+$/u.test(t.word);

/**
 * Schools: a suffix token (中学, 一中, 中专…) joined with the name tokens before it.
 * Right to left, so 华南师范大学附属XX学校 is claimed before 华南师范大学 inside it.
 * Universities named ...大学 are organisations in these reports, not local schools.
 */
function schoolMentions(text: string, tokens: Token[], spans: Spans, out: Found[], know: WordKnowledge): void {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const tok = tokens[i]!;
    const suffix = SCHOOL_SUFFIXES.find((s) => tok.word.endsWith(s));
    if (!suffix) continue;
    let j = i - 1;
    let proper = false;
    // Up to four name tokens, at most sixteen characters. Once a proper name (雍阳, 林伟民)
    // is in, a common noun joins only if it starts the phrase (航空新城小学), not if it
    // ends a longer noun phrase of the sentence (专家组成员雍阳中专).
    while (j >= 0 && i - j <= 4 && tok.end - tokens[j]!.start <= 16) {
      const t = tokens[j]!;
      if (t.word === ' ' && j > 0 && /^[Xx×*]{1,4}$/u.test(tokens[j - 1]!.word)) {
        j -= 2; // "XX 县…": an anonymised name split by a layout space
        break;
      }
      const institution = /(?:大学|学院)$/u.test(t.word);
      if (!institution && (!isNameToken(t) || SCHOOL_NAME_BREAK.test(t.word))) break;
      const common = t.tag === 'n' || t.tag === 'vn' || t.tag === 'l';
      if (proper && common && !institution && j > 0 && isNameToken(tokens[j - 1]!)) break;
      if (PROPER_TAGS.has(t.tag)) proper = true;
      j--;
    }
    // 甘粑哨幼儿园, 乐岗小学: jieba cut an unknown name into single characters; right after
    // a list mark or the start they still belong to the name.
    if (
      j >= 0 &&
      tokens[j]!.word.length === 1 &&
      /\p{Script=Han}/u.test(tokens[j]!.word) &&
      !GLUED_FUNCTION_CHAR.test(tokens[j]!.word)
    ) {
      let m = j;
      const single = (t: Token) =>
        t.word.length === 1 && /\p{Script=Han}/u.test(t.word) && !GLUED_FUNCTION_CHAR.test(t.word);
      while (m >= 0 && single(tokens[m]!) && j - m < 3) m--;
      if (m < 0 || /^[、,,;;::\s]$/u.test(tokens[m]!.word)) j = m;
    }
    // Drop generic leading tokens (全市/农村…): what remains must still name a school.
    let k = j + 1;
    while (k < i && GENERIC_SCHOOL_PREFIXES.has(tokens[k]!.word)) k++;
    let start = k < i ? tokens[k]!.start : tok.start;
    // 为海澄小学: jieba glued the preposition to an unknown name.
    if (k < i && tokens[k]!.tag === 'x' && tokens[k]!.word.length >= 3 && GLUED_FUNCTION_CHAR.test(tokens[k]!.word))
      start++;
    let name = text.slice(start, tok.end);
    const prefix = name.slice(0, name.length - suffix.length);
    const before = text.slice(Math.max(0, tok.start - 1), tok.end);
    if (ORDINAL_SCHOOL.test(tok.word) || (prefix.length === 0 && ORDINAL_SCHOOL.test(before))) {
      // 市四小, 市三中: the level and the number are the whole (local) name.
      start = ORDINAL_SCHOOL.test(tok.word) ? tok.start : tok.start - 1;
      name = text.slice(start, tok.end);
    } else if (prefix.length === 0 || GENERIC_SCHOOL_PREFIXES.has(prefix)) continue;
    if (NOT_SCHOOL_ENDINGS.some((e) => name.endsWith(e)) || NOT_SCHOOL_PARTS.test(name)) continue;
    // 斗门一中, 春城一小 but not 利用三中: before a bare number school stands a place, a
    // proper name, or a word too rare in the dictionary to be ordinary vocabulary.
    if (/^[一二三四五六七八九十]+[中小]$/u.test(suffix) && !ORDINAL_SCHOOL.test(name)) {
      const before = tokens.filter((t) => t.start >= start && t.end <= tok.start);
      const named = (t: Token) =>
        PROPER_TAGS.has(t.tag) || know.isPlace(t.word) || ANONYMISED.test(t.word) || know.frequency(t.word) < 1000;
      if (!before.some(named)) continue;
    }
    if (!spans.free(start, tok.end)) continue;
    const kind: EntityKind = name.endsWith('大学') ? 'ORGANIZATION' : 'SCHOOL';
    out.push({ kind, name, surface: name, start, end: tok.end, cue: 'suffix', anonymised: isAnonymised(name) });
    spans.take(start, tok.end);
  }
}

/** Places: jieba `ns`, or a name token ending in an administrative suffix. */
function placeMentions(tokens: Token[], spans: Spans, out: Found[]): void {
  for (const tok of tokens) {
    const w = tok.word;
    if (w.length < 2 || NOT_PLACES.has(w) || !/^[\p{Script=Han}Xx×]+$/u.test(w)) continue;
    if (w.length === 2 && PLACE_BAD_FIRST_CHAR.test(w) && !tok.tag.startsWith('ns')) continue;
    const bySuffix =
      w.length >= 2 &&
      w.length <= 8 &&
      PLACE_SUFFIXES.some((s) => w.endsWith(s) && w.length > s.length) &&
      isNameToken(tok);
    const byPos = tok.tag === 'ns';
    if (!bySuffix && !byPos) continue;
    if (!spans.free(tok.start, tok.end)) continue;
    out.push({
      kind: 'PLACE',
      name: w,
      surface: w,
      start: tok.start,
      end: tok.end,
      cue: byPos ? 'pos' : 'suffix',
      anonymised: isAnonymised(w),
    });
    spans.take(tok.start, tok.end);
  }
}

const N = `[${SLOGAN_NUMERALS}]`;
const H = `[\\u4e00-\\u9fff]`;
const NOT_MEASURE = `(?![${MEASURE_WORDS}])`;
// 两学一做, 三会一课, 两免一补, 三通两平台, 一校一品一特: numeral-led groups, two or three of them.
const NUMERIC_SLOGAN = new RegExp(
  `${N}${NOT_MEASURE}${H}{1,2}?${N}${NOT_MEASURE}${H}{1,3}?(?:${N}${NOT_MEASURE}${H}{1,2})?(?=[^\\u4e00-\\u9fff]|$|${H})`,
  'gu',
);

/**
 * Numeric-abbreviation slogans outside quotes and the lexicon. The shape alone is
 * too common (三中两所), so the slogan must sit where policies sit: after 落实/开展…
 * or before 学习教育/工作/制度….
 */
function numericSlogans(text: string, tokens: Token[], spans: Spans, out: Found[]): void {
  const edges = new Set(tokens.flatMap((t) => [t.start, t.end]));
  for (const m of text.matchAll(NUMERIC_SLOGAN)) {
    const start = m.index ?? 0;
    // Try the longest reading first, shrinking to a word edge that fits the context.
    for (let end = start + m[0].length; end >= start + 4; end--) {
      const term = text.slice(start, end);
      if (!edges.has(start) || !edges.has(end)) continue;
      if (!new RegExp(`^${N}${H}{1,2}${N}${H}{1,3}(?:${N}${H}{1,2})?$`, 'u').test(term)) continue;
      const before = SLOGAN_BEFORE.test(text.slice(Math.max(0, start - 4), start));
      const after = SLOGAN_AFTER.test(text.slice(end, end + 6));
      if (!(before || after) || !spans.free(start, end)) continue;
      out.push({ kind: 'POLICY', name: term, surface: term, start, end, cue: 'numeric-slogan', anonymised: false });
      spans.take(start, end);
      break;
    }
  }
}

/** Programs: a suffix token (工程, 计划, 行动…) and the name tokens before it. */
function programMentions(
  text: string,
  tokens: Token[],
  spans: Spans,
  out: Found[],
  isWord: (w: string) => boolean,
): void {
  // Right to left: 才艺展演活动 is claimed before 展演 inside it.
  for (let i = tokens.length - 1; i >= 0; i--) {
    const tok = tokens[i]!;
    const event = EVENT_SUFFIX_TOKENS.has(tok.word);
    if (!PROGRAM_SUFFIX_TOKENS.has(tok.word) && !event) continue;
    let j = i - 1;
    while (
      j >= 0 &&
      i - j <= 6 &&
      (PROGRAM_NAME_TAGS.has(tokens[j]!.tag) || /^(?:第[一二三四五六七八九十\d]+届|首届)$/u.test(tokens[j]!.word)) &&
      !PROGRAM_LEAD_VERBS.has(tokens[j]!.word) &&
      /^[\p{Script=Han}\d]+$/u.test(tokens[j]!.word)
    ) {
      j--;
    }
    let k = j + 1;
    while (k < i && PROGRAM_LEADING_NOISE.has(tokens[k]!.word)) k++;
    if (k >= i) continue;
    // 食堂项目, 综合楼工程: construction work, unless a proper name or a long name says more.
    if (
      CONSTRUCTION_SUFFIXES.has(tok.word) &&
      !tokens.slice(k, i).some((t) => PROPER_TAGS.has(t.tag)) &&
      tok.start - tokens[k]!.start < 6
    ) {
      continue;
    }
    const start = tokens[k]!.start;
    const name = text.slice(start, tok.end);
    const prefix = name.slice(0, name.length - tok.word.length);
    if (prefix.length < (event ? 4 : 2) || name.length > 20 || GENERIC_PROGRAM_PREFIXES.has(prefix)) continue;
    if (NOT_PROGRAM_PARTS.test(name)) continue;
    // 社会实践活动, 学习观摩活动 describe; a named event has a proper part, an ordinal or an unknown word.
    if (
      event &&
      !tokens.slice(k, i).some((t) => PROPER_TAGS.has(t.tag) || /届|周年/u.test(t.word) || !isWord(t.word))
    ) {
      continue;
    }
    if (!spans.free(start, tok.end)) continue;
    out.push({
      kind: 'PROGRAM',
      name,
      surface: name,
      start,
      end: tok.end,
      cue: 'suffix',
      anonymised: isAnonymised(name),
    });
    spans.take(start, tok.end);
  }
}

const ORG_HEAD = new RegExp(`(?:${[...ORGANIZATION_HEADS].sort((a, b) => b.length - a.length).join('|')})`, 'gu');
// Levels that stand alone before a head: 市委, 县政府, 省教育厅.
const LEVEL_PREFIX = /[省市州县区镇乡]$/u;

/**
 * Organisations: a known head (教育局, 疾病防控中心, 政府…) with the place or name
 * tokens right before it (将乐县人民政府, 区教育装备信息中心). jieba's `nt` tag was
 * tried and left out: on these reports it mostly marks phrases (大力开展, 新格局).
 */
function organizationMentions(text: string, tokens: Token[], spans: Spans, out: Found[]): void {
  const tokenEnding = new Map(tokens.map((t) => [t.end, t]));
  const edges = new Set(tokens.flatMap((t) => [t.start, t.end]));
  for (const m of text.matchAll(ORG_HEAD)) {
    const headStart = m.index ?? 0;
    const end = headStart + m[0].length;
    // 党组 inside 党组织 is no organisation: the head must end a word.
    if (!edges.has(end)) continue;
    let start = headStart;
    // Walk back over name tokens (places, proper names) that end where the name so far starts.
    for (let steps = 0; steps < 3; steps++) {
      const prev = tokenEnding.get(start);
      if (!prev || !/^\p{Script=Han}+$/u.test(prev.word)) break;
      const placeLike = /[省市州县区]$/u.test(prev.word) && prev.word.length >= 3;
      if (!placeLike && !['ns', 'nt', 'nz', 'nr', 'j', 'x'].includes(prev.tag)) break;
      // 获省 (获 + 省) is a verb and a level, not a name.
      if (prev.word.length === 2 && /^[获对和与在为从向被将把]/u.test(prev.word)) break;
      start = prev.start;
    }
    if (start === headStart && headStart > 0 && LEVEL_PREFIX.test(text.slice(headStart - 1, headStart)))
      start = headStart - 1;
    const name = text.slice(start, end);
    if (name.length < 2 || !spans.free(start, end)) continue;
    out.push({ kind: 'ORGANIZATION', name, surface: name, start, end, cue: 'suffix', anonymised: isAnonymised(name) });
    spans.take(start, end);
  }
}

/**
 * All mentions in one clean sentence. Cues run from most to least certain; a span
 * claimed by a stronger cue is not re-used by a weaker one.
 */
/** What the extractor may ask about words: dictionary knowledge and the gazetteer. */
export interface WordKnowledge {
  /** jieba's stock dictionary knows it (ordinary vocabulary). */
  isWord(w: string): boolean;
  /** Its frequency in that dictionary (0 when unknown): rare words read like names. */
  frequency(w: string): number;
  /** A division name or short form (斗门, 金湾区). */
  isPlace(w: string): boolean;
}

const NO_KNOWLEDGE: WordKnowledge = { isWord: () => false, frequency: () => 0, isPlace: () => false };

export function extractMentions(
  text: string,
  tokens: Token[],
  lex: Lexicon,
  know: WordKnowledge = NO_KNOWLEDGE,
): Mention[] {
  const { isWord } = know;
  const spans = new Spans();
  const out: Found[] = [];
  documentMentions(text, spans, out);
  lexiconMentions(text, lex, spans, out);
  quotedMentions(text, lex, spans, out, isWord);
  numericSlogans(text, tokens, spans, out);
  schoolMentions(text, tokens, spans, out, know);
  programMentions(text, tokens, spans, out, isWord);
  // Organisations before places: 将乐县人民政府 is one name, not a place and a government.
  organizationMentions(text, tokens, spans, out);
  placeMentions(tokens, spans, out);
  return out.map((m) => ({ ...m, score: CUE_SCORE[m.cue] })).sort((a, b) => a.start - b.start);
}
