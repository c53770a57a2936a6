import { Label, Rel, SentenceProps, TermCandidateProps } from '@policygraph/graph-schema';
import neo4j, { type Driver } from 'neo4j-driver';
import { discoverTerms, type Candidate } from '../extract/discover.js';
import { defaultLexicon } from '../extract/lexicon.js';
import { isStockWord } from '../segment/jieba.js';

/** Discovery is a sampling tool: an even sample this big finds what recurs, at a bounded memory cost. */
export const DISCOVERY_SAMPLE = 30_000;
/** Sentences kept per candidate as evidence of use. */
const EXAMPLES = 3;

const SENTENCE_TOTAL = `MATCH (s:${Label.Sentence}) RETURN count(s) AS n`;

// An even random sample (rand() per row), so a big corpus is not judged by its first files.
const SAMPLE = `
MATCH (s:${Label.Sentence})
WHERE rand() < $p
RETURN s.${SentenceProps.id} AS id, s.${SentenceProps.normText} AS text
LIMIT $max`;

// Replaces the previous run's candidates in one transaction: readers see the old list or the new one.
const REPLACE = `
CALL () {
  MATCH (c:${Label.TermCandidate}) DETACH DELETE c
}
WITH 1 AS one
UNWIND $rows AS row
CREATE (c:${Label.TermCandidate} {
  ${TermCandidateProps.term}: row.term, ${TermCandidateProps.score}: row.score, ${TermCandidateProps.freq}: row.freq,
  ${TermCandidateProps.cohesion}: row.cohesion, ${TermCandidateProps.leftEntropy}: row.leftEntropy,
  ${TermCandidateProps.rightEntropy}: row.rightEntropy, ${TermCandidateProps.quoted}: row.quoted,
  ${TermCandidateProps.rank}: row.rank, ${TermCandidateProps.discoveredAt}: $at
})
WITH c, row
UNWIND row.sentences AS sid
MATCH (s:${Label.Sentence} {${SentenceProps.id}: sid})
CREATE (c)-[:${Rel.SEEN_IN}]->(s)`;

const CLEAR = `MATCH (c:${Label.TermCandidate}) DETACH DELETE c`;

export interface DiscoveryResult {
  candidates: Candidate[];
  sampled: number;
  total: number;
}

/**
 * Runs new-term discovery over (a sample of) the stored sentences and stores the top candidates as
 * (:TermCandidate) nodes, each linked to a few sentences that use it, for a researcher to review and accept.
 */
export async function refreshTermCandidates(
  driver: Driver,
  opts: { database?: string; top?: number; minFreq?: number; sample?: number } = {},
): Promise<DiscoveryResult> {
  const { database } = opts;
  const max = opts.sample ?? DISCOVERY_SAMPLE;
  const total = Number(
    (await driver.executeQuery(SENTENCE_TOTAL, {}, { database, routing: 'READ' })).records[0]?.get('n') ?? 0,
  );
  if (total === 0) {
    await driver.executeQuery(CLEAR, {}, { database });
    return { candidates: [], sampled: 0, total };
  }
  const { records } = await driver.executeQuery(
    SAMPLE,
    { p: Math.min(1, (max * 1.1) / total), max: neo4j.int(max) },
    { database, routing: 'READ' },
  );
  const sentences = records.map((r) => ({ id: r.get('id') as string, text: (r.get('text') as string | null) ?? '' }));
  const candidates = discoverTerms(
    sentences.map((s) => s.text),
    {
      known: new Set(defaultLexicon().forms.keys()),
      isWord: isStockWord,
      minFreq: opts.minFreq ?? 3,
      top: opts.top ?? 200,
    },
  );
  const rows = candidates.map((c, i) => ({
    ...c,
    rank: i + 1,
    sentences: sentences
      .filter((s) => s.text.includes(c.term))
      .slice(0, EXAMPLES)
      .map((s) => s.id),
  }));
  await driver.executeQuery(REPLACE, { rows, at: new Date().toISOString() }, { database });
  return { candidates, sampled: sentences.length, total };
}
