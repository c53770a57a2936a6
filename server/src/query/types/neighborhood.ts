import { CoOccursProps, EntityProps, Label, Rel, ReportProps } from '@policygraph/graph-schema';
import neo4j from 'neo4j-driver';
import { builder } from '../builder.js';
import { MAX_PAGE_SIZE } from '../context.js';
import { badInput } from '../errors.js';
import { EntityKindEnum } from './entity.js';

interface GraphNode {
  id: string;
  label: string;
  /** An entity kind, or REPORT. */
  kind: string;
  weight: number;
  /** 0 for a centre, 1 or 2 for the rings; null for reports. */
  distance?: number | null;
}
interface GraphEdge {
  id: string;
  source: string;
  target: string;
  weight: number;
  paragraphs?: number;
  kind: string;
}
interface Graph {
  center: string;
  centers: string[];
  nodes: GraphNode[];
  edges: GraphEdge[];
  total: number;
}

const GraphNodeRef = builder.objectRef<GraphNode>('GraphNode').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    label: t.exposeString('label'),
    kind: t.exposeString('kind', { description: 'Entity kind, or REPORT.' }),
    weight: t.exposeInt('weight', {
      description: 'Sentences shared with the centres or the inner ring (mentions, for reports).',
    }),
    distance: t.exposeInt('distance', {
      nullable: true,
      description: '0 for a centre, 1 or 2 for the rings around it; null for reports.',
    }),
  }),
});

const GraphEdgeRef = builder.objectRef<GraphEdge>('GraphEdge').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    source: t.exposeString('source'),
    target: t.exposeString('target'),
    weight: t.exposeInt('weight', { description: 'Number of sentences (or mentions) behind the edge.' }),
    paragraphs: t.exposeInt('paragraphs', { nullable: true, description: 'Paragraphs shared (co-occurrence edges).' }),
    kind: t.exposeString('kind', { description: 'CO_OCCURS between entities, MENTIONED_IN to a report.' }),
  }),
});

const GraphRef = builder.objectRef<Graph>('Graph').implement({
  description: 'Nodes and edges ready for Cytoscape.',
  fields: (t) => ({
    center: t.exposeString('center', { description: 'The first centre.' }),
    centers: t.exposeStringList('centers', { description: 'Every centre found, in the order asked.' }),
    nodes: t.field({ type: [GraphNodeRef], resolve: (g) => g.nodes }),
    edges: t.field({ type: [GraphEdgeRef], resolve: (g) => g.edges }),
    total: t.exposeInt('total', {
      description:
        'Entities within reach in all (the first ring, plus the second ring through the first-ring nodes expanded); `nodes` holds at most `limit` of them besides the centres.',
    }),
  }),
});

// Local names carry their place in the label: 县一中(将乐县).
const label = (v: string) => `${v}.${EntityProps.name} + coalesce('(' + ${v}.${EntityProps.qualifier} + ')', '')`;

const CENTERS = `
UNWIND $keys AS key
MATCH (c:${Label.Entity} {${EntityProps.key}: key})
RETURN {id: c.${EntityProps.key}, label: ${label('c')}, kind: c.${EntityProps.kind}} AS row`;

// Whether a CO_OCCURS edge is strong enough: shared sentences, or shared paragraphs with `$paragraphs`.
const STRONG = (r: string) =>
  `CASE WHEN $paragraphs THEN ${r}.${CoOccursProps.paragraphs} ELSE ${r}.${CoOccursProps.sentences} END >= $minWeight`;

// One ring out from `$from` over the materialised CO_OCCURS edges (kept exact by the loader), leaving out the
// centres and, for the second ring (`$inner` = the centres), anything already in the first. Weights sum over
// the ring's sources.
const RING = `
UNWIND $from AS key
MATCH (:${Label.Entity} {${EntityProps.key}: key})-[r:${Rel.CO_OCCURS}]-(o:${Label.Entity})
WHERE NOT o.${EntityProps.key} IN $centers AND ($kinds IS NULL OR o.${EntityProps.kind} IN $kinds) AND ${STRONG('r')}
  AND ($inner IS NULL OR NOT EXISTS {
    MATCH (o)-[q:${Rel.CO_OCCURS}]-(c:${Label.Entity}) WHERE c.${EntityProps.key} IN $inner AND ${STRONG('q')}
  })
WITH o, sum(r.${CoOccursProps.sentences}) AS weight, sum(r.${CoOccursProps.paragraphs}) AS paragraphs
ORDER BY weight DESC, paragraphs DESC, o.${EntityProps.name}
WITH collect({id: o.${EntityProps.key}, label: ${label('o')}, kind: o.${EntityProps.kind}, weight: weight}) AS found
RETURN {total: size(found), nodes: found[0..$limit]} AS row`;

// The reports mentioning each centre, most mentions first.
const REPORTS = `
UNWIND $keys AS key
MATCH (:${Label.Entity} {${EntityProps.key}: key})<-[:${Rel.MENTIONS}]-(:${Label.Sentence})<-[:${Rel.HAS_SENTENCE}]-(r:${Label.Report})
WITH key, r, count(*) AS weight
ORDER BY weight DESC, r.${ReportProps.id}
WITH key, collect({id: 'report:' + r.${ReportProps.id}, label: r.${ReportProps.title}, kind: 'REPORT', weight: weight})[0..$limit] AS found
UNWIND found AS row
RETURN row {.*, center: key} AS row`;

// Edges among all the nodes shown, so clusters show instead of a star.
const EDGES_AMONG = `
UNWIND $keys AS k
MATCH (a:${Label.Entity} {${EntityProps.key}: k})-[r:${Rel.CO_OCCURS}]->(b:${Label.Entity})
WHERE b.${EntityProps.key} IN $keys AND ($paragraphs OR r.${CoOccursProps.sentences} > 0)
RETURN {source: a.${EntityProps.key}, target: b.${EntityProps.key}, weight: r.${CoOccursProps.sentences}, paragraphs: r.${CoOccursProps.paragraphs}} AS row`;

/** Several centres at once are for comparing a handful of policies, not for dumping the graph. */
const MAX_CENTERS = 50;

builder.queryFields((t) => ({
  neighborhood: t.field({
    type: GraphRef,
    nullable: true,
    description:
      'One or more entities, the entities named in the same sentences (a second ring with `depth: 2`), the edges among them and the reports mentioning the centres. Null when no centre exists.',
    args: {
      id: t.arg.id({ required: false, description: 'Canonical entity key, e.g. `POLICY:控辍保学`.' }),
      ids: t.arg.idList({ required: false, description: 'Several centres (with or instead of `id`).' }),
      depth: t.arg.int({ required: false, defaultValue: 1, description: '1 or 2 rings (larger values count as 2).' }),
      kinds: t.arg({
        type: [EntityKindEnum],
        required: false,
        description: 'Only entities of these kinds around the centres (both rings).',
      }),
      minWeight: t.arg.int({
        required: false,
        defaultValue: 1,
        description: 'The fewest shared sentences (paragraphs with `paragraphs: true`) for a neighbour.',
      }),
      limit: t.arg.int({ required: false, defaultValue: 50, description: 'Most entity nodes besides the centres.' }),
      paragraphs: t.arg.boolean({
        required: false,
        defaultValue: false,
        description: 'Also entities that share only a paragraph, not a sentence.',
      }),
      reports: t.arg.boolean({ required: false, defaultValue: true, description: 'Include the centres’ reports.' }),
    },
    resolve: async (_root, args, ctx) => {
      const asked = [...new Set([...(args.id ? [String(args.id)] : []), ...(args.ids ?? []).map(String)])];
      if (asked.length === 0) throw badInput('neighborhood needs `id` or `ids`');
      if (asked.length > MAX_CENTERS)
        throw badInput(`neighborhood takes at most ${MAX_CENTERS} centres; ${asked.length} were given`);
      const centers = await ctx.read<Omit<GraphNode, 'weight'>>(CENTERS, { keys: asked });
      if (centers.length === 0) return null;
      // Keep the caller's order: the first centre is `center`.
      centers.sort((a, b) => asked.indexOf(a.id) - asked.indexOf(b.id));
      const keys = centers.map((c) => c.id);
      const limit = Math.max(1, Math.min(args.limit ?? 50, MAX_PAGE_SIZE));
      const depth = Math.min(Math.max(args.depth ?? 1, 1), 2);
      const paragraphs = args.paragraphs ?? false;
      const common = {
        kinds: args.kinds?.length ? args.kinds : null,
        minWeight: neo4j.int(Math.max(1, args.minWeight ?? 1)),
        paragraphs,
      };
      // With two rings the first gets half the room, so the second one shows.
      const firstRoom = depth === 2 ? Math.ceil(limit / 2) : limit;
      const [ring1] = await ctx.read<{ total: number; nodes: GraphNode[] }>(RING, {
        ...common,
        from: keys,
        centers: keys,
        inner: null,
        limit: neo4j.int(limit),
      });
      const all1 = (ring1?.nodes ?? []).map((n) => ({ ...n, distance: 1 }));
      let nodes = all1.slice(0, firstRoom);
      let total = ring1?.total ?? 0;
      if (depth === 2 && nodes.length > 0) {
        const [ring2] = await ctx.read<{ total: number; nodes: GraphNode[] }>(RING, {
          ...common,
          from: nodes.map((n) => n.id),
          centers: keys,
          inner: keys,
          limit: neo4j.int(limit - nodes.length),
        });
        total += ring2?.total ?? 0;
        // Room the second ring leaves goes back to the first.
        const second = (ring2?.nodes ?? []).map((n) => ({ ...n, distance: 2 }));
        nodes = [...all1.slice(0, limit - second.length), ...second];
      }
      const reports =
        args.reports === false
          ? []
          : await ctx.read<GraphNode & { center: string }>(REPORTS, { keys, limit: neo4j.int(limit) });
      const shown = [...keys, ...nodes.map((n) => n.id)];
      const among = await ctx.read<Omit<GraphEdge, 'id' | 'kind'>>(EDGES_AMONG, { keys: shown, paragraphs });
      const reportNodes = new Map(reports.map(({ center: _c, ...r }) => [r.id, r]));
      const edges: GraphEdge[] = [
        ...among.map((e) => ({ ...e, id: `${e.source}|${e.target}`, kind: 'CO_OCCURS' })),
        ...reports.map((r) => ({
          id: `${r.center}|${r.id}`,
          source: r.center,
          target: r.id,
          weight: r.weight,
          kind: 'MENTIONED_IN',
        })),
      ];
      return {
        center: keys[0]!,
        centers: keys,
        nodes: [
          ...centers.map((c) => ({ ...c, weight: 0, distance: 0 })),
          ...nodes,
          ...[...reportNodes.values()].map((r) => ({ ...r, distance: null })),
        ],
        edges,
        total,
      };
    },
  }),
}));
