import type { EntityKind } from '@policygraph/graph-schema';
import { extractMentions, type Mention } from '../extract/index.js';
import { defaultLexicon, type Lexicon } from '../extract/lexicon.js';
import { normalise, originalSpan, type DroppedLine } from '../normalise/index.js';
import type { SourceFile } from '../read/read-file.js';
import { canonicalKey, resolveEntities, type ResolvedEntity } from '../resolve/index.js';
import { tag } from '../segment/jieba.js';
import { splitSentences } from '../segment/sentences.js';

export interface AnalyzedSentence {
  idx: number;
  paragraph: number;
  /** As written in the source. */
  text: string;
  normText: string;
  start: number;
  end: number;
}

/** A mention with its entity key; surface and offsets refer to the original text. */
export interface AnalyzedMention extends Mention {
  sentenceIdx: number;
  key: string;
}

export interface AnalyzedReport {
  id: string;
  title: string;
  sourcePath: string;
  sha256: string;
  charCount: number;
  sentences: AnalyzedSentence[];
  mentions: AnalyzedMention[];
  entities: ResolvedEntity[];
  dropped: DroppedLine[];
}

/** First real line, shortened: scraped reports usually open with their title. */
export function guessTitle(lines: string[], fallback: string): string {
  for (const raw of lines) {
    const line = raw.replace(/^\d{1,3}、\s*/u, '').trim();
    if (line.length >= 4 && line.length <= 60 && /\p{Script=Han}/u.test(line)) return line;
    if (line.length > 60) return `${line.slice(0, 40)}…`;
  }
  return fallback;
}

/** The whole text pipeline for one source file; pure apart from jieba's dictionary. */
export function analyze(
  source: Pick<SourceFile, 'id' | 'path' | 'text' | 'sha256'>,
  lex: Lexicon = defaultLexicon(),
): AnalyzedReport {
  const norm = normalise(source.text);
  const sentences = splitSentences(norm.clean);
  const mentions: AnalyzedMention[] = [];
  const outSentences: AnalyzedSentence[] = sentences.map((s) => {
    const normText = s.clean.text;
    for (const m of extractMentions(normText, tag(normText, lex), lex)) {
      const [start, end] = originalSpan(s.clean, m.start, m.end);
      const surface = source.text.slice(start, end);
      mentions.push({
        sentenceIdx: s.idx,
        key: canonicalKey({ ...m, surface }, source.id),
        kind: m.kind,
        name: m.name,
        surface,
        start,
        end,
        cue: m.cue,
        anonymised: m.anonymised,
      });
    }
    return {
      idx: s.idx,
      paragraph: s.paragraph,
      text: source.text.slice(s.start, s.end),
      normText,
      start: s.start,
      end: s.end,
    };
  });
  const entities = resolveEntities(mentions, source.id);
  return {
    id: source.id,
    title: guessTitle(norm.clean.text.split('\n'), source.id),
    sourcePath: source.path,
    sha256: source.sha256,
    charCount: source.text.length,
    sentences: outSentences,
    mentions,
    entities: [...entities.values()],
    dropped: norm.dropped,
  };
}
