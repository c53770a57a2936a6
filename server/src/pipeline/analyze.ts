import { extractMentions, type Mention, type WordKnowledge } from '../extract/index.js';
import { defaultLexicon, type Lexicon } from '../extract/lexicon.js';
import {
  findPlaceholders,
  normalise,
  originalSpan,
  type DroppedLine,
  type MappedText,
  type Placeholder,
} from '../normalise/index.js';
import type { SourceFile } from '../read/read-file.js';
import { defaultGazetteer, shortPlaceOf } from '../resolve/gazetteer.js';
import { canonicalKey, resolveEntities, type ResolvedEntity, type Scope } from '../resolve/index.js';
import { placeLinker } from '../resolve/place-link.js';
import { attributePlace, type ReportPlace } from '../resolve/report-place.js';
import { attributeYear, type ReportYear } from '../resolve/report-year.js';
import { splitReports } from '../segment/split-reports.js';
import { isStockWord, stockFrequency, tagMany, type Token } from '../segment/jieba.js';
import { markSections } from '../segment/sections.js';
import { splitSentences } from '../segment/sentences.js';
import { analysisVersion } from './version.js';

export interface AnalyzedSentence {
  idx: number;
  paragraph: number;
  /** As written in the source. */
  text: string;
  normText: string;
  start: number;
  end: number;
  heading: boolean;
  section: string | null;
}

/** A mention with its entity key; surface and offsets refer to the original text. */
export interface AnalyzedMention extends Mention {
  sentenceIdx: number;
  key: string;
}

export interface AnalyzedReport {
  id: string;
  /** The file's id; a file holding several reports gives ids `${sourceId}/1`, `/2`… */
  sourceId: string;
  part: number;
  partCount: number;
  title: string;
  sourcePath: string;
  sha256: string;
  /** The code, data and lexicon that produced it (see version.ts). */
  analysisVersion: string;
  charCount: number;
  place: ReportPlace;
  year: ReportYear;
  paragraphCount: number;
  placeholders: Placeholder[];
  warnings: string[];
  /** Which cleaning rules changed this file's text, and how often. */
  rules: Record<string, number>;
  sentences: AnalyzedSentence[];
  mentions: AnalyzedMention[];
  entities: ResolvedEntity[];
  dropped: DroppedLine[];
}

/** First real line, shortened: scraped reports usually open with their title. */
export function guessTitle(lines: string[], fallback: string): string {
  for (const raw of lines) {
    // Page numbers and file extensions are scraping artefacts, not part of a title.
    const line = raw
      .replace(/^\d{1,3}、\s*/u, '')
      .replace(/\.(docx?|pdf|txt|wps)$/iu, '')
      .trim();
    if (line.length >= 4 && line.length <= 60 && /\p{Script=Han}/u.test(line)) return line;
    if (line.length > 60) {
      const head = line.split(/\s/u)[0] ?? '';
      return head.length >= 4 && head.length <= 40 ? head : `${line.slice(0, 40)}…`;
    }
  }
  return fallback;
}

const knowledge: WordKnowledge = {
  isWord: isStockWord,
  frequency: stockFrequency,
  isPlace: (w) => defaultGazetteer().byName.has(w),
};

/**
 * Offsets in the part's clean text where jieba put a word edge in some sentence:
 * place names must not start inside a word. Built from the sentences' own tokens, so
 * each text is segmented once.
 */
function wordBoundaries(part: MappedText, sentences: Array<{ clean: MappedText; tokens: Token[] }>): Set<number> {
  // Original offset -> the first part index it maps to (-1: none); an array, as offsets are dense.
  let maxOrig = -1;
  for (const orig of part.starts) if (orig > maxOrig) maxOrig = orig;
  const partIndex = new Int32Array(maxOrig + 1).fill(-1);
  for (let k = part.starts.length - 1; k >= 0; k--) partIndex[part.starts[k]!] = k;
  const indexOf = (orig: number | undefined) => (orig === undefined || orig > maxOrig ? -1 : partIndex[orig]!);
  const edges = new Set<number>([0, part.text.length]);
  for (const s of sentences) {
    for (const t of s.tokens) {
      const a = indexOf(s.clean.starts[t.start]);
      const b = t.end > 0 ? indexOf(s.clean.starts[t.end - 1]) : -1;
      if (a !== -1) edges.add(a);
      if (b !== -1) edges.add(b + 1);
    }
  }
  return edges;
}

/** The whole text pipeline for one source file: one or more reports. */
export function analyzeSource(
  source: Pick<SourceFile, 'id' | 'path' | 'text' | 'sha256'> & { warnings?: string[] },
  lex: Lexicon = defaultLexicon(),
): AnalyzedReport[] {
  const norm = normalise(source.text);
  const split = splitReports(norm.clean);
  const fileTitle = guessTitle(norm.clean.text.split('\n'), source.id);
  const many = split.parts.length > 1;
  return split.parts.map((part, i) => {
    const id = many ? `${source.id}/${i + 1}` : source.id;
    const fired: Record<string, number> = i === 0 ? { ...norm.fired } : {};
    if (many && i === 0) fired['reports split from one file'] = split.parts.length;
    const marked = markSections(splitSentences(part.text, fired));
    const tagged = tagMany(
      marked.map((s) => s.clean.text),
      lex,
    );
    const sentences = marked.map((s, k) => ({ ...s, tokens: tagged[k]! }));
    const placeholders = findPlaceholders(part.text.text);
    const place = attributePlace(
      part.text.text,
      defaultGazetteer(),
      placeholders,
      wordBoundaries(part.text, sentences),
    );
    const title = part.heading ?? fileTitle;
    // Local names in a report with no known place are shown with the report's (anonymised) place or title.
    const label = place.anonymisedName ?? title;
    const scope: Scope = {
      reportId: id,
      places: place.place ? [place.place, ...place.chain] : [],
      label,
      anonymisedPlace: place.anonymisedName ?? undefined,
    };
    // PLACE mentions stand for gazetteer divisions, read with the report's place chain as context.
    // Schools are keyed with their place written short (临泉县第一中学 = 临泉一中).
    const gazetteer = defaultGazetteer();
    const resolveOptions = {
      place: placeLinker(gazetteer, scope.places ?? []),
      shortPlace: (name: string) => shortPlaceOf(gazetteer, name),
    };
    const mentions: AnalyzedMention[] = [];
    const outSentences: AnalyzedSentence[] = sentences.map((s) => {
      const normText = s.clean.text;
      for (const m of extractMentions(normText, s.tokens, lex, knowledge)) {
        const [start, end] = originalSpan(s.clean, m.start, m.end);
        const surface = source.text.slice(start, end);
        mentions.push({
          ...m,
          sentenceIdx: s.idx,
          key: canonicalKey({ ...m, surface }, scope, resolveOptions),
          surface,
          start,
          end,
        });
      }
      return {
        idx: s.idx,
        paragraph: s.paragraph,
        text: source.text.slice(s.start, s.end),
        normText,
        start: s.start,
        end: s.end,
        heading: s.heading,
        section: s.section,
      };
    });
    const warnings = [...(source.warnings ?? [])];
    if (many) warnings.push(`file holds ${split.parts.length} reports (split on ${split.rule}); this is part ${i + 1}`);
    return {
      id,
      sourceId: source.id,
      part: i + 1,
      partCount: split.parts.length,
      title,
      sourcePath: source.path,
      sha256: source.sha256,
      analysisVersion: analysisVersion(lex),
      charCount: part.text.text.length,
      place,
      year: attributeYear(title, part.text.text),
      paragraphCount: new Set(outSentences.map((s) => s.paragraph)).size,
      placeholders,
      warnings,
      rules: fired,
      sentences: outSentences,
      mentions,
      entities: [...resolveEntities(mentions, scope, resolveOptions).values()],
      dropped:
        i === 0
          ? [
              ...norm.dropped,
              ...(split.preamble ? [{ text: split.preamble, reason: 'text before the first report' }] : []),
            ]
          : [],
    };
  });
}
