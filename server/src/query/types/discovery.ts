import { Label, SentenceProps } from '@policygraph/graph-schema';
import neo4j from 'neo4j-driver';
import { discoverTerms, type Candidate } from '../../extract/discover.js';
import { defaultLexicon } from '../../extract/lexicon.js';
import { isStockWord } from '../../segment/jieba.js';
import { builder } from '../builder.js';

const CandidateRef = builder.objectRef<Candidate>('TermCandidate').implement({
  description: 'A term the corpus suggests but the lexicon lacks; accept it with `policygraph lexicon add`.',
  fields: (t) => ({
    term: t.exposeString('term'),
    score: t.exposeFloat('score'),
    freq: t.exposeInt('freq'),
    cohesion: t.exposeFloat('cohesion', { description: 'Weakest PMI over the binary splits.' }),
    leftEntropy: t.exposeFloat('leftEntropy'),
    rightEntropy: t.exposeFloat('rightEntropy'),
    quoted: t.exposeInt('quoted', { description: 'Times seen in “quotes”.' }),
  }),
});

// Sentences are read in order and capped: discovery is a sampling tool, not a full scan.
const TEXTS = `
MATCH (s:${Label.Sentence})
RETURN s.${SentenceProps.normText} AS row
LIMIT $max`;

builder.queryFields((t) => ({
  termCandidates: t.field({
    type: [CandidateRef],
    description: 'New-term candidates over the stored sentences (cohesion, branching entropy, quotes).',
    args: {
      top: t.arg.int({ required: false, defaultValue: 50 }),
      minFreq: t.arg.int({ required: false, defaultValue: 3 }),
    },
    resolve: async (_root, args, ctx) => {
      const texts = await ctx.read<string>(TEXTS, { max: neo4j.int(200_000) });
      return discoverTerms(texts, {
        known: new Set(defaultLexicon().forms.keys()),
        isWord: isStockWord,
        minFreq: Math.max(1, args.minFreq ?? 3),
        top: Math.max(1, Math.min(args.top ?? 50, 500)),
      });
    },
  }),
}));
