import { EntityProps, Label, MentionProps, Rel, SentenceProps } from '@policygraph/graph-schema';
import { builder } from '../builder.js';
import type { Context } from '../context.js';

export interface SentenceRow {
  id: string;
  idx: number;
  text: string;
  start: number;
  end: number;
  paragraph: number;
  heading: boolean;
}

export interface SentenceMentionRow {
  entityId: string;
  kind: string;
  name: string;
  surface: string;
  start: number;
  end: number;
}

/** The fields of a Sentence row, for any query that binds the sentence to `s`. */
export const SENTENCE_FIELDS = `{
  id: s.${SentenceProps.id}, idx: s.${SentenceProps.idx}, text: s.${SentenceProps.text},
  start: s.${SentenceProps.start}, end: s.${SentenceProps.end},
  paragraph: s.${SentenceProps.paragraph}, heading: coalesce(s.${SentenceProps.heading}, false)
}`;

// All mentions of a batch of sentences in one statement, in text order.
const MENTIONS_OF_SENTENCES = `
UNWIND $ids AS id
MATCH (s:${Label.Sentence} {${SentenceProps.id}: id})-[m:${Rel.MENTIONS}]->(e:${Label.Entity})
WITH id, m, e ORDER BY m.${MentionProps.start}
WITH id, collect({
  entityId: e.${EntityProps.key}, kind: e.${EntityProps.kind}, name: e.${EntityProps.name},
  surface: m.${MentionProps.surface}, start: m.${MentionProps.start}, end: m.${MentionProps.end}
}) AS mentions
RETURN {id: id, mentions: mentions} AS row`;

function mentionsLoader(ctx: Context) {
  return ctx.loader<string, SentenceMentionRow[]>('sentenceMentions', async (ids) => {
    const rows = await ctx.read<{ id: string; mentions: SentenceMentionRow[] }>(MENTIONS_OF_SENTENCES, { ids });
    const byId = new Map(rows.map((r) => [r.id, r.mentions]));
    return ids.map((id) => byId.get(id) ?? []);
  });
}

const SentenceMentionRef = builder.objectRef<SentenceMentionRow>('SentenceMention').implement({
  description: 'An entity mentioned in a sentence, with its span in the report’s original text.',
  fields: (t) => ({
    entityId: t.exposeID('entityId', { description: 'The canonical entity key.' }),
    kind: t.exposeString('kind'),
    name: t.exposeString('name', { description: 'The canonical name.' }),
    surface: t.exposeString('surface', { description: 'As written.' }),
    start: t.exposeInt('start', { description: 'Offset in the original report text (as Mention.start).' }),
    end: t.exposeInt('end'),
  }),
});

export const SentenceRef = builder.objectRef<SentenceRow>('Sentence').implement({
  description: 'A sentence as written in its report (original spelling), with offsets into the original text.',
  fields: (t) => ({
    id: t.exposeID('id'),
    idx: t.exposeInt('idx', { description: 'Position in the report, from 0.' }),
    text: t.exposeString('text'),
    start: t.exposeInt('start'),
    end: t.exposeInt('end'),
    paragraph: t.exposeInt('paragraph'),
    heading: t.exposeBoolean('heading', { description: 'True for a section heading.' }),
    mentions: t.field({
      type: [SentenceMentionRef],
      description: 'The entities it mentions, in text order (batched per request).',
      resolve: (s, _args, ctx) => mentionsLoader(ctx).load(s.id),
    }),
  }),
});
