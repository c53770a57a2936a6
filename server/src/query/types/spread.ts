import { EntityProps, Label, PlaceProps, Rel, ReportProps, SentenceProps } from '@policygraph/graph-schema';
import { builder } from '../builder.js';
import { inYearRange, pagedConnection, reportYear } from '../context.js';
import { findEntityKey } from '../entity-lookup.js';
import { placeCounts, type PlaceCount } from '../place-counts.js';

type SpreadRow = Omit<PlaceCount, 'entityId'>;

interface KwicRow {
  /** The sentence as written and the mention's place in it, in UTF-16 units like every stored offset. */
  text: string;
  at: number;
  len: number;
  window: number;
  reportId: string;
  reportTitle: string;
  place: string | null;
  year: number | null;
  sentenceId: string;
}

export const LevelEnum = builder.enumType('PlaceLevel', {
  values: { COUNTY: { value: 'county' }, CITY: { value: 'city' }, PROVINCE: { value: 'province' } } as const,
});

const SpreadPlaceRef = builder.objectRef<SpreadRow['place']>('SpreadPlace').implement({
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    level: t.exposeString('level'),
    anonymised: t.boolean({ resolve: (p) => p.anonymised === true }),
  }),
});

const SpreadRowRef = builder.objectRef<SpreadRow>('SpreadRow').implement({
  description: 'One place in the place × policy matrix: how many reports and mentions, first and last year.',
  fields: (t) => ({
    place: t.field({ type: SpreadPlaceRef, resolve: (r) => r.place }),
    reports: t.exposeInt('reports'),
    mentions: t.exposeInt('mentions'),
    firstYear: t.exposeInt('firstYear', { nullable: true }),
    lastYear: t.exposeInt('lastYear', { nullable: true }),
  }),
});

const KwicRef = builder.objectRef<KwicRow>('KwicLine').implement({
  description: 'Key word in context, as written in the report (original spelling).',
  fields: (t) => ({
    // Cut here, not in Cypher: Cypher counts code points, the stored offsets are UTF-16 units.
    left: t.string({ resolve: (k) => k.text.slice(Math.max(0, k.at - k.window), k.at) }),
    keyword: t.string({ resolve: (k) => k.text.slice(k.at, k.at + k.len) }),
    right: t.string({ resolve: (k) => k.text.slice(k.at + k.len, k.at + k.len + k.window) }),
    reportId: t.exposeString('reportId'),
    reportTitle: t.exposeString('reportTitle'),
    place: t.exposeString('place', { nullable: true }),
    year: t.exposeInt('year', { nullable: true }),
    sentenceId: t.exposeString('sentenceId'),
  }),
});

const KWIC_MATCH = `
MATCH (:${Label.Entity} {${EntityProps.key}: $key})<-[m:${Rel.MENTIONS}]-(s:${Label.Sentence})<-[:${Rel.HAS_SENTENCE}]-(r:${Label.Report})
WHERE ${inYearRange('r')}`;

const KWIC = `${KWIC_MATCH}
OPTIONAL MATCH (r)-[:${Rel.ABOUT}]->(p:${Label.Place})
RETURN {
  text: s.${SentenceProps.text}, at: m.start - s.${SentenceProps.start}, len: m.end - m.start, window: $window,
  reportId: r.${ReportProps.id}, reportTitle: r.${ReportProps.title}, place: p.${PlaceProps.name},
  year: ${reportYear('r')}, sentenceId: s.${SentenceProps.id}
} AS row
ORDER BY r.${ReportProps.id}, s.${SentenceProps.idx}, m.start
SKIP $offset LIMIT $limit`;

const KWIC_COUNT = `${KWIC_MATCH} RETURN count(m) AS row`;

builder.queryFields((t) => ({
  spread: t.field({
    type: [SpreadRowRef],
    description:
      'Which places mention a policy (by term — any spelling — or entity id): reports and mentions per place at the level asked, with first and last year.',
    args: {
      term: t.arg.string({ required: false }),
      id: t.arg.id({ required: false }),
      level: t.arg({ type: LevelEnum, required: false, defaultValue: 'county' }),
      yearFrom: t.arg.int({ required: false }),
      yearTo: t.arg.int({ required: false }),
    },
    resolve: async (_root, args, ctx) => {
      const key = await findEntityKey(ctx, args);
      if (!key) return [];
      const rows = await placeCounts(ctx, [key], {
        level: args.level ?? 'county',
        from: args.yearFrom ?? null,
        to: args.yearTo ?? null,
      });
      return rows.sort(
        (a, b) => b.reports - a.reports || b.mentions - a.mentions || a.place.name.localeCompare(b.place.name),
      );
    },
  }),
  timeline: t.field({
    type: [SpreadRowRef],
    description: 'Diffusion: the places that mention a policy, ordered by the first year they do (unknown years last).',
    args: {
      term: t.arg.string({ required: false }),
      id: t.arg.id({ required: false }),
      level: t.arg({ type: LevelEnum, required: false, defaultValue: 'county' }),
    },
    resolve: async (_root, args, ctx) => {
      const key = await findEntityKey(ctx, args);
      if (!key) return [];
      const rows = await placeCounts(ctx, [key], { level: args.level ?? 'county' });
      return rows.sort(
        (a, b) => (a.firstYear ?? Infinity) - (b.firstYear ?? Infinity) || a.place.name.localeCompare(b.place.name),
      );
    },
  }),
  kwic: t.connection(
    {
      type: KwicRef,
      description: 'Key word in context for every mention, as written, with report, place and year.',
      args: {
        term: t.arg.string({ required: false }),
        id: t.arg.id({ required: false }),
        window: t.arg.int({ required: false, defaultValue: 20 }),
        yearFrom: t.arg.int({ required: false }),
        yearTo: t.arg.int({ required: false }),
      },
      resolve: async (_root, args, ctx) => {
        const key = await findEntityKey(ctx, args);
        const window = Math.max(0, Math.min(args.window ?? 20, 200));
        const years = { from: args.yearFrom ?? null, to: args.yearTo ?? null };
        return pagedConnection<KwicRow>(
          ctx,
          args,
          { cypher: KWIC_COUNT, params: { key, ...years } },
          { cypher: KWIC, params: { key, window, ...years } },
        );
      },
    },
    { name: 'KwicConnection' },
  ),
}));
