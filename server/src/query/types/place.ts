import { Label, PlaceProps, Rel } from '@policygraph/graph-schema';
import { builder } from '../builder.js';
import { pagedConnection, PLACE_FIELDS, type Context, type PlaceRow } from '../context.js';
import { badInput } from '../errors.js';
import { LevelEnum } from './spread.js';

const PlaceLinkRef = builder.objectRef<PlaceRow['chain'][number]>('PlaceLink').implement({
  description: 'An ancestor of a place (city, province).',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'GB/T 2260 code.' }),
    name: t.exposeString('name'),
    level: t.exposeString('level', { description: 'province, city or county.' }),
  }),
});

// Reports about the place or any place under it (a province counts its counties' reports).
const REPORT_COUNT = (p: string) =>
  `COUNT { MATCH (r:${Label.Report})-[:${Rel.ABOUT}]->(:${Label.Place})-[:${Rel.IN}*0..3]->(${p}) RETURN DISTINCT r }`;

const REPORT_COUNTS = `
UNWIND $codes AS code
MATCH (p:${Label.Place} {${PlaceProps.code}: code})
RETURN {code: code, n: ${REPORT_COUNT('p')}} AS row`;

function reportCountLoader(ctx: Context) {
  return ctx.loader<string, number>('placeReportCount', async (codes) => {
    const rows = await ctx.read<{ code: string; n: number }>(REPORT_COUNTS, { codes });
    const byCode = new Map(rows.map((r) => [r.code, r.n]));
    return codes.map((c) => byCode.get(c) ?? 0);
  });
}

export const PlaceRef = builder.objectRef<PlaceRow & { reportCount?: number }>('Place').implement({
  description: 'An administrative division (GB/T 2260), or an anonymised one (`Xx县`) known only to its report.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'GB/T 2260 code; `anon:<reportId>` when anonymised.' }),
    name: t.exposeString('name'),
    level: t.exposeString('level', { description: 'province, city, county; `unknown` when anonymised.' }),
    anonymised: t.boolean({ resolve: (p) => p.anonymised === true }),
    chain: t.field({
      type: [PlaceLinkRef],
      description: 'Ancestors, most specific first.',
      resolve: (p) => p.chain,
    }),
    reportCount: t.int({
      description: 'Reports about it or any place under it.',
      resolve: (p, _args, ctx) => p.reportCount ?? reportCountLoader(ctx).load(p.code),
    }),
  }),
});

const PLACE_EXISTS = `
MATCH (p:${Label.Place}) WHERE p.${PlaceProps.code} = $place OR p.${PlaceProps.name} = $place
RETURN count(p) > 0 AS row`;

/** A `within` naming no stored place is a typo or a short form (广东 for 广东省): say so instead of an empty answer. */
export async function assertPlaceExists(ctx: Context, place: string | null): Promise<void> {
  if (place === null) return;
  const [exists] = await ctx.read<boolean>(PLACE_EXISTS, { place });
  if (!exists)
    throw badInput(`no place has the code or name "${place}" (use a GB/T 2260 code or the full name, e.g. 广东省)`);
}

const PLACES_FILTER = `
MATCH (p:${Label.Place})
WHERE ($level IS NULL OR p.${PlaceProps.level} = $level)
  AND ($within IS NULL OR EXISTS {
    MATCH (p)-[:${Rel.IN}*0..3]->(w:${Label.Place}) WHERE w.${PlaceProps.code} = $within OR w.${PlaceProps.name} = $within
  })
WITH p, ${REPORT_COUNT('p')} AS reportCount
WHERE reportCount > 0`;

const PLACES = `${PLACES_FILTER}
WITH p, reportCount ORDER BY reportCount DESC, p.${PlaceProps.name}, p.${PlaceProps.code}
SKIP $offset LIMIT $limit
RETURN ${PLACE_FIELDS.replace(/\}\s*$/, ', reportCount: reportCount }')} AS row`;

const PLACES_COUNT = `${PLACES_FILTER} RETURN count(p) AS row`;

builder.queryFields((t) => ({
  places: t.connection(
    {
      type: PlaceRef,
      description:
        'Places that have reports (about them or a place under them), most reports first: browse the hierarchy with `level` and `within`.',
      args: {
        level: t.arg({ type: LevelEnum, required: false }),
        within: t.arg.string({ required: false, description: 'GB/T 2260 code or name: only it and places under it.' }),
      },
      resolve: async (_root, args, ctx) => {
        const params = { level: args.level ?? null, within: args.within?.trim() || null };
        await assertPlaceExists(ctx, params.within);
        return pagedConnection<PlaceRow>(ctx, args, { cypher: PLACES_COUNT, params }, { cypher: PLACES, params });
      },
    },
    { name: 'PlaceConnection' },
  ),
}));
