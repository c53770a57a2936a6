import { EntityProps, Label, PlaceProps, Rel } from '@policygraph/graph-schema';
import { PLACE_FIELDS, reportYear, type Context, type PlaceRow } from './context.js';

/** One entity in one place: what `spread`, `timeline` and `matrix` report. */
export interface PlaceCount {
  entityId: string;
  place: PlaceRow;
  reports: number;
  mentions: number;
  firstYear: number | null;
  lastYear: number | null;
}

// A report counts at the level asked: its own place (county) or its ancestor at that level. `within` keeps the
// places under a code or name (itself included). Years are the report's covered year, else its dated year.
const PLACE_COUNTS = `
UNWIND $keys AS key
MATCH (e:${Label.Entity} {${EntityProps.key}: key})<-[m:${Rel.MENTIONS}]-(:${Label.Sentence})<-[:${Rel.HAS_SENTENCE}]-(r:${Label.Report})
WITH e, r, count(m) AS mentions, ${reportYear('r')} AS year
WHERE ($from IS NULL OR year >= $from) AND ($to IS NULL OR year <= $to)
MATCH (r)-[:${Rel.ABOUT}]->(own:${Label.Place})
OPTIONAL MATCH (own)-[:${Rel.IN}*1..3]->(up:${Label.Place} {${PlaceProps.level}: $level})
WITH e, r, mentions, year, CASE WHEN $level = 'county' OR own.${PlaceProps.level} = $level THEN own ELSE up END AS p
WHERE p IS NOT NULL AND ($within IS NULL OR EXISTS {
  MATCH (p)-[:${Rel.IN}*0..3]->(w:${Label.Place}) WHERE w.${PlaceProps.code} = $within OR w.${PlaceProps.name} = $within
})
WITH e, p, count(DISTINCT r) AS reports, sum(mentions) AS mentions, min(year) AS firstYear, max(year) AS lastYear
RETURN {entityId: e.${EntityProps.key}, reports: reports, mentions: mentions, firstYear: firstYear, lastYear: lastYear,
        place: ${PLACE_FIELDS}} AS row`;

/** Reports and mentions per entity and place, for many entities in one statement. */
export function placeCounts(
  ctx: Pick<Context, 'read'>,
  keys: string[],
  opts: { level: string; within?: string | null; from?: number | null; to?: number | null },
): Promise<PlaceCount[]> {
  return ctx.read<PlaceCount>(PLACE_COUNTS, {
    keys,
    level: opts.level,
    within: opts.within ?? null,
    from: opts.from ?? null,
    to: opts.to ?? null,
  });
}
