/**
 * Co-occurrence contributions of one report: for each pair of entities, in how many
 * sentences and in how many paragraphs they appear together. Pure; the loader adds a
 * report's contributions to the CO_OCCURS edges and subtracts them when the report is
 * replaced or removed, so the edges stay exact without recomputing the corpus.
 */

export interface MentionRow {
  sentence: number;
  paragraph: number;
  key: string;
}

export interface PairWeight {
  /** Entity keys, a < b. */
  a: string;
  b: string;
  sentences: number;
  paragraphs: number;
}

function pairsOf(groups: Map<number, Set<string>>, into: Map<string, PairWeight>, field: 'sentences' | 'paragraphs') {
  for (const keys of groups.values()) {
    const sorted = [...keys].sort();
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const a = sorted[i]!;
        const b = sorted[j]!;
        const id = `${a}\u0000${b}`;
        const p = into.get(id) ?? { a, b, sentences: 0, paragraphs: 0 };
        p[field]++;
        into.set(id, p);
      }
    }
  }
}

export function cooccurrencePairs(rows: MentionRow[]): PairWeight[] {
  const bySentence = new Map<number, Set<string>>();
  const byParagraph = new Map<number, Set<string>>();
  for (const r of rows) {
    (bySentence.get(r.sentence) ?? bySentence.set(r.sentence, new Set()).get(r.sentence)!).add(r.key);
    (byParagraph.get(r.paragraph) ?? byParagraph.set(r.paragraph, new Set()).get(r.paragraph)!).add(r.key);
  }
  const pairs = new Map<string, PairWeight>();
  pairsOf(bySentence, pairs, 'sentences');
  pairsOf(byParagraph, pairs, 'paragraphs');
  return [...pairs.values()];
}
