import { Label, PlaceProps, Rel, ReportProps, SentenceProps } from '@policygraph/graph-schema';
import { builder } from '../builder.js';
import { pagedConnection, REPORT_FIELDS, type ReportRow } from '../context.js';
import { PlaceRef } from './place.js';
import { SENTENCE_FIELDS, SentenceRef, type SentenceRow } from './sentence.js';

export const ReportRef = builder.objectRef<ReportRow>('Report').implement({
  description: 'One report. A file holding several reports gives ids `<file id>/1`, `/2`…',
  fields: (t) => ({
    id: t.exposeID('id'),
    sourceId: t.exposeString('sourceId', { description: 'The file it came from.' }),
    part: t.exposeInt('part'),
    title: t.exposeString('title'),
    year: t.exposeInt('year', { nullable: true, description: 'The year it is dated or plans for, when stated.' }),
    coversYear: t.exposeInt('coversYear', { nullable: true, description: 'The year its summary covers, when stated.' }),
    place: t.field({
      type: PlaceRef,
      nullable: true,
      description: 'The unit it is about (null when unknown or ambiguous).',
      resolve: (r) => r.place,
    }),
    placeStatus: t.exposeString('placeStatus', {
      description: 'resolved, inferred, anonymised, ambiguous or unknown.',
    }),
    placeEvidence: t.exposeStringList('placeEvidence', { description: 'Why this place was chosen.' }),
    sourcePath: t.exposeString('sourcePath'),
    sha256: t.exposeString('sha256'),
    ingestedAt: t.exposeString('ingestedAt'),
    sentenceCount: t.exposeInt('sentenceCount'),
    charCount: t.exposeInt('charCount'),
    sentences: t.connection(
      {
        type: SentenceRef,
        description: 'Its sentences in text order, each with its mentions: the report view.',
        resolve: (r, args, ctx) =>
          pagedConnection<SentenceRow>(
            ctx,
            args,
            { cypher: SENTENCE_COUNT, params: { id: r.id } },
            { cypher: SENTENCES, params: { id: r.id } },
          ),
      },
      { name: 'SentenceConnection' },
    ),
  }),
});

const SENTENCES = `
MATCH (:${Label.Report} {${ReportProps.id}: $id})-[:${Rel.HAS_SENTENCE}]->(s:${Label.Sentence})
RETURN ${SENTENCE_FIELDS} AS row
ORDER BY s.${SentenceProps.idx}
SKIP $offset LIMIT $limit`;

const SENTENCE_COUNT = `
MATCH (:${Label.Report} {${ReportProps.id}: $id})-[:${Rel.HAS_SENTENCE}]->(s:${Label.Sentence})
RETURN count(s) AS row`;

// A place filter matches the report's place or any ancestor (a province finds its counties' reports).
const FILTER = `
MATCH (r:${Label.Report})
WHERE ($year IS NULL OR r.${ReportProps.year} = $year OR r.${ReportProps.coversYear} = $year)
  AND ($place IS NULL OR EXISTS {
    MATCH (r)-[:${Rel.ABOUT}]->(:${Label.Place})-[:${Rel.IN}*0..4]->(p:${Label.Place})
    WHERE p.${PlaceProps.code} = $place OR p.${PlaceProps.name} = $place
  })`;

const LIST = `${FILTER}
RETURN ${REPORT_FIELDS} AS row
ORDER BY r.${ReportProps.id}
SKIP $offset LIMIT $limit`;

const COUNT = `${FILTER} RETURN count(r) AS row`;

builder.queryFields((t) => ({
  reports: t.connection(
    {
      type: ReportRef,
      description: 'Reports by id, optionally about a place (code or name, any level) or a year.',
      args: {
        place: t.arg.string({ required: false, description: 'GB/T 2260 code or name, e.g. 440000 or 广东省.' }),
        year: t.arg.int({ required: false }),
      },
      resolve: async (_root, args, ctx) => {
        const filter = { place: args.place ?? null, year: args.year ?? null };
        return pagedConnection<ReportRow>(
          ctx,
          args,
          { cypher: COUNT, params: filter },
          { cypher: LIST, params: filter },
        );
      },
    },
    { name: 'ReportConnection' },
  ),
  report: t.field({
    type: ReportRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => ctx.reportLoader.load(String(args.id)),
  }),
}));
