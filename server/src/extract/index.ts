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
  NAME_TAGS,
  NOT_PLACES,
  NOT_SCHOOL_ENDINGS,
  PLACE_BAD_FIRST_CHAR,
  PLACE_SUFFIXES,
  SCHOOL_NAME_BREAK,
  PROGRAM_SUFFIXES,
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
  anonymised: boolean;
}

class Spans {
  private taken: Array<[number, number]> = [];
  free(s: number, e: number): boolean {
    return this.taken.every(([a, b]) => e <= a || s >= b);
  }
  take(s: number, e: number): void {
    this.taken.push([s, e]);
  }
}

const HAN_ONLY = new RegExp(`^[${HAN}0-9·]+$`, 'u');
const isAnonymised = (name: string) => ANONYMISED.test(name);

function lexiconMentions(text: string, lex: Lexicon, spans: Spans, out: Mention[]): void {
  for (const form of lex.formsByLength) {
    let at = text.indexOf(form);
    while (at !== -1) {
      const end = at + form.length;
      if (spans.free(at, end)) {
        const entry = lex.forms.get(form)!;
        out.push({
          kind: entry.kind,
          name: entry.name,
          surface: form,
          start: at,
          end,
          cue: 'lexicon',
          anonymised: false,
        });
        spans.take(at, end);
      }
      at = text.indexOf(form, end);
    }
  }
}

function documentMentions(text: string, spans: Spans, out: Mention[]): void {
  for (const m of text.matchAll(/《([^《》\n]{2,80})》/gu)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (!spans.free(start, end)) continue;
    const name = (m[1] ?? '').trim();
    out.push({ kind: 'DOCUMENT', name, surface: m[0], start, end, cue: 'title-marks', anonymised: isAnonymised(name) });
    spans.take(start, end);
  }
}

/** “控辍保学”: quoted short Han phrases are slogans or programs. */
function quotedMentions(text: string, lex: Lexicon, spans: Spans, out: Mention[]): void {
  for (const m of text.matchAll(/[“"]([^“”"\n]{2,16})[”"]/gu)) {
    const inner = m[1] ?? '';
    const start = (m.index ?? 0) + 1;
    const end = start + inner.length;
    if (inner.length < 2 || inner.length > 12 || !HAN_ONLY.test(inner)) continue;
    if (!spans.free(start, end)) continue;
    const known = lex.forms.get(inner);
    const kind: EntityKind = known?.kind ?? (PROGRAM_SUFFIXES.some((s) => inner.endsWith(s)) ? 'PROGRAM' : 'POLICY');
    out.push({ kind, name: known?.name ?? inner, surface: inner, start, end, cue: 'quote', anonymised: false });
    spans.take(start, end);
  }
}

const isNameToken = (t: Token) =>
  NAME_TAGS.has(t.tag) && /^[\p{Script=Han}0-9A-Za-z·]+$/u.test(t.word) && !/^[0-9]+$/u.test(t.word);

/** Schools: a suffix token (中学, 一中…) joined with the name tokens before it. */
function schoolMentions(text: string, tokens: Token[], spans: Spans, out: Mention[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const suffix = SCHOOL_SUFFIXES.find((s) => tok.word.endsWith(s));
    if (!suffix) continue;
    let start = tok.start;
    let j = i - 1;
    // Up to three name tokens, at most ten characters of name before the suffix.
    while (
      j >= 0 &&
      i - j <= 3 &&
      isNameToken(tokens[j]!) &&
      !SCHOOL_NAME_BREAK.test(tokens[j]!.word) &&
      tok.end - tokens[j]!.start <= 14
    ) {
      start = tokens[j]!.start;
      j--;
    }
    // Drop generic leading tokens (全市/农村…): what remains must still name a school.
    let k = j + 1;
    while (k < i && GENERIC_SCHOOL_PREFIXES.has(tokens[k]!.word)) k++;
    start = k < i ? tokens[k]!.start : tok.start;
    const name = text.slice(start, tok.end);
    const prefix = name.slice(0, name.length - suffix.length);
    if (prefix.length === 0 || GENERIC_SCHOOL_PREFIXES.has(prefix)) continue;
    if (NOT_SCHOOL_ENDINGS.some((e) => name.endsWith(e))) continue;
    if (!spans.free(start, tok.end)) continue;
    out.push({
      kind: 'SCHOOL',
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

/** Places: jieba `ns`, or a name token ending in an administrative suffix. */
function placeMentions(tokens: Token[], spans: Spans, out: Mention[]): void {
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
function numericSlogans(text: string, tokens: Token[], spans: Spans, out: Mention[]): void {
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
function programMentions(text: string, tokens: Token[], spans: Spans, out: Mention[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (!PROGRAM_SUFFIX_TOKENS.has(tok.word)) continue;
    let j = i - 1;
    while (
      j >= 0 &&
      i - j <= 6 &&
      PROGRAM_NAME_TAGS.has(tokens[j]!.tag) &&
      !PROGRAM_LEAD_VERBS.has(tokens[j]!.word) &&
      /^\p{Script=Han}+$/u.test(tokens[j]!.word)
    ) {
      j--;
    }
    let k = j + 1;
    while (k < i && GENERIC_PROGRAM_PREFIXES.has(tokens[k]!.word)) k++;
    if (k >= i) continue;
    const start = tokens[k]!.start;
    const name = text.slice(start, tok.end);
    const prefix = name.slice(0, name.length - tok.word.length);
    if (prefix.length < 2 || name.length > 16 || GENERIC_PROGRAM_PREFIXES.has(prefix)) continue;
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
function organizationMentions(text: string, tokens: Token[], spans: Spans, out: Mention[]): void {
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
export function extractMentions(text: string, tokens: Token[], lex: Lexicon): Mention[] {
  const spans = new Spans();
  const out: Mention[] = [];
  documentMentions(text, spans, out);
  lexiconMentions(text, lex, spans, out);
  quotedMentions(text, lex, spans, out);
  numericSlogans(text, tokens, spans, out);
  schoolMentions(text, tokens, spans, out);
  programMentions(text, tokens, spans, out);
  // Organisations before places: 将乐县人民政府 is one name, not a place and a government.
  organizationMentions(text, tokens, spans, out);
  placeMentions(tokens, spans, out);
  return out.sort((a, b) => a.start - b.start);
}
