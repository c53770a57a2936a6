import { CoOccursProps, EntityProps, Label, Rel } from '@policygraph/graph-schema';
import neo4j from 'neo4j-driver';
import { builder } from '../builder.js';
import { MAX_PAGE_SIZE } from '../context.js';
import { findEntityKey } from '../entity-lookup.js';
import { ENTITY_ROW, EntityKindEnum, EntityRef, type EntityRow } from './entity.js';

interface CoOccurrenceRow {
  entity: EntityRow;
  sentences: number;
  paragraphs: number;
  reports: number;
}

const CoOccurrenceRef = builder.objectRef<CoOccurrenceRow>('CoOccurrence').implement({
  description: 'An entity named together with another, and how often (the stored CO_OCCURS counts).',
  fields: (t) => ({
    entity: t.field({ type: EntityRef, resolve: (c) => c.entity }),
    sentences: t.exposeInt('sentences', { description: 'Sentences naming both.' }),
    paragraphs: t.exposeInt('paragraphs', { description: 'Paragraphs naming both.' }),
    reports: t.exposeInt('reports', { description: 'Reports naming both in one paragraph.' }),
  }),
});

// CO_OCCURS is stored once per pair (lower key → higher), so both directions are read.
const COOCCURRENCE = `
MATCH (:${Label.Entity} {${EntityProps.key}: $key})-[c:${Rel.CO_OCCURS}]-(e:${Label.Entity})
WHERE c.${CoOccursProps.sentences} >= $minWeight AND ($kinds IS NULL OR e.${EntityProps.kind} IN $kinds)
WITH e, c
ORDER BY c.${CoOccursProps.sentences} DESC, c.${CoOccursProps.paragraphs} DESC, c.${CoOccursProps.reports} DESC, e.${EntityProps.name}
LIMIT $limit
RETURN {entity: ${ENTITY_ROW}, sentences: c.${CoOccursProps.sentences}, paragraphs: c.${CoOccursProps.paragraphs},
        reports: c.${CoOccursProps.reports}} AS row`;

builder.queryFields((t) => ({
  cooccurrence: t.field({
    type: [CoOccurrenceRef],
    description:
      'The entities named together with one (by id, or a term in any spelling), most shared sentences first. `minWeight` is the fewest shared sentences; 0 adds pairs that share only a paragraph.',
    args: {
      id: t.arg.id({ required: false }),
      term: t.arg.string({ required: false }),
      minWeight: t.arg.int({ required: false, defaultValue: 1 }),
      kinds: t.arg({ type: [EntityKindEnum], required: false }),
      limit: t.arg.int({ required: false, defaultValue: 50 }),
    },
    resolve: async (_root, args, ctx) => {
      const key = await findEntityKey(ctx, args);
      if (!key) return [];
      return ctx.read<CoOccurrenceRow>(COOCCURRENCE, {
        key,
        minWeight: neo4j.int(Math.max(0, args.minWeight ?? 1)),
        kinds: args.kinds?.length ? args.kinds : null,
        limit: neo4j.int(Math.max(1, Math.min(args.limit ?? 50, MAX_PAGE_SIZE))),
      });
    },
  }),
}));
