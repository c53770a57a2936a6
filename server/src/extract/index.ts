import type { EntityKind } from '@policygraph/graph-schema';
import { HAN } from '../normalise/rules.js';
import type { Token } from '../segment/jieba.js';
import type { Lexicon } from './lexicon.js';
import {
  ANONYMISED,
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

export type Cue = 'lexicon' | 'quote' | 'title-marks' | 'suffix' | 'pos';

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
  schoolMentions(text, tokens, spans, out);
  placeMentions(tokens, spans, out);
  return out.sort((a, b) => a.start - b.start);
}
