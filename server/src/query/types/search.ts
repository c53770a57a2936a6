import { ENTITY_SEARCH_INDEX, EntityProps } from '@policygraph/graph-schema';
import neo4j from 'neo4j-driver';
import { builder } from '../builder.js';
import { MAX_PAGE_SIZE } from '../context.js';
import { escapeLucene, normaliseQuery } from '../entity-lookup.js';
import { ENTITY_ROW, EntityKindEnum, EntityRef, type EntityRow } from './entity.js';

// Lucene's CJK analyzer indexes character bigrams: 扶贫 finds 精准扶贫 and 教育扶贫.
// Ranked by Lucene's score within each pass.
const SEARCH = `
CALL db.index.fulltext.queryNodes('${ENTITY_SEARCH_INDEX}', $q) YIELD node AS e, score
WHERE $kinds IS NULL OR e.${EntityProps.kind} IN $kinds
WITH e, score
ORDER BY score DESC
LIMIT $limit
RETURN ${ENTITY_ROW} AS row`;

builder.queryFields((t) => ({
  search: t.field({
    type: [EntityRef],
    description:
      'Full-text search over entity names and aliases (traditional and spun spellings included), best match first.',
    args: {
      text: t.arg.string({ required: true }),
      kinds: t.arg({ type: [EntityKindEnum], required: false }),
      first: t.arg.int({ required: false, defaultValue: 20 }),
    },
    resolve: async (_root, args, ctx) => {
      const q = normaliseQuery(args.text);
      if (!q) return [];
      const limit = Math.max(1, Math.min(args.first ?? 20, MAX_PAGE_SIZE));
      const params = { kinds: args.kinds?.length ? args.kinds : null, limit: neo4j.int(limit) };
      // The query as a phrase first (its bigrams in order: 义务教育 finds the 54 names holding it, not the 985
      // holding any of 义务/务教/教育), then any-bigram matches to fill the page (typos, several words).
      const exact = await ctx.read<EntityRow>(SEARCH, { ...params, q: `"${escapeLucene(q)}"` });
      if (exact.length >= limit) return exact;
      const seen = new Set(exact.map((e) => e.key));
      const loose = await ctx.read<EntityRow>(SEARCH, { ...params, q: escapeLucene(q) });
      return [...exact, ...loose.filter((e) => !seen.has(e.key))].slice(0, limit);
    },
  }),
}));
