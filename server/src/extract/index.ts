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
  LOCAL_GENERIC,
  LEVEL_CHARS,
  GLUED_FUNCTION_CHAR,
  ORDINAL_SCHOOL,
  SCHOOL_CATEGORY_WORDS,
  SCHOOL_WORK_VERBS,
  SENTENCE_CHAR,
  KIND_OF_AREA,
  NOT_PROGRAM_PARTS,
  NOT_SCHOOL_PARTS,
  PROPER_TAGS,
  PROGRAM_LEADING_NOISE,
  CONSTRUCTION_WORDS,
  DESIGNATION_SUFFIX_TOKENS,
  DESIGNATION_END,
  PROGRAM_LEVELS,
  PROGRAM_NAME_STOPS,
  CONSTRUCTION_CATEGORY_PREFIXES,
  EVENT_SUFFIX_TOKENS,
  NAME_TAGS,
  NOT_PLACES,
  NOT_SCHOOL_ENDINGS,
  PLACE_BAD_FIRST_CHAR,
  NOT_PLACE_SHAPE,
  PLACE_SUFFIXES,
  SCHOOL_NAME_BREAK,
  SCHOOL_GRADE_ENDING,
  SCHOOL_SUFFIXES,
} from './rules.js';

export type Cue = 'lexicon' | 'quote' | 'title-marks' | 'title-words' | 'suffix' | 'pos' | 'numeric-slogan' | 'formula';

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
  'title-words': 0.75,
  'numeric-slogan': 0.75,
  formula: 0.7,
  suffix: 0.7,
  pos: 0.5,
};

/** A mention before its cue's score is attached. */
type Found = Omit<Mention, 'score'>;

class Spans {
  private taken: Array<[number, number, EntityKind | undefined]> = [];
  free(s: number, e: number): boolean {
    return this.taken.every(([a, b]) => e <= a || s >= b);
  }
  /** Free, or wholly inside one taken span (控辍保学 inside 控辍保学清零行动 or a document title). */
  freeOrNested(s: number, e: number): boolean {
    return this.taken.every(([a, b]) => e <= a || s >= b || (a <= s && e <= b && !(a === s && b === e)));
  }
  /**
   * A program found by its head may sit inside a document title (《关于实施…计划的意见》) and may hold
   * schools, places and lexicon terms (市中职校实训室项目, XX市中小学校园足球竞赛), but not a program with
   * the same head (天津市终身教育活动周 is the lexicon's 终身教育活动周) nor the whole title.
   */
  fitsProgram(s: number, e: number): boolean {
    return this.taken.every(
      ([a, b, kind]) =>
        e <= a ||
        s >= b ||
        (kind === 'DOCUMENT' && a < s && e < b - 1) ||
        (s <= a && b <= e && !(a === s && b === e) && !(kind === 'PROGRAM' && b === e)),
    );
  }
  /** Free, or inside a document title only (a quote in 《…“两反三转”…方案》, not one a lexicon form spans). */
  freeOrInDocument(s: number, e: number): boolean {
    return this.taken.every(([a, b, kind]) => e <= a || s >= b || (kind === 'DOCUMENT' && a <= s && e <= b));
  }
  /** Every taken span is outside, or strictly inside, this one. */
  holdsOnly(s: number, e: number): boolean {
    return this.taken.every(([a, b]) => e <= a || s >= b || (s <= a && b <= e && !(a === s && b === e)));
  }
  take(s: number, e: number, kind?: EntityKind): void {
    this.taken.push([s, e, kind]);
  }
}

const HAN_ONLY = new RegExp(`^[${HAN}0-9·]+$`, 'u');
const isAnonymised = (name: string) => ANONYMISED.test(name);

/** Separators written inside multi-part slogans: 不忘初心、牢记使命 = 不忘初心•牢记使命. */
const SEPARATORS = /[、·•,]/gu;

/** Quote marks a lexicon form may be written with inside it (“全面改善…基本办学条件”工程). */
const QUOTE_MARK = /[“”"]/u;

/**
 * Lexicon forms, longest first, each span once. A term inside a document title is a
 * mention too (《…控辍保学…》 mentions 控辍保学), as researchers count it. Quote marks inside
 * a form do not stop it; a short form must not start or end inside a word (刷新高考 holds no 新高考).
 */
/** Per lexicon, built once: each form with separators unified, and forms indexed by their first character. */
interface FormIndex {
  needles: string[];
  /** Indexed by the first UTF-16 unit's code. */
  byFirst: ReadonlyArray<number[] | undefined>;
}
const formIndexes = new WeakMap<Lexicon, FormIndex>();

function formIndex(lex: Lexicon): FormIndex {
  let idx = formIndexes.get(lex);
  if (!idx) {
    const needles = lex.formsByLength.map((f) => f.replace(SEPARATORS, '、'));
    const byFirst = new Array<number[] | undefined>(0x10000).fill(undefined);
    needles.forEach((n, i) => {
      if (n) (byFirst[n.charCodeAt(0)] ??= []).push(i);
    });
    idx = { needles, byFirst };
    formIndexes.set(lex, idx);
  }
  return idx;
}

const SEPARATOR_CHARS = new Set(['、', '·', '•', ',']);
const QUOTE_CHARS = new Set(['“', '”', '"']);
const ANY_SEPARATOR = new RegExp(`[${[...SEPARATOR_CHARS].join('')}]`, 'gu');
const ANY_QUOTE = new RegExp(`[${[...QUOTE_CHARS].join('')}]`, 'u');
const ANY_QUOTES = new RegExp(ANY_QUOTE.source, 'gu');

// What makes a term a designation or project built on another (教育现代化先进市, “两类学校”建设).
const ACHIEVED_SUFFIX =
  /^(?:[县市区]|先进[县市区]|示范[县市区校]|建设|创建|试点|发展[县市区]|(?:特色|示范|试点)学?校)$/u;

/**
 * A word crosses the edge of a short form at `edge` (刷新|高考 holds no 新高考), unless the neighbouring word
 * that ends (side -1) or starts (side 1) exactly at the edge is the likelier reading: 参加|国培, not 参|加国|培.
 */
function straddled(unified: string, edge: number, side: -1 | 1, know: WordKnowledge): boolean {
  if (edge <= 0 || edge >= unified.length) return false;
  const across = unified.slice(edge - 1, edge + 1);
  if (!know.isWord(across)) return false;
  const neighbour = side === -1 ? unified.slice(Math.max(0, edge - 2), edge) : unified.slice(edge, edge + 2);
  return !(neighbour.length === 2 && know.isWord(neighbour) && know.frequency(neighbour) > know.frequency(across));
}

/** Two characters across a form's edge that are both parts of one number. */
const DIGIT_EDGE = /^[\d.．][\d.．]$/u;

function lexiconMentions(text: string, lex: Lexicon, spans: Spans, out: Found[], know: WordKnowledge): void {
  // The text without quote marks, and where each of its characters sits in the sentence (most sentences have
  // no quote mark: then each sits where it is).
  let at: number[] | undefined;
  let unified = '';
  if (!ANY_QUOTE.test(text)) unified = text.replace(ANY_SEPARATOR, '、');
  else {
    at = [];
    for (let k = 0; k < text.length; k++) {
      const c = text[k]!;
      if (QUOTE_CHARS.has(c)) continue;
      at.push(k);
      unified += SEPARATOR_CHARS.has(c) ? '、' : c;
    }
  }
  const position = (u: number) => (at ? at[u]! : u);
  // Every place a form starts, found through the first-character index (one pass over the sentence instead of
  // one search per form), then taken in the order of longest form first, leftmost first.
  const { needles, byFirst } = formIndex(lex);
  const hits: Array<[number, number]> = [];
  for (let u = 0; u < unified.length; u++) {
    const forms = byFirst[unified.charCodeAt(u)];
    if (forms) for (const i of forms) if (unified.startsWith(needles[i]!, u)) hits.push([i, u]);
  }
  hits.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const own = new Spans();
  const found: Found[] = [];
  for (const [i, u] of hits) {
    const needle = needles[i]!;
    let start = position(u);
    const end = position(u + needle.length - 1) + 1;
    // “全面改善…条件”工程: the surface keeps both quote marks, not a dangling closing one.
    if (start > 0 && QUOTE_MARK.test(text[start - 1]!) && QUOTE_MARK.test(text.slice(start, end))) start--;
    const tail = u + needle.length;
    if (needle.length <= 3 && (straddled(unified, u, -1, know) || straddled(unified, tail, 1, know))) continue;
    // 5+2 is no formula inside 15+20 or 5+2.5.
    if (DIGIT_EDGE.test(unified.slice(Math.max(0, u - 1), u + 1)) || DIGIT_EDGE.test(unified.slice(tail - 1, tail + 1)))
      continue;
    if (!spans.freeOrNested(start, end) || !own.freeOrNested(start, end)) continue;
    const entry = lex.forms.get(lex.formsByLength[i]!)!;
    // “延庆名师工程”, “新强师工程”: a place's own (or a new) edition of a known program, quoted whole, is a program
    // of its own.
    if (entry.kind === 'PROGRAM' && text[end] === '”') {
      const open = text.lastIndexOf('“', start);
      const prefix = open >= 0 ? text.slice(open + 1, start) : '';
      if (prefix && !/[“”]/u.test(prefix) && (prefix === '新' || know.isPlace(prefix)) && own.free(open, end + 1)) {
        found.push({
          kind: 'PROGRAM',
          name: prefix + text.slice(start, end),
          surface: text.slice(open, end + 1),
          start: open,
          end: end + 1,
          cue: 'quote',
          anonymised: false,
        });
        own.take(open, end + 1);
        continue;
      }
    }
    // A term inside another is a mention of its own (脱贫攻坚 in 巩固拓展脱贫攻坚成果…), unless it is the same
    // term written longer (新高考 in 新高考改革), the outer one is a kind of it (高品质示范高中, 省级示范幼儿园),
    // or a designation or project built on it (教育现代化先进市, “两类学校”建设).
    const inside = (f: Found) =>
      f.name === entry.name || end === f.end || ACHIEVED_SUFFIX.test(text.slice(end, f.end).replace(ANY_QUOTES, ''));
    if (found.some((f) => f.start <= start && end <= f.end && inside(f))) continue;
    found.push({
      kind: entry.kind,
      name: entry.name,
      surface: text.slice(start, end),
      start,
      end,
      cue: 'lexicon',
      anonymised: false,
    });
    own.take(start, end);
  }
  out.push(...found);
  for (const m of found) if (spans.free(m.start, m.end)) spans.take(m.start, m.end, m.kind);
}

// After a known policy: how its duty is organised (“双线”, 目标) and the duty itself.
const DUTY_AFTER_TERM = /^(?:“([^“”\n]{1,6})”)?(?:工作)?(目标)?责任制/u;

/**
 * 控辍保学责任制, 控辍保学目标责任制, 控辍保学“双线”责任制: the duty that organises a known policy is a policy
 * institution of its own, named with the policy; the policy stays a mention inside it.
 */
function dutyMentions(text: string, spans: Spans, out: Found[]): void {
  for (const m of [...out]) {
    // (“双线四级”控辍保学责任制: the quoted abbreviation before it names the duty; see quotedMentions.)
    if (m.kind !== 'POLICY' || m.cue !== 'lexicon' || /责任制$/u.test(m.name) || text[m.start - 1] === '”') continue;
    const duty = DUTY_AFTER_TERM.exec(text.slice(m.end));
    if (!duty) continue;
    const end = m.end + duty[0].length;
    if (!spans.holdsOnly(m.start, end)) continue;
    const name = `${m.name}${duty[1] ?? ''}${duty[2] ?? ''}责任制`;
    out.push({
      kind: 'POLICY',
      name,
      surface: text.slice(m.start, end),
      start: m.start,
      end,
      cue: 'formula',
      anonymised: false,
    });
    spans.take(m.start, end, 'POLICY');
  }
}

function documentMentions(text: string, spans: Spans, out: Found[], know: WordKnowledge): void {
  for (const m of text.matchAll(/《([^《》\n]{2,80})》/gu)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (!spans.free(start, end)) continue;
    const name = (m[1] ?? '').trim();
    out.push({ kind: 'DOCUMENT', name, surface: m[0], start, end, cue: 'title-marks', anonymised: isAnonymised(name) });
    spans.take(start, end, 'DOCUMENT');
  }
  for (const m of text.matchAll(UNMARKED_TITLE_END)) {
    const end = (m.index ?? 0) + m[0].length;
    // The kind of document ends the title: 海伦市人大代表意见建议 and 各镇街规划布局 are no titles.
    if (/^(?!为|的|要求)\p{Script=Han}/u.test(text.slice(end))) continue;
    const start = unmarkedTitleStart(text, m.index ?? 0, know);
    if (start === undefined || !spans.free(start, end)) continue;
    const name = text.slice(start, end);
    out.push({ kind: 'DOCUMENT', name, surface: name, start, end, cue: 'title-words', anonymised: isAnonymised(name) });
    spans.take(start, end, 'DOCUMENT');
  }
}

// A plan's or rule's title written without 《》, as scraped copies and plain reports do: 依据XX市学前教育第二期三年
// 行动规划(201X-201X年), 编制完成延川县“十四五”教育事业发展规划. It is cited or issued by a verb, opens with a place
// (the issuer) and ends in the kind of document, maybe with its years.
const UNMARKED_TITLE_END =
  /(?:实施方案|工作方案|方案|规划|办法|细则|实施意见|指导意见|若干意见)(?:[((][\dXx]{4}\s*[-—–~至]\s*[\dXx]{4}年?[))])?/gu;
const TITLE_LEAD = /(?:依据|根据|按照|对照|实施|印发|出台|制定|编制|完成|落实|执行|贯彻|修订)了?$/u;
// A clause, not a title: 延川县十所学校并听取意见, 海伦市教育局关于…的意见 (a title with 的 opens with 关于),
// two titles joined (…计划和海伦市…规划).
const NOT_IN_TITLE = /并|听取|提出|有关|[和及与]|所/u;

const ISSUING_PLACE = new RegExp(
  `^(?:[Xx×]{1,4}[省市县区]?|\\p{Script=Han}{2,8}?(?:${PLACE_SUFFIXES.join('|')}))`,
  'u',
);
// The body after the place: 市委, 教育局, 人民政府办公室 (布局 ends in 局 but is no body).
const ISSUER = new RegExp(`^(?:[^关]{0,6}?(?:${ORGANIZATION_HEADS.join('|')}))?`, 'u');

/** Where an unmarked title ending at `typeStart` starts: at the nearest issuing place after a citing verb. */
function unmarkedTitleStart(text: string, typeStart: number, know: WordKnowledge): number | undefined {
  for (let start = typeStart - 6; start >= Math.max(0, typeStart - 40); start--) {
    const chunk = text.slice(start, typeStart);
    if (!/^[\p{Script=Han}“”"\dXx×]+$/u.test(chunk) || NOT_IN_TITLE.test(chunk)) return undefined;
    const place = ISSUING_PLACE.exec(chunk)?.[0];
    // (海门区: the city of 海门 renamed a district; its short name is known.)
    if (!place || !(isAnonymised(place) || know.isPlace(place) || know.isPlace(place.slice(0, -1)))) continue;
    // 海伦市教育局关于…的意见 is a title; 海伦市教育局统一规划 is what the bureau plans.
    const issuer = ISSUER.exec(chunk.slice(place.length))?.[0] ?? '';
    const about = chunk.slice(place.length + issuer.length).startsWith('关于');
    if ((issuer || /的/u.test(chunk)) && !about) return undefined;
    if (TITLE_LEAD.test(text.slice(Math.max(0, start - 3), start))) return start;
  }
  return undefined;
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
    let run = UNCLOSED.exec(rest)?.[0];
    // “高考立功单位,同时…: a connective after a comma starts the next clause, not another slogan part.
    const parts = run?.split(/([、,])/u) ?? [];
    const cut = parts.findIndex((p, k) => k > 0 && k % 2 === 0 && CONNECTIVE.test(p));
    if (run && cut > 0) run = parts.slice(0, cut - 1).join('');
    if (run && run.length >= 2) out.push({ open: i, inner: run });
  }
  return out.sort((a, b) => a.open - b.open);
}
// What a quoted phrase's end (or the words glued after it) says about its kind. 年 names a designated
// year (支部建设年), not an age group (儿童少年) or a calendar word (今年).
const PROGRAM_END =
  /(?:工程|计划|行动|活动|项目|工作室|示范县|示范校|大赛|竞赛|比赛|讲堂|活动周|(?<![少青老童学今去明本当每逐近多往历全半周])年|创建|进校园)$/u;
const POLICY_END = /(?:制度|机制|责任制|负责制|模式|精神|思想|观|政策|改革|结合|工作法)$/u;
// The quoted phrase is the proper part of a program named right after it (“禁毒”专项行动), or one item of a
// quoted list the sentence then names (“A”、“B”等主题实践活动). Verbs in between start a new clause
// (“绿色通道”扎实推进项目建设).
const PROGRAM_AFTER = /^[、,和与及“”"\p{Script=Han}]{0,12}?(?:活动|工程|项目|行动|竞赛|大赛)/u;
// A list whose items lost a closing quote still ends in what it is (“A”、“B、C与“D等活动).
const LIST_TAIL = /^[、与和及][^,。;!?]{0,40}?等[\p{Script=Han}]{0,8}?(?:活动|工程|项目|行动|竞赛|大赛)/u;
const CLAUSE_VERB = /推进|开展|实施|扎实|落实|启动|加强|完成|确保|做好|抓好/u;
// A cup's sponsor name in quotes belongs to the contest after it: “XX杯”学科教学信息化大赛.
const EVENT_HEAD = /^[\p{Script=Han}]{0,12}?(?:大赛|竞赛|比赛|联赛|运动会|展演|评选)/u;
// Connectives end a quote whose closing mark was lost (“高考立功单位,同时…).
const CONNECTIVE = /^(?:同时|并且|而且|此外|另外|其中|从而|进而|因此|并|且)/u;
const NUMERIC_SHAPE = new RegExp(
  `^${'[一二两三四五六七八九十百千万双]'}[\\u4e00-\\u9fff]{1,2}[一二两三四五六七八九十百千万双][\\u4e00-\\u9fff]{1,3}(?:[一二两三四五六七八九十百千万双][\\u4e00-\\u9fff]{1,2})?$`,
  'u',
);

const NUM = '[一二两三四五六七八九十百千万双]';
const ALL_NUMERALS = new RegExp(`^${NUM}+$`, 'u');
// “三乱”, “五无”, “三防”: one numeral and a one- or two-character head, a numeric abbreviation.
const NUMERIC_CORE = new RegExp(`^${NUM}[\\u4e00-\\u9fff]{1,2}$`, 'u');
// An unclosed “三防建设: the abbreviation and the word that says what is done about it.
const NUMERIC_WITH_WORK = new RegExp(`^(${NUM}[\\u4e00-\\u9fff]{1,2}?)(?:建设|工作|整改|整治|治理|教育|专项)$`, 'u');
// What a numeric abbreviation is glued to when it names a program or duty (“三优”工程, “七长”责任制).
// (“三名”培养工程: a short verb may stand between the core and the head.)
const GLUED_HEAD = /^(?:培养|培训|建设|提升|目标)?(?:工程|计划|行动|项目|工作室|责任制|负责制|制度|机制|精神)/u;
const DIGIT_FORMULA = /^(?:\d{1,2}|[Xx])(?:\+(?:\d{1,2}|[XxN])){1,3}$/u;
// What follows a formula: a policy word (模式, 选考模式), or a plan that the formula numbers (group 1).
const FORMULA_AFTER = /^[\p{Script=Han}]{0,4}?(?:(方案|规划|意见|文件)|模式|制度|机制|证书|课程)/u;
// A known term, a goal word, and the duty that organises it: 控辍保学(目标)责任制, 安全工作机制.
const DUTY_OF_TERM = /^([\p{Script=Han}]{2,8}?)(?:目标|工作)?(?:责任制|制度|机制)/u;

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
 * Whether the words after a quote name a program the quote belongs to: right after it (“禁毒”专项行动), or
 * after the rest of a quoted list (“A”、“B”、“C”等主题实践活动). A verb in between starts a new clause.
 */
function programAfter(rest: string): boolean {
  // Skip the other quoted items of a list, then look at what the list is called.
  const list = /^(?:[、,和与及]?[“"][^“”"\n]{1,20}[”"])*/u.exec(rest)?.[0] ?? '';
  const m = PROGRAM_AFTER.exec(rest.slice(list.length)) ?? LIST_TAIL.exec(rest);
  return m !== null && !CLAUSE_VERB.test(m[0]);
}

/**
 * Quoted phrases: many are slogans (“控辍保学”), many are rhetoric (“快捷键”). A quoted
 * phrase counts when the lexicon knows it, when it is a multi-part slogan
 * (“为民、务实、清廉”), when its ending or the words glued after it name a program or
 * policy (“菜单式”培训工程, “七长”责任制), or when it is a compound used where policies sit.
 */
function quotedMentions(text: string, lex: Lexicon, spans: Spans, out: Found[], know: WordKnowledge): void {
  const { isWord } = know;
  for (const m of quotedSpans(text)) {
    const inner = m.inner;
    const open = m.open;
    const start = open + 1;
    const close = start + inner.length;
    // Quotes inside a document title are mentions too (《…“两反三转”主题教育…方案》).
    // A multi-part slogan holds its parts: “校企合作,双赢共进” is one even where the lexicon knows 校企合作.
    // (A quoted list of known terms, “控辍保学、县管校聘”, is those terms, not one more.)
    const holdsParts =
      MULTI_PART.test(inner) &&
      inner.length <= 12 &&
      inner.split(SEPARATORS).some((p) => !lex.forms.has(p)) &&
      spans.holdsOnly(start, close);
    if (!spans.freeOrInDocument(start, close) && !holdsParts) continue;
    // Inside a title the lexicon has already named a known quoted term.
    if (out.some((f) => f.start === start && f.end === close)) continue;
    const claim = (kind: EntityKind, name: string, from: number, to: number) => {
      out.push({ kind, name, surface: text.slice(from, to), start: from, end: to, cue: 'quote', anonymised: false });
      spans.take(from, to, kind);
    };
    const known = lex.forms.get(inner);
    if (known) {
      claim(known.kind, known.name, start, close);
      continue;
    }
    const multiPart = MULTI_PART.test(inner) && inner.length <= 40;
    const rest = text.slice(close + 1);
    // “5+2”模式, “3+1+2”选考模式, “1+X”: a formula of numbers is a policy's name where a policy word or verb
    // stands by it (a plan's number, “1+17”工作方案, names a document, not a policy).
    if (DIGIT_FORMULA.test(inner)) {
      const formula = inner.replace(/x/gu, 'X');
      // “9+3”计划, “1+3”培养试验项目: a program named by its formula; “5+2”课后服务模式: a policy named by it.
      const named = /^(?:[\p{Script=Han}]{0,6}?(?:计划|工程|行动|项目)|[\p{Script=Han}]{2,6}?模式)/u.exec(rest)?.[0];
      if (named && !CLAUSE_VERB.test(named)) {
        const end = close + 1 + named.length;
        if (spans.free(open, end)) claim(/模式$/u.test(named) ? 'POLICY' : 'PROGRAM', formula + named, open, end);
        continue;
      }
      const by = FORMULA_AFTER.exec(rest);
      const plan = by?.[1] !== undefined;
      if (!plan && (by || SLOGAN_BEFORE.test(text.slice(Math.max(0, open - 4), open))))
        claim('POLICY', formula, start, close);
      continue;
    }
    // A quoted name that says it is a program may be longer (“转变作风改善发展环境建设年”).
    const maxLength = PROGRAM_END.test(inner) ? 16 : 12;
    if (!multiPart && (!HAN_ONLY.test(inner) || inner.length > maxLength)) continue;
    const after = rest.slice(0, 16);
    const before = text.slice(Math.max(0, open - 4), open);
    // “七长”责任制: a short quoted core and the Han words glued after it form the name.
    // (It stops at a conjunction: “两路”精神和老西藏精神 is two spirits.)
    const glued = /^(?:(?![等和与及])\p{Script=Han}){1,10}/u.exec(rest)?.[0] ?? '';
    const gluedEnd = [...glued].reduce(
      (best, _c, i) =>
        PROGRAM_END.test(glued.slice(0, i + 1)) || POLICY_END.test(glued.slice(0, i + 1)) ? i + 1 : best,
      0,
    );
    // “三乱”专项整治活动, “两反三转”主题教育: a numeric abbreviation is the policy; the words after say
    // what is done about it. Only a program or duty head right after it joins the name (“三优”工程).
    const numericWork = NUMERIC_WITH_WORK.exec(inner);
    // “十四五” is a planning period, all numerals: no abbreviation of anything, and no program whatever
    // follows it (“十四五”开局之年, “十四五”规划).
    if (ALL_NUMERALS.test(inner)) continue;
    const allNumerals = ALL_NUMERALS.test(numericWork?.[1] ?? inner);
    const numeric = !allNumerals && (NUMERIC_SHAPE.test(inner) || NUMERIC_CORE.test(inner) || numericWork !== null);
    // “双线四级”控辍保学责任制: the abbreviation says how a known duty is organised; the duty is the name, and
    // the known term stays a mention of its own inside it.
    const duty = numeric && !numericWork ? DUTY_OF_TERM.exec(glued) : null;
    if (duty && lex.forms.has(duty[1]!) && spans.holdsOnly(open, close + 1 + duty[0].length)) {
      claim('POLICY', inner + duty[0], open, close + 1 + duty[0].length);
      continue;
    }
    if (numeric && !(gluedEnd > 0 && GLUED_HEAD.test(glued))) {
      const core = numericWork?.[1] ?? inner;
      const placed =
        NUMERIC_SHAPE.test(core) ||
        numericWork !== null ||
        SLOGAN_BEFORE.test(before) ||
        SLOGAN_AFTER.test(after) ||
        /^(?:专项|整改|整治|治理)/u.test(after);
      if (placed) claim('POLICY', core, start, start + core.length);
      continue;
    }
    // “科大讯飞杯”学科教学信息化大赛: the cup names the contest.
    const contest = /杯$/u.test(inner) ? EVENT_HEAD.exec(rest)?.[0] : undefined;
    if (contest) {
      const end = close + 1 + contest.length;
      if (spans.free(open, end)) claim('PROGRAM', inner + contest, open, end);
      continue;
    }
    // A short core needs its head (七长 + 责任制); a longer phrase takes at most a short one (为民办实事 + 项目).
    if (
      !multiPart &&
      gluedEnd > 0 &&
      !CLAUSE_VERB.test(glued.slice(0, gluedEnd)) &&
      (inner.length <= 3 ||
        (inner.length <= 5 && gluedEnd <= 2) ||
        // “东太湖名师”培养工程: a longer name with the program's own head after it.
        (inner.length <= 6 && gluedEnd <= 4 && /(?:工程|计划|行动|项目)$/u.test(glued.slice(0, gluedEnd))))
    ) {
      const name = inner + glued.slice(0, gluedEnd);
      const end = close + 1 + gluedEnd;
      if (!spans.free(open, end)) continue;
      claim(PROGRAM_END.test(name) ? 'PROGRAM' : 'POLICY', name, open, end);
      continue;
    }
    let kind: EntityKind | null = null;
    // “金湾班”: a class named after a place is a program; “订单班”, “冠名班” are kinds of class.
    const placeClass = /班$/u.test(inner) && [2, 3, 4].some((n) => know.isPlace(inner.slice(0, n)));
    if (PROGRAM_END.test(inner) || placeClass || programAfter(rest)) kind = 'PROGRAM';
    else if (multiPart || POLICY_END.test(inner)) kind = 'POLICY';
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

// The last characters of the school suffixes: most tokens end in none of them and need no suffix search.
const SCHOOL_SUFFIX_LAST = new Set(SCHOOL_SUFFIXES.map((s) => s[s.length - 1]!));

const isNameToken = (t: Token) =>
  NAME_TAGS.has(t.tag) && /^[\p{Script=Han}0-9A-Za-z·]+$/u.test(t.word) && !/^[0-9]+$/u.test(t.word);

// 全市, 本省, 我市…: the reader's own unit, not a level that awards.
const SELF_REFERENCE = /[全本我该各每]/u;
const SCHOOL_SUFFIX_SET = new Set(SCHOOL_SUFFIXES);
/** 我县, 全市, 本区: the reader's own unit. */
const SELF_LEVEL = new RegExp(`^${SELF_REFERENCE.source}[${LEVEL_CHARS}]$`, 'u');
const SPLIT_SUFFIX_TAILS = new Set(
  SCHOOL_SUFFIXES.flatMap((s) => [...s].map((_c, k) => s.slice(k))).filter(
    (t) => t.length > 0 && !SCHOOL_SUFFIX_SET.has(t),
  ),
);
/**
 * 职教/中心, 职业/教育/中心: a suffix jieba cut in two or three is one token again (only where the last part is
 * no suffix alone).
 */
function joinSplitSuffixes(tokens: Token[]): Token[] {
  if (!tokens.some((t) => SPLIT_SUFFIX_TAILS.has(t.word))) return tokens;
  const out: Token[] = [];
  for (const t of tokens) {
    const prev = out[out.length - 1];
    const before = out[out.length - 2];
    if (prev && prev.end === t.start && !SCHOOL_SUFFIX_SET.has(t.word) && SCHOOL_SUFFIX_SET.has(prev.word + t.word))
      out[out.length - 1] = { ...t, word: prev.word + t.word, start: prev.start, tag: 'n' };
    else if (
      prev &&
      before &&
      before.end === prev.start &&
      prev.end === t.start &&
      !SCHOOL_SUFFIX_SET.has(t.word) &&
      SCHOOL_SUFFIX_SET.has(before.word + prev.word + t.word)
    ) {
      out.pop();
      out[out.length - 1] = { ...t, word: before.word + prev.word + t.word, start: before.start, tag: 'n' };
    } else out.push(t);
  }
  return out;
}

/** Words of a table of figures that a school level follows (生均公用经费小学, 建筑面积小学, 差异系数小学). */
const TABLE_WORD = /(?:经费|面积|系数|标准|比例|占比|班额|人数|生均|教授|分别|其中|率)$/u;

/** Quantifiers before a school word: some, all or the rest of a kind (部分镇中心学校). */
const SOME_OR_ALL = new Set(['部分', '一些', '所有', '全部', '其他', '其余', '少数', '个别', '各', '现有']);

/**
 * Schools: a suffix token (中学, 一中, 中专…) joined with the name tokens before it.
 * Right to left, so 华南师范大学附属XX学校 is claimed before 华南师范大学 inside it.
 * Universities named ...大学 are organisations in these reports, not local schools.
 */
function schoolMentions(text: string, cut: Token[], spans: Spans, out: Found[], know: WordKnowledge): void {
  const tokens = joinSplitSuffixes(cut);
  // What names one school rather than a kind: a place, a proper or anonymised name, a word too rare to be ordinary
  // vocabulary, or an ordinal.
  const namesOne = (t: Token) =>
    PROPER_TAGS.has(t.tag) ||
    know.isPlace(t.word) ||
    ANONYMISED.test(t.word) ||
    know.frequency(t.word) < 1000 ||
    /^第?[一二三四五六七八九十\d]+$/u.test(t.word);
  for (let i = tokens.length - 1; i >= 0; i--) {
    const tok = tokens[i]!;
    if (!SCHOOL_SUFFIX_LAST.has(tok.word[tok.word.length - 1]!)) continue;
    const suffix = SCHOOL_SUFFIXES.find((s) => tok.word.endsWith(s));
    if (!suffix) continue;
    // 生均公用经费小学、初中, 差异系数小学为0.41, 生均校舍建筑面积小学达到6.8平方米: a school level in a table of
    // figures, not a school; nor is 小学组第二名, a competition's group. Figures and curriculum words count only right
    // after a word of the table (经费, 面积, 系数…): 城关小学组织…, 县实验小学课程改革 are the school.
    const afterTableWord = i === 0 || TABLE_WORD.test(tokens[i - 1]!.word);
    if (
      /^(?:小学|中学|初中|高中)$/u.test(tok.word) &&
      (/^(?:[、和及与](?:初中|高中|中学|小学)|组(?:第|冠军|亚军|季军|[一二三]等奖|[金银铜]奖|团体))/u.test(
        text.slice(tok.end),
      ) ||
        (afterTableWord &&
          /^(?:(?:为|达到|达|每生每年|每生|每年)?[\d.]+|组(?![织建成])|课程|内容|阶段|学段)/u.test(
            text.slice(tok.end),
          )))
    )
      continue;
    // 综合高中试点班: the kind of high school, written alone.
    if (tok.word === '高中' && tokens[i - 1]?.word === '综合') {
      const before2 = tokens[i - 2];
      const named = before2 && (isNameToken(before2) || LEVEL_CHAR.test(before2.word));
      if (!named || PROGRAM_LEAD_VERBS.has(before2.word)) continue;
    }
    // 普通高中, 特色学校 as one token: a kind of school.
    if (SCHOOL_CATEGORY_WORDS.has(tok.word.slice(0, tok.word.length - suffix.length))) continue;
    let j = i - 1;
    let glued: number | undefined;
    let proper = false;
    let category = false;
    let someOrAll = false;
    // Up to four name tokens, at most sixteen characters. Once a proper name (雍阳, 林伟民)
    // is in, a common noun joins only if it starts the phrase (航空新城小学), not if it
    // ends a longer noun phrase of the sentence (专家组成员雍阳中专).
    while (j >= 0 && i - j <= 4 && tok.end - tokens[j]!.start <= 16) {
      const t = tokens[j]!;
      if (t.word === ' ' && j > 0 && /^[Xx×*]{1,4}$/u.test(tokens[j - 1]!.word)) {
        j -= 2; // "XX 县…": an anonymised name split by a layout space
        break;
      }
      // 海门/区/滨江实验学校: a place cut from its level character is one proper name.
      // (海门市 became 海门区: the short name alone is enough.)
      const prev = j > 0 ? tokens[j - 1]!.word : '';
      // (xx/县/职教中心: an anonymised place cut from its level is one too.)
      if (
        prev &&
        LEVEL_CHAR.test(t.word) &&
        (know.isPlace(prev + t.word) || know.isPlace(prev) || ANONYMISED_TOKEN.test(prev))
      ) {
        proper = true;
        j -= 2;
        continue;
      }
      // 自由/路/小学, 友好/路/小学: a school named after its road keeps the road's whole name.
      if (/^(?:路|街|大街|大道)$/u.test(t.word) && j > 0 && /^\p{Script=Han}{2,4}$/u.test(tokens[j - 1]!.word)) {
        const road = tokens[j - 1]!;
        if (
          !SCHOOL_WORK_VERBS.has(road.word) &&
          !PROGRAM_LEAD_VERBS.has(road.word) &&
          !CONSTRUCTION_WORDS.has(road.word)
        ) {
          proper = true;
          j -= 2;
          continue;
        }
      }
      // 力争/城区/小学, 逐步提高/农村/学校, 我县/小学: a kind of school; nothing before it is part of a name.
      // (城区/第一小学: an ordinal after it names one school of that area.)
      const ordinalNext = /^(?:第|[一二三四五六七八九十]+[中小幼高]?$)/u.test(tokens[j + 1]?.word ?? '');
      if ((SCHOOL_CATEGORY_WORDS.has(t.word) && !ordinalNext) || SELF_LEVEL.test(t.word)) {
        category = true;
        // 部分镇中心学校, 各乡镇中心学校: some or all of the local schools, a kind even of a local name.
        someOrAll = SOME_OR_ALL.has(t.word);
        break;
      }
      // 守好/学校…阵地, 办好/学校: a verb with its result is what is done to schools.
      if (t.word.length === 2 && t.word.endsWith('好') && (VERB_TAGS.has(t.tag) || t.tag === 'x')) break;
      // 提升/县一中/办学水平: what is done to a school is no part of its name.
      if (SCHOOL_WORK_VERBS.has(t.word)) break;
      // 。下关/v 第三小学: a rare word jieba took for a verb, opening a clause before an ordinal name, is the place.
      if (
        VERB_TAGS.has(t.tag) &&
        t.word.length >= 2 &&
        know.frequency(t.word) < 1000 &&
        /^第/u.test(tokens[j + 1]?.word ?? '') &&
        // (推进/下关/第十中学: or the object of a verb that introduces work; not 结对/帮扶 or 推进/集团化.)
        (j === 0 ||
          /^[、,,;;。\s]$/u.test(tokens[j - 1]!.word) ||
          ((PROGRAM_LEAD_VERBS.has(tokens[j - 1]!.word) || SCHOOL_WORK_VERBS.has(tokens[j - 1]!.word)) &&
            !/化$/u.test(t.word)))
      ) {
        proper = true;
        j--;
        break;
      }
      // (docx/芷村镇中心学校: letters of a file name are no part of a school's, unless they anonymise it.)
      if (t.tag === 'eng' && !ANONYMISED.test(t.word)) break;
      // 原/XX/学校, 和/县一中: a function word stands before a name, not in it (nor one jieba glued on: 检查和/学校).
      if (t.word.length === 1 && GLUED_FUNCTION_CHAR.test(t.word)) break;
      // (延和/朝鲜族学校: a name of its own that ends in 和, not a word with 和 glued on.)
      const gluedAnd =
        /[和与及]$/u.test(t.word) &&
        ((t.word.length > 2 && know.isWord(t.word.slice(0, -1))) ||
          (t.word.length === 2 && SENTENCE_CHAR.test(t.word[0]!)));
      if (gluedAnd && !know.isPlace(t.word)) break;
      // 以市/一中, 并/入市/职教中心, 做/强县/职校: jieba glued the character before a local name onto its level.
      // (临江/新区/第二幼儿园: after a name, the word is part of the place.)
      if (
        t.word.length === 2 &&
        LEVEL_CHAR.test(t.word[1]!) &&
        // Only a function character (以市), or one that makes a word with what comes before (并/入市, 做/强县):
        // 新区一中 and 矿区一中 are schools of their own. 和县 is a county too, but after a list item
        // (…街道和县一中) the 和 joins the list.
        (GLUED_FUNCTION_CHAR.test(t.word) ||
          (j > 0 && (know.isWord(tokens[j - 1]!.word + t.word[0]!) || VERB_TAGS.has(tokens[j - 1]!.tag)))) &&
        (!know.isPlace(t.word) || (/^[和与及]/u.test(t.word) && j > 0 && isNameToken(tokens[j - 1]!))) &&
        // (老/校区/幼儿园: a kind of area, 校区 or 园区, is a word of its own, not a glued level.)
        !(KIND_OF_AREA.test(t.word) && know.isWord(t.word)) &&
        LOCAL_GENERIC.test(t.word[1]! + text.slice(t.end, tok.end))
      ) {
        glued = t.start + 1;
        j--;
        break;
      }
      const institution = /(?:大学|学院)$/u.test(t.word);
      // 启动县域高中: the verb that introduces a name is not part of it.
      // 介休市/v: jieba's tag for a place is no reason to stop at it.
      const place = know.isPlace(t.word) && /^\p{Script=Han}+$/u.test(t.word);
      if (
        !institution &&
        !place &&
        (!isNameToken(t) || SCHOOL_NAME_BREAK.test(t.word) || PROGRAM_LEAD_VERBS.has(t.word))
      )
        break;
      const common = (t.tag === 'n' || t.tag === 'vn' || t.tag === 'l') && !know.isPlace(t.word);
      if (proper && common && !institution && j > 0 && isNameToken(tokens[j - 1]!)) break;
      if (PROPER_TAGS.has(t.tag) || place) proper = true;
      j--;
    }
    // 甘粑哨幼儿园, 乐岗小学: jieba cut an unknown name into single characters; right after
    // a list mark or the start they still belong to the name.
    // (有/的/学校: the sentence's own words are not a name cut into characters.)
    const single = (t: Token) =>
      t.word.length === 1 &&
      /\p{Script=Han}/u.test(t.word) &&
      !GLUED_FUNCTION_CHAR.test(t.word) &&
      !SENTENCE_CHAR.test(t.word);
    if (glued === undefined && j >= 0 && single(tokens[j]!)) {
      let m = j;
      while (m >= 0 && single(tokens[m]!) && j - m < 3) m--;
      // (改扩建/弓/棚子镇中心校: after building work, too.)
      const afterBuilding =
        m >= 0 &&
        CONSTRUCTION_WORDS.has(tokens[m]!.word) &&
        tokens.slice(m + 1, j + 1).every((t) => !/^[abfdmqr]/u.test(t.tag)); // not 新/旧/后 学校
      if (m < 0 || /^[、,,;;::\s]$/u.test(tokens[m]!.word) || afterBuilding) j = m;
      // 会泽县/茚/旺/高级中学: after a place, the characters jieba could not place are the name, and the place
      // is part of it.
      else if (
        know.isPlace(tokens[m]!.word) &&
        LEVEL_PREFIX.test(tokens[m]!.word) &&
        tokens.slice(m + 1, j + 1).every((t) => UNPLACED_CHAR_TAGS.has(t.tag)) // not 三明市/的/学校
      )
        j = m - 1;
    }
    // 以东/洲/实验小学: jieba glued a preposition onto the name's first character.
    const first = tokens[j + 1];
    if (
      j >= 0 &&
      j + 1 < i &&
      first!.word.length === 1 &&
      tokens[j]!.word.length === 2 &&
      GLUED_FUNCTION_CHAR.test(tokens[j]!.word) &&
      /^\p{Script=Han}$/u.test(tokens[j]!.word[1]!)
    ) {
      glued = tokens[j]!.start + 1;
    }
    // Drop generic leading tokens (全市/农村…): what remains must still name a school.
    let k = j + 1;
    while (k < i && GENERIC_SCHOOL_PREFIXES.has(tokens[k]!.word)) k++;
    let start = k < i ? tokens[k]!.start : tok.start;
    if (glued !== undefined && k === j + 1) start = glued;
    // 为海澄小学: jieba glued the preposition to an unknown name.
    if (
      k < i &&
      tokens[k]!.tag === 'x' &&
      tokens[k]!.word.length >= 3 &&
      GLUED_FUNCTION_CHAR.test(tokens[k]!.word) &&
      !know.isPlace(tokens[k]!.word) // 从化区 is a district, not 从 + 化区
    )
      start++;
    let name = text.slice(start, tok.end);
    const prefix = name.slice(0, name.length - suffix.length);
    const before = text.slice(Math.max(0, tok.start - 1), tok.end);
    // (市一中 from 以市/一中 is already the whole local name.)
    const whole = ORDINAL_SCHOOL.test(name);
    if (!whole && (ORDINAL_SCHOOL.test(tok.word) || (prefix.length === 0 && ORDINAL_SCHOOL.test(before)))) {
      // 市四小, 市三中: the level and the number are the whole (local) name (城区一小: with the area).
      start = ORDINAL_SCHOOL.test(tok.word) ? tok.start : tok.start - 1;
      if (text.startsWith('城区', start - 1)) start -= 1;
      name = text.slice(start, tok.end);
    } else if (!whole && (prefix.length === 0 || GENERIC_SCHOOL_PREFIXES.has(prefix))) {
      // 县实验中学, 区第二幼儿园, 区特殊教育学校: generic words after a level character are the local
      // school of that level (keyed by the report's place when resolved), whatever jieba tagged the level.
      // (以市/一中: the level a glued character was cut from starts the name, whatever word the two made.)
      const local =
        glued !== undefined && start === glued && LOCAL_GENERIC.test(name)
          ? start
          : localSchoolStart(text, tok.end, know.isWord);
      if (local === undefined) continue;
      start = local;
      name = text.slice(start, tok.end);
    } else if (!whole) {
      // 县第一幼儿园: a local name keeps the level written before it.
      const local = localSchoolStart(text, tok.end, know.isWord);
      // (县职业/中专学校: the level and the kind of school it runs, dropped as a generic opening, come back.)
      const levelKind =
        local !== undefined &&
        /^[省市州县区旗](?:职业|职教)$/u.test(text.slice(local, start)) &&
        LOCAL_GENERIC.test(text.slice(local, tok.end));
      if (local !== undefined && local < start && (local >= start - 2 || levelKind)) {
        start = local;
        name = text.slice(start, tok.end);
      } else if (
        start > 0 &&
        LEVEL_CHAR.test(text[start - 1]!) &&
        (start === 1 || !/\p{Script=Han}/u.test(text[start - 2]!))
      ) {
        // 。区沙河中学: a level written alone before a named school says whose it is, and is written with it
        // (with the anonymised name before it: XX 县蒙古族实验中学).
        start -= 1;
        start -= /[Xx×]{1,4} ?$/u.exec(text.slice(Math.max(0, start - 5), start))?.[0].length ?? 0;
        name = text.slice(start, tok.end);
      }
    }
    // 成人/文化技术学校: after a kind of school, only a proper part (a place, a name, an ordinal) makes one school.
    // (城区第一小学, 民办育才学校.)
    const namedBetween = (from: number) => tokens.some((t) => t.start >= from && t.end <= tok.start && namesOne(t));
    if (category && (someOrAll || !LOCAL_GENERIC.test(name)) && !namedBetween(start)) continue;
    // 拉萨市/区/学校, 镇街学校: the schools of a town's urban area, or of its towns, a kind.
    if (
      /^(?:学校|小学|中学|幼儿园|高中)$/u.test(suffix) &&
      /(?:市区|城区|郊区|县城|镇街)$/u.test(text.slice(Math.max(0, tok.start - 3), tok.start))
    )
      continue;
    // 6所村完小: a count of schools of a kind (所 is the measure word, not a name).
    if (/^所/u.test(name) && /[\d两几一二三四五六七八九十百余多]$/u.test(text.slice(0, start))) continue;
    // 新建乡镇中心幼儿园4所: a name counted in figures is a kind of school. (梅山三小、开发区实验学校2所学校 counts
    // the list the name ends.)
    const counted = /^(\d+)所/u.exec(text.slice(tok.end, tok.end + 4));
    // (The list must hold a school: 公办园、普惠性民办园和村小附属幼儿园15所 counts kinds.)
    const listed =
      counted &&
      Number(counted[1]) >= 2 &&
      /(?:小学|中学|学校|幼儿园|[一二三四五六七八九十][中小幼高]|中心校|完小|中专|职校)[、和及与]$/u.test(
        text.slice(0, start),
      );
    if (counted && !listed) continue;
    // 我县一高考生: one 高考 candidate, not 县一高.
    if (/[一二三四五六七八九十]高$/u.test(name) && text[tok.end] === '考') continue;
    if (NOT_SCHOOL_ENDINGS.some((e) => name.endsWith(e)) || NOT_SCHOOL_PARTS.test(name)) continue;
    // 斗门一中, 春城一小 but not 利用三中: before a bare number school stands a place, a
    // proper name, or a word too rare in the dictionary to be ordinary vocabulary.
    const bareNumber = /^[一二三四五六七八九十]+[中小幼高]$/u.test(suffix) && !ORDINAL_SCHOOL.test(name);
    if (bareNumber && !LOCAL_GENERIC.test(name) && !namedBetween(start)) continue;
    if (!spans.free(start, tok.end)) continue;
    const kind: EntityKind = name.endsWith('大学') ? 'ORGANIZATION' : 'SCHOOL';
    // XX 县…中学: a layout space is no part of the name (the surface keeps it).
    const surface = name;
    name = name.replace(/\s+/gu, '');
    out.push({ kind, name, surface, start, end: tok.end, cue: 'suffix', anonymised: isAnonymised(name) });
    spans.take(start, tok.end, kind);
    listedOrdinals(text, name, tok.end, spans, out);
  }
}

const ORDINAL_END = /[一二三四五六七八九十]+[中小幼高]$/u;
const NEXT_ORDINAL = /^[、和及与]([一二三四五六七八九十]+[中小幼高])/u;
/**
 * 凤凰城一小、二小、四小, 区一中、五中: the schools listed after a numbered one share its name's first part, written
 * once. Each is a school of its own, named in full; its surface is what is written.
 */
function listedOrdinals(text: string, name: string, end: number, spans: Spans, out: Found[]): void {
  const stem = ORDINAL_END.exec(name);
  if (!stem || stem.index === 0) return;
  const prefix = name.slice(0, stem.index);
  for (let at = end, m = NEXT_ORDINAL.exec(text.slice(at)); m; m = NEXT_ORDINAL.exec(text.slice(at))) {
    const from = at + 1;
    const to = from + m[1]!.length;
    if (!spans.free(from, to)) return;
    const full = prefix + m[1]!;
    out.push({
      kind: 'SCHOOL',
      name: full,
      surface: m[1]!,
      start: from,
      end: to,
      cue: 'suffix',
      anonymised: isAnonymised(full),
    });
    spans.take(from, to, 'SCHOOL');
    at = to;
  }
}

const COUNT: Record<string, number> = { 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
// 刁坊、叶塘、永和三镇中心幼儿园: towns listed, counted, and the one kind of school each has.
const TOWNS_SHARING_SCHOOL =
  /((?:\p{Script=Han}{2,3}、)+\p{Script=Han}{2,3})([两二三四五六七八九十])([镇乡])(中心(?:幼儿园|小学|学校|校|完小)|初级中学|中学|小学|幼儿园)/gu;

/**
 * Towns listed before a count and a shared school name (刁坊、叶塘、永和三镇中心幼儿园): each town's school is one,
 * named in full (刁坊镇中心幼儿园); its surface is the town as written. The count must match the list.
 */
function townsSharingSchool(text: string, spans: Spans, out: Found[]): void {
  if (!/[两二三四五六七八九十][镇乡]/u.test(text)) return;
  for (const m of text.matchAll(TOWNS_SHARING_SCHOOL)) {
    const towns = m[1]!.split('、');
    if (COUNT[m[2]!] !== towns.length) continue;
    let at = m.index ?? 0;
    // 其中刁坊、叶塘…: the first town is as long as the others; what is before it belongs to the sentence.
    if (towns[0]!.length === 3 && towns.slice(1).every((t) => t.length === 2)) {
      towns[0] = towns[0]!.slice(1);
      at += 1;
    }
    const found: Found[] = [];
    for (const town of towns) {
      const name = `${town}${m[3]}${m[4]}`;
      if (spans.free(at, at + town.length))
        found.push({
          kind: 'SCHOOL',
          name,
          surface: town,
          start: at,
          end: at + town.length,
          cue: 'suffix',
          anonymised: false,
        });
      at += town.length + 1;
    }
    if (found.length !== towns.length) continue;
    out.push(...found);
    for (const f of found) spans.take(f.start, f.end, 'SCHOOL');
    // The count and the shared name belong to the list, not to a school of their own.
    spans.take(at - 1, (m.index ?? 0) + m[0].length);
  }
}

/** Where a local school name (县实验中学) ending at `end` starts, if one does. */
function localSchoolStart(text: string, end: number, isWord: (w: string) => boolean): number | undefined {
  for (let len = 3; len <= 9 && len <= end; len++) {
    const from = end - len;
    // (城区一小: the town's own area names a local school like a level does.)
    const level = LEVEL_CHAR.test(text[from]!) || text.startsWith('城区', from);
    if (!level || !LOCAL_GENERIC.test(text.slice(from, end))) continue;
    // 乡镇中心幼儿园: the level character ends a word (乡镇, 城镇), so this is a kind of school, not one; nor is
    // 各县幼儿园 one.
    const pair = text.slice(from - 1, from + 1);
    // (大塘、仁东等镇中心学校: the towns' schools, a kind.)
    return from > 0 &&
      ((KIND_OF_AREA.test(pair) && isWord(pair)) ||
        /[等诸]/u.test(text[from - 1]!) ||
        SELF_REFERENCE.test(text[from - 1]!))
      ? undefined
      : from;
  }
  return undefined;
}

/** A program whose name is what is written between start and end (found by its head or shape). */
function addProgram(text: string, start: number, end: number, spans: Spans, out: Found[]): void {
  const surface = text.slice(start, end);
  // (幼儿园“小学化”专项治理: named without its quote marks, as every other name is.)
  const name = surface.replace(ANY_QUOTES, '');
  out.push({ kind: 'PROGRAM', name, surface, start, end, cue: 'suffix', anonymised: isAnonymised(name) });
  spans.take(start, end, 'PROGRAM');
}

// 开展无证民办幼儿园及校外培训机构专项治理: a campaign against a named wrong, named from the verb that opens it
// to its head; what it targets may hold verbs and lists (违规收受…礼金, 形式主义、官僚主义), unlike a program's name.
const CAMPAIGN =
  /(?<=(?:开展|组织|启动|推进|深化|部署|实施|做好)(?:对|了)?)(?!开展|组织|对|了)((?:(?!开展|组织|启动|推进|部署|实施|进行|对|并|各|全县|全市|全区)\p{Script=Han}|、(?=\p{Script=Han})|[“”](?=\p{Script=Han}|专项)){3,30}?)(专项(?:治理|整治|整顿|清理))/gu;

const MANNER_OF_SWEEP = /^(?:\p{Script=Han}{1,3}[化式性的]|全覆盖|新一轮|今年的?|本年度|年度|全面|集中|深入)$/u;
// Every bureau runs these each year (师德师风, 作风建设, safety sweeps); no reader traces them as named campaigns.
const ROUTINE_CAMPAIGN = /^(?:师德师风|师风师德|作风建设)$|安全|防溺水|消防/u;

// 示范校建设, 星级党支部建设, 智慧学校建设: building up schools or branches to a grade is a program of its own.
const GRADE_BUILDING =
  /(?:示范性?|[一二三四五]?星级|智慧|特色|标准化|规范化|清廉|平安|文明|温馨|绿色|数字化?|现代化)(?:学校|校园|校|党支部|幼儿园)建设/gu;

function gradeBuildingMentions(text: string, spans: Spans, out: Found[]): void {
  if (!text.includes('建设')) return;
  for (const m of text.matchAll(GRADE_BUILDING)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (spans.free(start, end)) addProgram(text, start, end, spans, out);
  }
}

function campaignMentions(text: string, spans: Spans, out: Found[]): void {
  if (!text.includes('专项')) return;
  for (const m of text.matchAll(CAMPAIGN)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    // (“三乱”专项整治: a quoted abbreviation alone is the policy the sweep enforces, found by the quote rule.)
    if (/^“[^“”]+”$/u.test(m[1]!)) continue;
    // 常态化, 拉网式, 全覆盖, 新一轮专项整治: how or when a sweep runs, not what it targets.
    if (MANNER_OF_SWEEP.test(m[1]!)) continue;
    if (NOT_PROGRAM_PARTS.test(m[0]) || ROUTINE_CAMPAIGN.test(m[1]!) || !spans.fitsProgram(start, end)) continue;
    addProgram(text, start, end, spans, out);
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
    // jieba tags some schools and counts as places (普通高中/ns, 三中/ns, 各乡镇/ns).
    if (NOT_PLACE_SHAPE.test(w) || SCHOOL_SUFFIXES.some((x) => w.endsWith(x))) continue;
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
  // Built on the first match only: most sentences hold no numeral-led slogan.
  let edges: Set<number> | undefined;
  for (const m of text.matchAll(NUMERIC_SLOGAN)) {
    edges ??= new Set(tokens.flatMap((t) => [t.start, t.end]));
    const start = m.index ?? 0;
    // Try the longest reading first, shrinking to a word edge that fits the context.
    for (let end = start + m[0].length; end >= start + 4; end--) {
      const term = text.slice(start, end);
      if (!edges.has(start) || !edges.has(end)) continue;
      if (!NUMERIC_SHAPE.test(term)) continue;
      // 五里岗一小, 一中、二中一本上线: a place and a numbered school, not a slogan.
      if (SCHOOL_SUFFIX_SET.has(term.slice(-2)) || SCHOOL_SUFFIX_SET.has(term.slice(0, 2))) continue;
      const before = SLOGAN_BEFORE.test(text.slice(Math.max(0, start - 4), start));
      const after = SLOGAN_AFTER.test(text.slice(end, end + 6));
      if (!(before || after) || !spans.free(start, end)) continue;
      out.push({ kind: 'POLICY', name: term, surface: term, start, end, cue: 'numeric-slogan', anonymised: false });
      spans.take(start, end);
      break;
    }
  }
}

// 党的十九大精神, 十八届三中全会精神, 党的 xx 大会议精神: a congress named by its number.
const CONGRESS_SPIRIT =
  /(?:党的\s*)?([一二三四五六七八九十]{1,3}|[Xx×]{1,3})\s*(大|届[一二三四五六七八九]中全会)(?:会议)?精神/gu;
// 党的十九大和全国教育大会精神: a congress listed before the meetings whose spirit is meant.
// Only 党的N大 or a numbered plenum, and only before another meeting (十大和谐家庭等精神文明… is no congress).
const CONGRESS_IN_LIST =
  /(?:党的\s*([一二三四五六七八九十]{1,3})\s*(大)|([一二三四五六七八九十]{1,3})\s*(届[一二三四五六七八九]中全会))(?=[和、及与][^,。;]{0,30}?(?:大会|全会|会议)精神)/gu;
const MEETING_SPIRIT =
  /(?:全国[\p{Script=Han}]{2,10}?(?:工作)?(?:大会|会议)|习近平总书记[\p{Script=Han}]{0,12}?重要(?:讲话|指示|论述))精神/gu;
const ALL_WHO_QUALIFY = /应(\p{Script=Han}{1,2})尽\1(?:[、,,]应(\p{Script=Han}{1,2})尽\2)*/gu;
// 把方向、管大局、作决策、保落实: four or more verb-object triples, a political formula even unquoted.
const TRIPLE_LIST = /\p{Script=Han}{3}(?:、\p{Script=Han}{3}){3,}(?=[的等和与为]|[^\p{Script=Han}]|$)/gu;

/**
 * Political formulas with a fixed shape: the spirit of a numbered party congress, and lists of
 * verb-object triples. A triple is a one-character verb on a word (管 + 大局), rarely itself a word
 * (幼儿园、少年宫、图书馆、体育馆 is a list of places).
 */
function formulaMentions(text: string, spans: Spans, out: Found[], know: WordKnowledge): void {
  const { isWord } = know;
  const claim = (name: string, start: number, end: number, anonymised: boolean) => {
    if (!spans.free(start, end)) return;
    out.push({ kind: 'POLICY', name, surface: text.slice(start, end), start, end, cue: 'formula', anonymised });
    spans.take(start, end, 'POLICY');
  };
  for (const m of text.matchAll(CONGRESS_SPIRIT)) {
    const anonymised = /[Xx×]/u.test(m[1]!);
    claim(`党的${anonymised ? m[1]!.toLowerCase() : m[1]!}${m[2]!}精神`, m.index, m.index + m[0].length, anonymised);
  }
  for (const m of text.matchAll(CONGRESS_IN_LIST)) {
    claim(`党的${m[1] ?? m[3]!}${m[2] ?? m[4]!}精神`, m.index, m.index + m[0].length, false);
  }
  // 新时代贵州精神 (新时代x精神 when anonymised): a place's spirit in the new era.
  for (const m of text.matchAll(/新时代([\p{Script=Han}]{2,4}?|[Xx×]{1,3})精神/gu)) {
    const anonymised = /[Xx×]/u.test(m[1]!);
    if (anonymised || know.isPlace(m[1]!)) claim(m[0], m.index, m.index + m[0].length, anonymised);
  }
  // 延安精神, 晋江经验: a place's spirit or experience, held up as a model.
  // (Scanned only where a spirit or experience is named: most sentences name none.)
  const spirits =
    text.includes('精神') || text.includes('经验') ? text.matchAll(/([\p{Script=Han}]{2,4}?)(精神|经验)/gu) : [];
  for (const m of spirits) {
    const place = [2, 3, 4].map((n) => m[1]!.slice(-n)).find((w) => w.length >= 2 && know.isPlace(w));
    if (!place) continue;
    // 老西藏精神: the old guard's spirit of a place is named with 老.
    const start = m.index + m[0].length - place.length - 2;
    const old = text[start - 1] === '老' ? 1 : 0;
    claim(text.slice(start - old, start) + place + m[2]!, start - old, m.index + m[0].length, false);
  }
  // 全国职业教育大会精神, 习近平总书记七一重要讲话精神: the spirit of a named national meeting or speech.
  for (const m of text.matchAll(MEETING_SPIRIT)) claim(m[0], m.index, m.index + m[0].length, false);
  // 应助尽助, 应贷尽贷、应入尽入: every one who qualifies gets it, a formula of its own.
  for (const m of text.matchAll(ALL_WHO_QUALIFY))
    claim(m[0].replace(/[,,]/gu, '、'), m.index, m.index + m[0].length, false);
  for (const m of text.matchAll(TRIPLE_LIST)) {
    const parts = m[0].split('、');
    const triples = parts.every((p) => isWord(p.slice(1))) && parts.filter((p) => isWord(p)).length <= 1;
    if (triples) claim(m[0], m.index, m.index + m[0].length, false);
  }
}

// 省级示范幼儿园, 市一级幼儿园, 省示范高中: a grade a level of government awards a school, not a school.
const SCHOOL_DESIGNATION =
  /(?:国家级|省级|市级|县级|区级|[省市])(?:一级|一类|二级|三级|一等|二等|示范性?|标准化|规范化|优质|特色|达标){1,3}(?:普通高中|高完中|完中|高中|中学|小学|幼儿园|中等职业学校|中职学校|职业学校|学校)/gu;

/**
 * School designations. 阳江市标准化幼儿园: a place whose level the grade names is the awarding body and
 * belongs to the designation; a bare 省/市 is the reader's own province or city.
 */
function designationMentions(text: string, spans: Spans, out: Found[], know: WordKnowledge): void {
  for (const m of text.matchAll(SCHOOL_DESIGNATION)) {
    let start = m.index;
    const end = start + m[0].length;
    if (/^[省市](?![级])/u.test(m[0])) {
      const place = placeBefore(text, start + 1, know);
      // 城市优质学校, 全市优质学校: a level character that ends a word is no awarding level.
      if (
        place === undefined &&
        start > 0 &&
        (know.isWord(text.slice(start - 1, start + 1)) || SELF_REFERENCE.test(text[start - 1]!))
      )
        continue;
      if (place !== undefined) start = start + 1 - place;
    }
    if (spans.free(start, end)) addProgram(text, start, end, spans, out);
  }
}

const ANONYMISED_TOKEN = /^[Xx×]{1,4}$/u;
const LEVEL_CHAR = new RegExp(`^[${LEVEL_CHARS}]$`, 'u');
/** Who goes into schools (专家进校园, 家长进课堂): an activity, not the theme a campaign brings. */
const VISITORS =
  /(?:家长|专家|教师|老师|名师|学生|干部|律师|医生|志愿者|民警|警察|法官|检察官|院士|作家|工匠|劳模|校长)$/u;
/** Where …进校园-style campaigns take a theme (书法教育进课堂, 法治进社区). */
const INTO_PLACES = new Set(['课堂', '校园', '社区', '家庭', '乡村', '农村', '头脑', '教材']);
const isHanOrDigits = (w: string) => /^[\p{Script=Han}\d]+$/u.test(w);
// Tokens a name may hold whatever jieba tagged them: ordinals and anniversaries (第五届, 89 周年),
// a series (读书教育系列活动), anonymised parts (xx中学扩建项目), a level (XX 县 第三届…).
const NAME_FILLER = new RegExp(
  `^(?:第[一二三四五六七八九十\\d]+届|第[一二三四五六七八九十\\d]*|届|首届|\\d+|周年|系列|[Xx×]{1,4}|[${LEVEL_CHARS}])$`,
  'u',
);
const VERB_TAGS = new Set(['v', 'vn']);
/** Tags jieba gives characters it cannot place in a word (茚/g, 旺/a, 甴/x), unlike particles (的/uj). */
const UNPLACED_CHAR_TAGS = new Set(['x', 'g', 'ng', 'a', 'n', 'nr', 'b']);
const DEVELOPING = /^(?:培养|培训|提升|研修|帮扶|资助|支持)$/u;
const EDITION_PART = /^(?:第[一二三四五六七八九十\d]*届?|届|\d+)$/u;
const NOUNISH = new Set(['n', 'nz', 'ns', 'nr', 'nt', 'j', 'x', 'l', 'ng', 'eng', 'i', 'b']);

/**
 * Token indices inside a bracketed alternative (校(园)长, 县(区)管校聘): the bracket, what it holds and the
 * characters around it belong to one name, whatever jieba tagged them.
 */
function bracketTokens(tokens: Token[]): Set<number> {
  const marked = new Set<number>();
  for (let k = 1; k + 3 < tokens.length; k++) {
    const [a, open, inner, close, b] = [tokens[k - 1]!, tokens[k]!, tokens[k + 1]!, tokens[k + 2]!, tokens[k + 3]!];
    if (!/^[((]$/u.test(open.word) || !/^[))]$/u.test(close.word)) continue;
    if (!/^\p{Script=Han}{1,2}$/u.test(inner.word) || !isHanOrDigits(a.word) || !isHanOrDigits(b.word)) continue;
    // 各镇(街)做好…: a pronoun before or a verb after is the sentence around the bracket, not a name.
    if (a.tag === 'r' || PROGRAM_LEAD_VERBS.has(b.word)) continue;
    for (let m = k - 1; m <= k + 3; m++) marked.add(m);
  }
  return marked;
}

/** The head still shows in how a known program was written (明厨亮灶工程 is a spelling of 明厨亮灶). */
function writtenWithHead(named: Found, head: Token, text: string, spans: Spans): void {
  if (!spans.free(named.end, head.end)) return;
  spans.take(named.end, head.end, 'PROGRAM');
  named.end = head.end;
  named.surface = text.slice(named.start, head.end);
}

/** What a subject plans to do (…计划招生, 计划投资, 计划于2024年): 计划 as a verb. */
const PLANNED_ACTION =
  /^(?:招生|招收|投资|新建|建设|完成|于|在|用|到|将|实现|开工|竣工|新增|引进|培训|安排|筹建|增加|扩大)/u;

/** Building work on one school (扩建, 实训室, 二期, 教学楼…): what stands between a school and its project's head. */
const BUILDING_WORK = new RegExp(
  `^(?:${[...CONSTRUCTION_WORDS].join('|')}|异地|迁建|改建|实训[楼室基地]*|教学楼|综合楼|宿舍楼?|食堂|运动场|风雨操场|塑胶跑道|[一二三四五]期|校舍|新校区|校区|主体|附属|配套)+$`,
  'u',
);

/**
 * 焦裕禄精神, 长征精神: a person's or a place's spirit, which schools take up in a campaign of its own (…精神进校园),
 * unlike the spirit of a congress, meeting or speech, which is studied as the policy.
 */
function exemplarSpirit(name: string): boolean {
  return /精神$/u.test(name) && !/(?:大|大会|全会|会议|讲话|党代会|两会|批示|回信|指示)精神$/u.test(name);
}

/** Programs: a suffix token (工程, 计划, 行动…) and the name tokens before it. */
function programMentions(text: string, tokens: Token[], spans: Spans, out: Found[], know: WordKnowledge): void {
  const { isWord } = know;
  const bracketed = bracketTokens(tokens);
  // Right to left: 才艺展演活动 is claimed before 展演 inside it.
  for (let i = tokens.length - 1; i >= 0; i--) {
    const tok = tokens[i]!;
    const prev = i > 0 ? tokens[i - 1]!.word : '';
    // 田径运动/会, 宣传/月: jieba split the event word; 书法教育进/课堂: a campaign into classrooms, like …进校园.
    const event =
      EVENT_SUFFIX_TOKENS.has(tok.word) ||
      (tok.word === '会' && prev.endsWith('运动')) ||
      (/^[周月]$/u.test(tok.word) && /(?:宣传|活动)$/u.test(prev));
    // 家长进课堂, 专家进校园: people going somewhere is an activity, not a campaign's name.
    const theme = i > 1 ? tokens[i - 2]! : undefined;
    const into = prev === '进' && INTO_PLACES.has(tok.word) && theme !== undefined && !VISITORS.test(theme.word);
    const designation =
      DESIGNATION_SUFFIX_TOKENS.has(tok.word) ||
      (tok.word.endsWith('学校') && SCHOOL_GRADE_ENDING.test(text.slice(Math.max(0, tok.end - 6), tok.end)));
    if (!PROGRAM_SUFFIX_TOKENS.has(tok.word) && !event && !designation && !into) continue;
    if (tok.word === '进校园' && VISITORS.test(prev)) continue;
    // 党的二十大精神进校园: bringing a known policy into schools is that policy's spread, found as the policy.
    const goes = tok.word === '进校园' ? tok.start : into ? tokens[i - 1]!.start : -1;
    // (焦裕禄精神进校园: bringing a person's or a place's spirit into schools is a campaign of its own.)
    if (goes >= 0 && out.some((m) => m.kind === 'POLICY' && m.end === goes && !exemplarSpirit(m.name))) continue;
    // (…党代会精神进校园: a spirit the rules did not name leaves no theme; 精神进校园 alone names nothing.)
    if (goes >= 2 && text.slice(goes - 2, goes) === '精神' && !out.some((m) => m.end === goes)) continue;
    // 不适宜进校园的读物, 防止不良读物进校园: what may not come into schools, not a campaign.
    if (
      (tok.word === '进校园' || into) &&
      /不适宜|不宜|不得|不准|防止|杜绝|严禁|禁止|不良|有害/u.test(text.slice(Math.max(0, tok.start - 10), tok.start))
    )
      continue;
    // 市职教中心计划招生1100人: 计划 is what the subject plans to do, not a plan's name.
    if (tok.word === '计划' && PLANNED_ACTION.test(text.slice(tok.end))) continue;
    // 工程建设, 项目建设: construction work in general, not a named program.
    if (/^(?:建设|建立|施工|招标)/u.test(text.slice(tok.end, tok.end + 2)) && /(?:工程|项目)$/u.test(tok.word))
      continue;
    // 城北小学扩建项目, 市中职校实训室项目, x应用技术职业学院二期项目: one school's building work is no program (the
    // school is what a researcher traces); the seed gold's adjudication and most development annotators agree.
    // (县一中实施青苗培养工程: a program the school runs is a program; only building words stand between.)
    if (
      /(?:工程|项目)$/u.test(tok.word) &&
      out.some((m) => m.kind === 'SCHOOL' && m.end <= tok.start && BUILDING_WORK.test(text.slice(m.end, tok.start)))
    )
      continue;
    // “明厨亮灶”工程: a head written after a quoted known program is part of how that program was written.
    const quotedNamed = out.find(
      (m) => m.kind === 'PROGRAM' && m.end + 1 === tok.start && QUOTE_CHARS.has(text[m.end]!),
    );
    if (quotedNamed && !event && !designation) {
      writtenWithHead(quotedNamed, tok, text, spans);
      continue;
    }
    let j = i - 1;
    let steps = 0;
    let agent = false;
    while (j >= 0 && steps < 6) {
      const t = tokens[j]!;
      if (bracketed.has(j)) {
        j--;
        continue;
      }
      // 名师名校长培养工程: 名 before a title is part of it, not a measure word (unless a number counts: 3名).
      const filler =
        NAME_FILLER.test(t.word) ||
        (t.word === '名' && j > 0 && !/^[\d一二三四五六七八九十百千]+$/u.test(tokens[j - 1]!.word));
      if (!filler && (!PROGRAM_NAME_TAGS.has(t.tag) || !isHanOrDigits(t.word))) break;
      agent = PROGRAM_NAME_STOPS.has(t.word);
      if (PROGRAM_LEAD_VERBS.has(t.word) || agent) break;
      // 建设现代化教育强区: building a designation is what the sentence does, not its name.
      if (designation && /^(?:建设|打造)$/u.test(t.word)) break;
      // 邀请…进课堂: before a campaign's 进 stands its theme, a noun phrase.
      if (into && j < i - 1 && t.tag === 'v') break;
      j--;
      // An edition cut into 第/12/届 is one part of the name, not three.
      if (!EDITION_PART.test(t.word)) steps++;
      // 市级社区教育项目, 国家级…示范县: the level opens the name; what precedes holds it.
      if (PROGRAM_LEVELS.has(t.word)) break;
    }
    let k = j + 1;
    // 网上晒课活动, 校外…: a locative opens a phrase, not a name (县域高中提质行动 keeps 高中 inside).
    while (k < i && (PROGRAM_LEADING_NOISE.has(tokens[k]!.word) || tokens[k]!.tag === 's')) k++;
    // 海州区义务教育强区: the district holding a designation of its own level is not part of its name.
    if (designation && k < i - 1 && tokens[k]!.tag === 'ns' && tokens[k]!.word.endsWith(tok.word.slice(-1))) k++;
    // …公司合作发展生猪养殖扶贫项目: the verbs right after the agent are what it does, not the name.
    if (agent) while (k < i - 1 && VERB_TAGS.has(tokens[k]!.tag)) k++;
    if (k >= i) continue;
    const inner = tokens.slice(k, i);
    // (改扩建/j, 新建/ns: building words jieba tagged as an abbreviation or a place name are no proper part.)
    const proper = inner.some(
      (t) => (PROPER_TAGS.has(t.tag) && !CONSTRUCTION_WORDS.has(t.word)) || ANONYMISED_TOKEN.test(t.word),
    );
    const construction = /(?:工程|项目)$/u.test(tok.word);
    // 食堂提升项目57个, 改扩建项目41个: short names counted in figures are a category of work, not a named program
    // (…前瞻性教学改革实验项目2个 counts the awards of a named one).
    if (construction && tok.start - tokens[k]!.start <= 6 && /^\d+[个项处所]/u.test(text.slice(tok.end))) continue;
    // 省级培训项目: a level and one ordinary word name a kind of project, not one.
    const core = inner.filter((t) => !PROGRAM_LEVELS.has(t.word));
    if (construction && core.length === 1 && core[0]!.word.length <= 2 && isWord(core[0]!.word) && !proper) continue;
    const built = CONSTRUCTION_WORDS.has(tokens[i - 1]!.word) || CONSTRUCTION_WORDS.has(tok.word.slice(0, -2));
    // 食堂项目, 综合楼工程, 校园校舍建设工程: construction work, unless a proper name or a long name says more.
    // (名师培养工程: a name that says what is done to people or teaching is a program, not a building.)
    const developing = inner.some((t) => DEVELOPING.test(t.word));
    if (construction && !proper && !developing && (tok.start - tokens[k]!.start < 6 || built)) continue;
    // 义教项目 x 个, 兴华小学工程: a budget category, or building a school, not a program.
    if (construction && CONSTRUCTION_CATEGORY_PREFIXES.has(text.slice(tokens[k]!.start, tok.start))) continue;
    if (construction && out.some((m) => m.kind === 'SCHOOL' && m.start === tokens[k]!.start && m.end === tok.start))
      continue;
    // 现代远程教育工程项目, 营养改善计划活动: the project or activity of a program already found (by the
    // lexicon) is that program (a contest named after one, 中小学校园足球竞赛, is an event of its own).
    const named = out.find((m) => m.kind === 'PROGRAM' && m.end === tok.start && m.start >= tokens[k]!.start);
    if ((!event || tok.word === '活动') && !designation && named) {
      writtenWithHead(named, tok, text, spans);
      continue;
    }
    // 精减评比表彰项目: verbs only describe what is done; a name holds a noun (体育强区: jieba's vn counts).
    if (!inner.some((t) => NOUNISH.has(t.tag) || NAME_FILLER.test(t.word)) && inner.some((t) => t.tag === 'v'))
      continue;
    // 民族民间文化进校园活动: the activity of a named program is the program.
    const ofProgram = event && i - 1 > k && PROGRAM_SUFFIX_TOKENS.has(tokens[i - 1]!.word);
    const end = ofProgram ? tokens[i - 1]!.end : tok.end;
    // 区第九届…大赛: a bare level before the edition is the reader's own district, like 全区.
    let start =
      LEVEL_CHAR.test(tokens[k]!.word) && /^第/u.test(tokens[k + 1]?.word ?? '')
        ? tokens[k + 1]!.start
        : tokens[k]!.start;
    // 县/第四初级中学新建项目: a name that starts inside a school's name starts where the school's does.
    const school = out.find((m) => m.kind === 'SCHOOL' && m.start < start && m.end > start);
    if (school) start = school.start;
    // 新建小学和县职教中心实训楼项目: the project is the school's written after a conjunction.
    const listed = out.find(
      (m) =>
        m.kind === 'SCHOOL' && m.start > start && m.end <= tok.start && /[和与及、]$/u.test(text.slice(start, m.start)),
    );
    if (listed) start = listed.start;
    const name = text.slice(start, end);
    const prefix = text.slice(start, tok.start);
    if (prefix.length < (event ? 4 : 2) || name.length > 24 || GENERIC_PROGRAM_PREFIXES.has(prefix)) continue;
    if (NOT_PROGRAM_PARTS.test(name)) continue;
    // 庆祝新中国成立70周年系列活动, 纪念建团100周年主题活动: celebrating a date, which every unit does; no annotator
    // traces it as a program.
    if (event && /^(?:庆祝|纪念).*周年/u.test(name)) continue;
    // 社会实践活动, 学习观摩活动 describe; a named event has a proper part, an ordinal or an unknown word.
    if (
      event &&
      !ofProgram &&
      !inner.some(
        (t) =>
          // (全市中小学生田径运动会: an abbreviation in the dictionary, 中小学生/j, names no one.)
          (PROPER_TAGS.has(t.tag) &&
            !/^\d+$/u.test(t.word) && // (1/x 小时: jieba tags bare digits x)
            !(t.tag === 'j' && isWord(t.word) && !know.isPlace(t.word))) ||
          /届/u.test(t.word) ||
          ANONYMISED_TOKEN.test(t.word) ||
          // (庆祝建党89周年活动: an anniversary is a date, not an edition or a name.)
          (!isWord(t.word) && !/\d|周年/u.test(t.word)) ||
          // 全国推广普通话宣传周: a nationwide event is a named one.
          t.word === '全国',
      )
    ) {
      continue;
    }
    if (spans.fitsProgram(start, end)) addProgram(text, start, end, spans, out);
  }
}

const EVENT_END = new RegExp(`(?:${[...EVENT_SUFFIX_TOKENS].join('|')}|运动会|宣传周|活动周)$`, 'u');
// 第36届…大赛, 第三期…行动计划, 首届…: the edition is part of the name.
const EDITION_BEFORE = /(?:第[一二三四五六七八九十百\d]+[届期]|首届)$/u;
// The level that awards or runs a program: 省级示范幼儿园, 国家义务教育优质均衡发展区, 省农村寄宿制学校建设工程.
const LEVEL_BEFORE = new RegExp(`(?:国家级|省级|市级|全国|国家|自治区|(?<!${SELF_REFERENCE.source})[省市])$`, 'u');

/** The length of a province or city name (or an anonymised one, XX市) that ends at `end`, if one does. */
function placeBefore(text: string, end: number, know: WordKnowledge): number | undefined {
  const anonymised = /[Xx×]{1,4}[省市]$/u.exec(text.slice(Math.max(0, end - 5), end));
  if (anonymised) return anonymised[0].length;
  for (let len = 8; len >= 2; len--) {
    const w = text.slice(Math.max(0, end - len), end);
    if (w.length === len && /(?:省|市|自治区|州)$/u.test(w) && know.isPlace(w)) return len;
  }
  return undefined;
}

/**
 * A program's edition, and the level or the province or city that awards or runs it, written right before
 * a name found by the lexicon or a head (第三期学前教育行动计划, 四川省文明校园, 江苏省高品质示范高中). A county
 * before a national program is where it runs, not part of its name (宣汉县营养改善计划 stays 营养改善计划).
 */
function programPrefixes(text: string, spans: Spans, out: Found[], know: WordKnowledge): void {
  for (const m of out) {
    if (m.kind !== 'PROGRAM') continue;
    // 云南省“空中课堂”: the prefix stands before the opening quote.
    let start = m.start > 0 && text[m.start - 1] === '“' ? m.start - 1 : m.start;
    const edition = EDITION_BEFORE.exec(text.slice(Math.max(0, start - 8), start));
    if (edition) start -= edition[0].length;
    // The province or city that awards a designation is part of it; before a program it is where it runs.
    const place = placeBefore(text, start, know);
    if (place !== undefined) {
      // A province's own programs are named with it (江苏省名师空中课堂, 山东省高水平中职学校建设).
      if (
        DESIGNATION_END.test(m.name) ||
        /(?:省|自治区|^北京市|^天津市|^上海市|^重庆市)$/u.test(text.slice(start - place, start))
      )
        start -= place;
    } else {
      const level = LEVEL_BEFORE.exec(text.slice(Math.max(0, start - 3), start))?.[0] ?? '';
      // 城市文明校园: 市 ends a word; 市第九届运动会: a bare level before an edition is the reader's own unit.
      const bare = level.length === 1;
      const endsWord = bare && start >= 2 && know.isWord(text.slice(start - 2, start));
      if (!(bare && (endsWord || /^第/u.test(text.slice(start))))) start -= level.length;
    }
    // An edition may stand before the place (第36届江苏省青少年科技创新大赛).
    const outer = EDITION_BEFORE.exec(text.slice(Math.max(0, start - 8), start));
    if (outer && start < m.start) start -= outer[0].length;
    // 全市第十二届中小学生运动会, 全省职业教育活动周: the whole unit that holds an event is written with it.
    if (EVENT_END.test(m.name) && /全[省市县区州旗]$/u.test(text.slice(Math.max(0, start - 2), start))) start -= 2;
    if (start >= m.start - (text[m.start - 1] === '“' ? 1 : 0) || !spans.free(start, m.start)) continue;
    const prefix = text.slice(start, m.start).replace(ANY_QUOTES, '');
    spans.take(start, m.start, 'PROGRAM');
    // A lexicon term keeps its canonical entity (the province's 文明校园 is still traced with 文明校园); the
    // prefix shows in its surface. A name found by its head has no other identity than what is written.
    if (m.cue !== 'lexicon') {
      m.name = prefix + m.name;
      m.anonymised = m.anonymised || isAnonymised(m.name) || isAnonymised(prefix);
    }
    // 云南省“空中课堂”: a quote opened inside the surface is closed in it too.
    if (
      text[start] !== '“' &&
      text.slice(start, m.start).includes('“') &&
      text[m.end] === '”' &&
      spans.free(m.end, m.end + 1)
    ) {
      spans.take(m.end, m.end + 1, 'PROGRAM');
      m.end += 1;
    }
    m.surface = text.slice(start, m.end);
    m.start = start;
  }
}

const ORG_HEAD = new RegExp(`(?:${[...ORGANIZATION_HEADS].sort((a, b) => b.length - a.length).join('|')})`, 'gu');
// Levels that stand alone before a head: 市委, 县政府, 省教育厅.
const LEVEL_PREFIX = new RegExp(`[${LEVEL_CHARS}]$`, 'u');

/**
 * Organisations: a known head (教育局, 疾病防控中心, 政府…) with the place or name
 * tokens right before it (将乐县人民政府, 区教育装备信息中心). jieba's `nt` tag was
 * tried and left out: on these reports it mostly marks phrases (大力开展, 新格局).
 */
function organizationMentions(text: string, tokens: Token[], spans: Spans, out: Found[]): void {
  // Built on the first head found only: most sentences name no organisation.
  let tokenEnding: Map<number, Token> | undefined;
  let edges: Set<number> | undefined;
  for (const m of text.matchAll(ORG_HEAD)) {
    tokenEnding ??= new Map(tokens.map((t) => [t.end, t]));
    edges ??= new Set(tokens.flatMap((t) => [t.start, t.end]));
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
  const spans = new Spans();
  const out: Found[] = [];
  documentMentions(text, spans, out, know);
  lexiconMentions(text, lex, spans, out, know);
  dutyMentions(text, spans, out);
  quotedMentions(text, lex, spans, out, know);
  numericSlogans(text, tokens, spans, out);
  formulaMentions(text, spans, out, know);
  designationMentions(text, spans, out, know);
  townsSharingSchool(text, spans, out);
  schoolMentions(text, tokens, spans, out, know);
  programMentions(text, tokens, spans, out, know);
  campaignMentions(text, spans, out);
  gradeBuildingMentions(text, spans, out);
  programPrefixes(text, spans, out, know);
  // Organisations before places: 将乐县人民政府 is one name, not a place and a government.
  organizationMentions(text, tokens, spans, out);
  placeMentions(tokens, spans, out);
  return out.map((m) => ({ ...m, score: CUE_SCORE[m.cue] })).sort((a, b) => a.start - b.start);
}
