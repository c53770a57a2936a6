import {
  EntityKinds,
  EntityProps,
  Label,
  Rel,
  ReportProps,
  SentenceProps,
  type EntityKind,
} from '@policygraph/graph-schema';
import { builder } from '../builder.js';
import { inYearRange, pagedConnection, PLACE_FIELDS, type Context, type PlaceRow } from '../context.js';
import { findEntityKey, normaliseQuery } from '../entity-lookup.js';
import { badInput } from '../errors.js';
import { PlaceRef } from './place.js';
import { ReportRef } from './report.js';
import { SENTENCE_FIELDS, SentenceRef, type SentenceRow } from './sentence.js';

export interface EntityRow {
  key: string;
  kind: EntityKind;
  name: string;
  qualifier: string | null;
  aliases: string[];
  mentionCount: number;
  reportCount: number;
}

export interface MentionRow {
  surface: string;
  start: number;
  end: number;
  cue: string;
  score: number | null;
  reportId: string;
  sentence: SentenceRow;
}

export const EntityKindEnum = builder.enumType('EntityKind', { values: EntityKinds });

const MentionRef = builder.objectRef<MentionRow>('Mention').implement({
  description: 'One occurrence of an entity: the evidence a researcher can cite.',
  fields: (t) => ({
    surface: t.exposeString('surface', { description: 'As written (e.g. traditional spelling).' }),
    start: t.exposeInt('start', { description: 'Offset in the original report text.' }),
    end: t.exposeInt('end'),
    cue: t.exposeString('cue', { description: 'Which extraction rule found it.' }),
    score: t.exposeFloat('score', { nullable: true, description: 'Prior trust in that cue (0..1).' }),
    sentence: t.field({ type: SentenceRef, resolve: (m) => m.sentence }),
    report: t.field({
      type: ReportRef,
      resolve: async (m, _args, ctx) => {
        const report = await ctx.reportLoader.load(m.reportId);
        if (!report) throw badInput(`report ${m.reportId} not found`);
        return report;
      },
    }),
  }),
});

const ENTITY_FIELDS = `{
  key: e.${EntityProps.key}, kind: e.${EntityProps.kind}, name: e.${EntityProps.name}, aliases: e.${EntityProps.aliases},
  qualifier: e.${EntityProps.qualifier},
  mentionCount: mentionCount, reportCount: reportCount
}`;

/** An EntityRow for the entity bound to `e`, counting with subqueries (reports distinct). */
export const ENTITY_ROW = `{
  key: e.${EntityProps.key}, kind: e.${EntityProps.kind}, name: e.${EntityProps.name}, aliases: e.${EntityProps.aliases},
  qualifier: e.${EntityProps.qualifier},
  mentionCount: COUNT { (e)<-[:${Rel.MENTIONS}]-() },
  reportCount: COUNT { MATCH (e)<-[:${Rel.MENTIONS}]-(:${Label.Sentence})<-[:${Rel.HAS_SENTENCE}]-(r) RETURN DISTINCT r }
}`;

// Counting per entity via its mentions: cheap for the walking skeleton's corpus sizes.
const WITH_COUNTS = `
OPTIONAL MATCH (e)<-[m:${Rel.MENTIONS}]-(:${Label.Sentence})<-[:${Rel.HAS_SENTENCE}]-(r:${Label.Report})
WITH e, count(m) AS mentionCount, count(DISTINCT r) AS reportCount`;

const SEARCH_WHERE = `
WHERE ($kind IS NULL OR e.${EntityProps.kind} = $kind)
  AND ($q IS NULL OR e.${EntityProps.name} CONTAINS $q OR any(a IN e.${EntityProps.aliases} WHERE a CONTAINS $q))`;

const SEARCH = `
MATCH (e:${Label.Entity}) ${SEARCH_WHERE}
${WITH_COUNTS}
RETURN ${ENTITY_FIELDS} AS row
ORDER BY mentionCount DESC, e.${EntityProps.name}
SKIP $offset LIMIT $limit`;

const SEARCH_COUNT = `MATCH (e:${Label.Entity}) ${SEARCH_WHERE} RETURN count(e) AS row`;

const BY_KEY = `
MATCH (e:${Label.Entity} {${EntityProps.key}: $key})
${WITH_COUNTS}
RETURN ${ENTITY_FIELDS} AS row`;

const MENTIONS_MATCH = `
MATCH (e:${Label.Entity} {${EntityProps.key}: $key})<-[m:${Rel.MENTIONS}]-(s:${Label.Sentence})<-[:${Rel.HAS_SENTENCE}]-(r:${Label.Report})
WHERE ${inYearRange('r')}`;

const MENTIONS = `${MENTIONS_MATCH}
RETURN {
  surface: m.surface, start: m.start, end: m.end, cue: m.cue, score: m.score, reportId: r.${ReportProps.id},
  sentence: ${SENTENCE_FIELDS}
} AS row
ORDER BY r.${ReportProps.id}, s.${SentenceProps.idx}, m.start
SKIP $offset LIMIT $limit`;

const MENTION_COUNT = `${MENTIONS_MATCH} RETURN count(m) AS row`;

const PLACES_OF_ENTITIES = `
UNWIND $keys AS key
MATCH (:${Label.Entity} {${EntityProps.key}: key})-[:${Rel.REFERS_TO}]->(p:${Label.Place})
RETURN {key: key, place: ${PLACE_FIELDS}} AS row`;

// A list of place entities asks for their places in one statement.
function placeOfEntityLoader(ctx: Context) {
  return ctx.loader<string, PlaceRow | null>('placeOfEntity', async (keys) => {
    const rows = await ctx.read<{ key: string; place: PlaceRow }>(PLACES_OF_ENTITIES, { keys });
    const byKey = new Map(rows.map((r) => [r.key, r.place]));
    return keys.map((k) => byKey.get(k) ?? null);
  });
}

export const EntityRef = builder.objectRef<EntityRow>('Entity').implement({
  description: 'A canonical entity: one node per policy, program, school, place, organisation or document.',
  fields: (t) => ({
    id: t.exposeID('key', { description: 'The canonical key, `KIND:name` (`PLACE:<code>` for a known division).' }),
    kind: t.field({ type: EntityKindEnum, resolve: (e) => e.kind }),
    name: t.exposeString('name'),
    qualifier: t.exposeString('qualifier', {
      nullable: true,
      description:
        'For local names (县一中, 市委, 第九届…运动会): the place they belong to; for a place linked to the gazetteer: the division above it.',
    }),
    aliases: t.exposeStringList('aliases', { description: 'Every surface form seen (traditional, spun, quoted).' }),
    place: t.field({
      type: PlaceRef,
      nullable: true,
      description:
        'For a PLACE entity: the administrative division it is (GB/T 2260 code, level, ancestors), when its reports tell which one; such an entity’s id is `PLACE:<code>`.',
      resolve: (e, _args, ctx) => (e.kind === 'PLACE' ? placeOfEntityLoader(ctx).load(e.key) : null),
    }),
    mentionCount: t.exposeInt('mentionCount'),
    reportCount: t.exposeInt('reportCount'),
    mentions: t.connection(
      {
        type: MentionRef,
        description: 'The sentences that mention it, by report and position; optionally only reports of some years.',
        args: {
          yearFrom: t.arg.int({ required: false, description: 'Reports whose year (covered, else dated) is ≥ this.' }),
          yearTo: t.arg.int({ required: false }),
        },
        resolve: async (e, args, ctx) => {
          const params = { key: e.key, from: args.yearFrom ?? null, to: args.yearTo ?? null };
          return pagedConnection<MentionRow>(
            ctx,
            args,
            { cypher: MENTION_COUNT, params },
            { cypher: MENTIONS, params },
          );
        },
      },
      { name: 'EntityMentionsConnection' },
    ),
  }),
});

builder.queryFields((t) => ({
  entities: t.connection(
    {
      type: EntityRef,
      description: 'Entities, most mentioned first; `search` matches names and aliases (traditional spellings too).',
      args: {
        kind: t.arg({ type: EntityKindEnum, required: false }),
        search: t.arg.string({ required: false }),
      },
      resolve: async (_root, args, ctx) => {
        const params = { kind: args.kind ?? null, q: normaliseQuery(args.search) };
        return pagedConnection<EntityRow>(ctx, args, { cypher: SEARCH_COUNT, params }, { cypher: SEARCH, params });
      },
    },
    { name: 'EntityConnection' },
  ),
  entity: t.field({
    type: EntityRef,
    nullable: true,
    description: 'One entity by canonical key or name (the most mentioned if the name has several kinds).',
    args: {
      id: t.arg.id({ required: false }),
      name: t.arg.string({ required: false }),
      kind: t.arg({ type: EntityKindEnum, required: false }),
    },
    resolve: async (_root, args, ctx) => {
      if (!args.id && !normaliseQuery(args.name)) throw badInput('entity needs `id` or `name`');
      const key = await findEntityKey(ctx, { id: args.id, term: args.name, kind: args.kind });
      const [row] = key ? await ctx.read<EntityRow>(BY_KEY, { key }) : [];
      return row ?? null;
    },
  }),
}));

// An entity's mentions within one report, most mentioned first.
const REPORT_ENTITIES_MATCH = `
MATCH (:${Label.Report} {${ReportProps.id}: $id})-[:${Rel.HAS_SENTENCE}]->(:${Label.Sentence})-[:${Rel.MENTIONS}]->(e:${Label.Entity})
WHERE $kinds IS NULL OR e.${EntityProps.kind} IN $kinds`;

const REPORT_ENTITIES = `${REPORT_ENTITIES_MATCH}
WITH e, count(*) AS inReport
ORDER BY inReport DESC, e.${EntityProps.name}
SKIP $offset LIMIT $limit
RETURN {entity: ${ENTITY_ROW}, inReport: inReport} AS row`;

const REPORT_ENTITY_COUNT = `${REPORT_ENTITIES_MATCH} RETURN count(DISTINCT e) AS row`;

builder.objectField(ReportRef, 'entities', (t) =>
  t.connection(
    {
      type: EntityRef,
      description: 'The entities it mentions, most mentioned first; the edge says how often in this report.',
      args: { kinds: t.arg({ type: [EntityKindEnum], required: false }) },
      resolve: async (r, args, ctx) => {
        const params = { id: r.id, kinds: args.kinds?.length ? args.kinds : null };
        const conn = await pagedConnection<{ entity: EntityRow; inReport: number }>(
          ctx,
          args,
          { cypher: REPORT_ENTITY_COUNT, params },
          { cypher: REPORT_ENTITIES, params },
        );
        // The count rides on the edge: the node stays the shared Entity type.
        return {
          ...conn,
          edges: conn.edges.map((e) => e && { cursor: e.cursor, node: e.node.entity, mentions: e.node.inReport }),
        };
      },
    },
    { name: 'ReportEntityConnection' },
    {
      name: 'ReportEntityEdge',
      fields: (e) => ({
        mentions: e.int({
          description: 'Mentions of the entity in this report.',
          resolve: (edge) => (edge as unknown as { mentions: number }).mentions,
        }),
      }),
    },
  ),
);
