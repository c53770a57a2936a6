import { Label, Rel, SentenceProps, TermCandidateProps } from '@policygraph/graph-schema';
import neo4j from 'neo4j-driver';
import type { Candidate } from '../../extract/discover.js';
import { builder } from '../builder.js';

interface CandidateRow extends Candidate {
  rank: number;
  discoveredAt: string;
  examples: Array<{ id: string; text: string }>;
}

const ExampleRef = builder.objectRef<CandidateRow['examples'][number]>('TermExample').implement({
  description: 'A sentence (normalised text) that uses a discovered term.',
  fields: (t) => ({ sentenceId: t.exposeID('id'), text: t.exposeString('text') }),
});

const CandidateRef = builder.objectRef<CandidateRow>('TermCandidate').implement({
  description:
    'A term discovery found in the stored corpus (recomputed after each ingest that changes it) but the lexicon lacks; accept it with `policygraph lexicon add`.',
  fields: (t) => ({
    term: t.exposeString('term'),
    score: t.exposeFloat('score'),
    rank: t.exposeInt('rank'),
    freq: t.exposeInt('freq', { description: 'Occurrences in the sample discovery read.' }),
    cohesion: t.exposeFloat('cohesion', { description: 'Weakest PMI over the binary splits.' }),
    leftEntropy: t.exposeFloat('leftEntropy'),
    rightEntropy: t.exposeFloat('rightEntropy'),
    quoted: t.exposeInt('quoted', { description: 'Times seen in “quotes”.' }),
    discoveredAt: t.exposeString('discoveredAt'),
    examples: t.field({ type: [ExampleRef], resolve: (c) => c.examples }),
  }),
});

const STORED = `
MATCH (c:${Label.TermCandidate})
WHERE c.${TermCandidateProps.freq} >= $minFreq
WITH c ORDER BY c.${TermCandidateProps.rank} LIMIT $top
RETURN {
  term: c.${TermCandidateProps.term}, score: c.${TermCandidateProps.score}, freq: c.${TermCandidateProps.freq},
  cohesion: c.${TermCandidateProps.cohesion}, leftEntropy: c.${TermCandidateProps.leftEntropy},
  rightEntropy: c.${TermCandidateProps.rightEntropy}, quoted: c.${TermCandidateProps.quoted},
  rank: c.${TermCandidateProps.rank}, discoveredAt: c.${TermCandidateProps.discoveredAt},
  examples: COLLECT { MATCH (c)-[:${Rel.SEEN_IN}]->(s:${Label.Sentence}) RETURN {id: s.${SentenceProps.id}, text: s.${SentenceProps.normText}} }
} AS row
ORDER BY row.rank`;

builder.queryFields((t) => ({
  termCandidates: t.field({
    type: [CandidateRef],
    description:
      'New-term candidates found when the corpus was ingested (cohesion, branching entropy, quotes), best first, with example sentences.',
    args: {
      top: t.arg.int({ required: false, defaultValue: 50 }),
      minFreq: t.arg.int({ required: false, defaultValue: 3 }),
    },
    resolve: (_root, args, ctx) =>
      ctx.read<CandidateRow>(STORED, {
        minFreq: Math.max(1, args.minFreq ?? 3),
        top: neo4j.int(Math.max(1, Math.min(args.top ?? 50, 500))),
      }),
  }),
}));
