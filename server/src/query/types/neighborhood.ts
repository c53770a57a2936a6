import { CoOccursProps, EntityProps, Label, Rel, ReportProps } from '@policygraph/graph-schema';
import neo4j from 'neo4j-driver';
import { builder } from '../builder.js';

interface GraphNode {
  id: string;
  label: string;
  /** An entity kind, or REPORT. */
  kind: string;
  weight: number;
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
  nodes: GraphNode[];
  edges: GraphEdge[];
  total: number;
}

const GraphNodeRef = builder.objectRef<GraphNode>('GraphNode').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    label: t.exposeString('label'),
    kind: t.exposeString('kind', { description: 'Entity kind, or REPORT.' }),
    weight: t.exposeInt('weight', { description: 'Sentences shared with the centre (mentions, for reports).' }),
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
    center: t.exposeString('center'),
    nodes: t.field({ type: [GraphNodeRef], resolve: (g) => g.nodes }),
    edges: t.field({ type: [GraphEdgeRef], resolve: (g) => g.edges }),
    total: t.exposeInt('total', {
      description: 'Co-occurring entities in all; `nodes` holds at most `limit` of them.',
    }),
  }),
});

// Local names carry their place in the label: 县一中(将乐县).
const label = (v: string) => `${v}.${EntityProps.name} + coalesce('(' + ${v}.${EntityProps.qualifier} + ')', '')`;

const CENTER = `MATCH (c:${Label.Entity} {${EntityProps.key}: $key}) RETURN {id: c.${EntityProps.key}, label: ${label('c')}, kind: c.${EntityProps.kind}} AS row`;

// Materialised CO_OCCURS edges (kept exact by the loader); `$paragraphs` widens to same-paragraph pairs.
const NEIGHBOURS = `
MATCH (c:${Label.Entity} {${EntityProps.key}: $key})-[r:${Rel.CO_OCCURS}]-(o:${Label.Entity})
WHERE $paragraphs OR r.${CoOccursProps.sentences} > 0
WITH o, r
ORDER BY r.${CoOccursProps.sentences} DESC, r.${CoOccursProps.paragraphs} DESC, o.${EntityProps.name}
WITH collect({id: o.${EntityProps.key}, label: ${label('o')}, kind: o.${EntityProps.kind}, weight: r.${CoOccursProps.sentences}}) AS found
RETURN {total: size(found), nodes: found[0..$limit]} AS row`;

const REPORTS = `
MATCH (c:${Label.Entity} {${EntityProps.key}: $key})<-[:${Rel.MENTIONS}]-(:${Label.Sentence})<-[:${Rel.HAS_SENTENCE}]-(r:${Label.Report})
WITH r, count(*) AS weight
RETURN {id: 'report:' + r.${ReportProps.id}, label: r.${ReportProps.title}, kind: 'REPORT', weight: weight} AS row
ORDER BY weight DESC LIMIT $limit`;

// Edges among the neighbours too, so clusters show instead of a star.
const EDGES_AMONG = `
UNWIND $keys AS k
MATCH (a:${Label.Entity} {${EntityProps.key}: k})-[r:${Rel.CO_OCCURS}]->(b:${Label.Entity})
WHERE b.${EntityProps.key} IN $keys AND ($paragraphs OR r.${CoOccursProps.sentences} > 0)
RETURN {source: a.${EntityProps.key}, target: b.${EntityProps.key}, weight: r.${CoOccursProps.sentences}, paragraphs: r.${CoOccursProps.paragraphs}} AS row`;

builder.queryFields((t) => ({
  neighborhood: t.field({
    type: GraphRef,
    nullable: true,
    description: 'An entity, the entities mentioned in the same sentences, and the reports mentioning it.',
    args: {
      id: t.arg.id({ required: true, description: 'Canonical entity key, e.g. `POLICY:控辍保学`.' }),
      limit: t.arg.int({ required: false, defaultValue: 50 }),
      paragraphs: t.arg.boolean({
        required: false,
        defaultValue: false,
        description: 'Also entities that share only a paragraph, not a sentence.',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const key = String(args.id);
      const limit = Math.max(1, Math.min(args.limit ?? 50, 500));
      const [center] = await ctx.read<Omit<GraphNode, 'weight'>>(CENTER, { key });
      if (!center) return null;
      const paragraphs = args.paragraphs ?? false;
      const [neigh] = await ctx.read<{ total: number; nodes: GraphNode[] }>(NEIGHBOURS, {
        key,
        limit: neo4j.int(limit),
        paragraphs,
      });
      const reports = await ctx.read<GraphNode>(REPORTS, { key, limit: neo4j.int(limit) });
      const neighbours = neigh?.nodes ?? [];
      const keys = [key, ...neighbours.map((n) => n.id)];
      const among = await ctx.read<Omit<GraphEdge, 'id' | 'kind'>>(EDGES_AMONG, { keys, paragraphs });
      const edges: GraphEdge[] = [
        ...among.map((e) => ({ ...e, id: `${e.source}|${e.target}`, kind: 'CO_OCCURS' })),
        ...reports.map((r) => ({
          id: `${key}|${r.id}`,
          source: key,
          target: r.id,
          weight: r.weight,
          kind: 'MENTIONED_IN',
        })),
      ];
      return {
        center: key,
        nodes: [{ ...center, weight: 0 }, ...neighbours, ...reports],
        edges,
        total: neigh?.total ?? 0,
      };
    },
  }),
}));
