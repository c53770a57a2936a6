import { EntityProps, Label } from '@policygraph/graph-schema';
import { builder } from '../builder.js';
import { type PlaceRow } from '../context.js';
import { placeCounts, type PlaceCount } from '../place-counts.js';
import { findEntityKeys } from '../entity-lookup.js';
import { badInput } from '../errors.js';
import { assertPlaceExists, PlaceRef } from './place.js';
import { LevelEnum } from './spread.js';

interface MatrixEntity {
  id: string;
  name: string;
  kind: string;
}

/** A PlaceCount whose place is a column of the matrix, named by its code. */
type MatrixCell = Omit<PlaceCount, 'place'> & { placeCode: string };

interface Matrix {
  entities: MatrixEntity[];
  places: PlaceRow[];
  cells: MatrixCell[];
  unresolved: string[];
}

/** Entities × places is a product: more than this many rows is not a table anyone reads. */
const MAX_MATRIX_ENTITIES = 100;

const MatrixEntityRef = builder.objectRef<MatrixEntity>('MatrixEntity').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    kind: t.exposeString('kind'),
  }),
});

const MatrixCellRef = builder.objectRef<MatrixCell>('MatrixCell').implement({
  description: 'One entity in one place: reports and mentions, first and last year. Empty cells are left out.',
  fields: (t) => ({
    entityId: t.exposeID('entityId'),
    placeCode: t.exposeString('placeCode'),
    reports: t.exposeInt('reports'),
    mentions: t.exposeInt('mentions'),
    firstYear: t.exposeInt('firstYear', { nullable: true }),
    lastYear: t.exposeInt('lastYear', { nullable: true }),
  }),
});

const MatrixRef = builder.objectRef<Matrix>('Matrix').implement({
  description: 'Entities × places: rows in the order asked, columns by reports (most first), non-empty cells.',
  fields: (t) => ({
    entities: t.field({ type: [MatrixEntityRef], resolve: (m) => m.entities }),
    places: t.field({ type: [PlaceRef], resolve: (m) => m.places }),
    cells: t.field({ type: [MatrixCellRef], resolve: (m) => m.cells }),
    unresolved: t.exposeStringList('unresolved', { description: 'Ids and terms that matched no entity.' }),
  }),
});

const ENTITIES = `
UNWIND $keys AS key
MATCH (e:${Label.Entity} {${EntityProps.key}: key})
RETURN {id: e.${EntityProps.key}, name: e.${EntityProps.name}, kind: e.${EntityProps.kind}} AS row`;

builder.queryFields((t) => ({
  matrix: t.field({
    type: MatrixRef,
    description:
      'Entities × places in one answer: for each entity (ids, or terms in any spelling) and place at the level asked, the reports and mentions. `within` (a place code or name) drills down to the places under it.',
    args: {
      ids: t.arg.idList({ required: false }),
      terms: t.arg.stringList({ required: false }),
      level: t.arg({ type: LevelEnum, required: false, defaultValue: 'county' }),
      within: t.arg.string({ required: false, description: 'GB/T 2260 code or name, e.g. 440000 or 广东省.' }),
      yearFrom: t.arg.int({ required: false }),
      yearTo: t.arg.int({ required: false }),
    },
    resolve: async (_root, args, ctx) => {
      const asked = [
        ...(args.ids ?? []).map((id) => ({ id: String(id), term: null })),
        ...(args.terms ?? []).map((term) => ({ id: null, term })),
      ];
      if (asked.length === 0) throw badInput('matrix needs `ids` or `terms`');
      if (asked.length > MAX_MATRIX_ENTITIES)
        throw badInput(`matrix takes at most ${MAX_MATRIX_ENTITIES} ids and terms; ${asked.length} were given`);
      const within = args.within?.trim() || null;
      await assertPlaceExists(ctx, within);
      const found = await findEntityKeys(ctx, asked);
      const keys = [...new Set(found.filter((k): k is string => k !== null))];
      const unresolved = asked.filter((_, i) => found[i] === null).map((a) => a.id ?? a.term ?? '');
      const [entities, rows] = await Promise.all([
        ctx.read<MatrixEntity>(ENTITIES, { keys }),
        placeCounts(ctx, keys, {
          level: args.level ?? 'county',
          within,
          from: args.yearFrom ?? null,
          to: args.yearTo ?? null,
        }),
      ]);
      const order = new Map(keys.map((k, i) => [k, i]));
      entities.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
      const places = new Map<string, PlaceRow & { total: number }>();
      for (const r of rows) {
        const p = places.get(r.place.code) ?? { ...r.place, total: 0 };
        p.total += r.reports;
        places.set(p.code, p);
      }
      const cells = rows.map(({ place, ...c }) => ({ ...c, placeCode: place.code }));
      cells.sort((a, b) => order.get(a.entityId)! - order.get(b.entityId)! || a.placeCode.localeCompare(b.placeCode));
      return {
        entities,
        places: [...places.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name)),
        cells,
        unresolved,
      };
    },
  }),
}));
