import { Label, PlaceProps, Rel, ReportProps } from '@policygraph/graph-schema';
import { resolveOffsetConnection } from '@pothos/plugin-relay';
import DataLoader from 'dataloader';
import neo4j, { type Driver } from 'neo4j-driver';
import { limitError } from './errors.js';

export interface PlaceRow {
  code: string;
  name: string;
  level: string;
  anonymised: boolean;
  /** Ancestors, most specific first. */
  chain: Array<{ code: string; name: string; level: string }>;
}

export interface ReportRow {
  id: string;
  sourceId: string;
  part: number;
  title: string;
  year: number | null;
  coversYear: number | null;
  placeStatus: string;
  placeEvidence: string[];
  place: PlaceRow | null;
  sourcePath: string;
  sha256: string;
  ingestedAt: string;
  sentenceCount: number;
  charCount: number;
}

type ConnectionArgs = Parameters<typeof resolveOffsetConnection>[0]['args'];

export interface Context {
  driver: Driver;
  database?: string;
  read<T>(cypher: string, params?: Record<string, unknown>): Promise<T[]>;
  reportLoader: DataLoader<string, ReportRow | null>;
  /** A per-request DataLoader, made on first use: types keep their batch Cypher beside them. */
  loader<K, V>(name: string, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V>;
  /** The request's `Authorization` header (mutations check it against the configured token). */
  authorization: string | null;
  /** The write token; mutations are disabled without one. */
  token: string | null;
}

export interface ContextOptions {
  database?: string;
  /** Neo4j transaction timeout per statement, in ms (0 = the server's default). */
  timeoutMs?: number;
  authorization?: string | null;
  token?: string | null;
}

/** The largest page a list field returns; larger `first` values are refused by the limits plugin. */
export const MAX_PAGE_SIZE = 500;

/** A PlaceRow for the place bound to `p`, with its ancestors. */
export const PLACE_FIELDS = `{
    code: p.${PlaceProps.code}, name: p.${PlaceProps.name}, level: p.${PlaceProps.level}, anonymised: coalesce(p.${PlaceProps.anonymised}, false),
    chain: [(p)-[:${Rel.IN}*1..4]->(q:${Label.Place}) | {code: q.${PlaceProps.code}, name: q.${PlaceProps.name}, level: q.${PlaceProps.level}}]
  }`;

const PLACE_OF_REPORT = `[(r)-[:${Rel.ABOUT}]->(p:${Label.Place}) | ${PLACE_FIELDS}][0]`;

export const REPORT_FIELDS = `{
  id: r.${ReportProps.id}, sourceId: r.${ReportProps.sourceId}, part: r.${ReportProps.part},
  title: r.${ReportProps.title}, year: r.${ReportProps.year}, coversYear: r.${ReportProps.coversYear},
  placeStatus: r.${ReportProps.placeStatus}, placeEvidence: coalesce(r.${ReportProps.placeEvidence}, []),
  place: ${PLACE_OF_REPORT},
  sourcePath: r.${ReportProps.sourcePath},
  sha256: r.${ReportProps.sha256}, ingestedAt: toString(r.${ReportProps.ingestedAt}),
  sentenceCount: r.${ReportProps.sentenceCount}, charCount: r.${ReportProps.charCount}
}`;

const REPORTS_BY_ID = `
UNWIND $ids AS id
MATCH (r:${Label.Report} {${ReportProps.id}: id})
RETURN ${REPORT_FIELDS} AS row`;

/** SKIP/LIMIT need Cypher integers; JS numbers travel as floats. */
export function page(p: { offset: number; limit: number }) {
  return { offset: neo4j.int(p.offset), limit: neo4j.int(p.limit) };
}

/**
 * A Relay connection over Cypher: the total from `count`, then the page from `list`
 * (with $offset and $limit added). Every list in the API pages this way.
 */
export async function pagedConnection<T>(
  ctx: Context,
  args: ConnectionArgs,
  count: { cypher: string; params?: Record<string, unknown> },
  list: { cypher: string; params?: Record<string, unknown> },
) {
  const [total] = await ctx.read<number>(count.cypher, count.params);
  return resolveOffsetConnection({ args, totalCount: total ?? 0, maxSize: MAX_PAGE_SIZE }, (p) =>
    ctx.read<T>(list.cypher, { ...list.params, ...page(p) }),
  );
}

/** One context per request: loaders cache per request only. */
export function createContext(driver: Driver, opts: ContextOptions = {}): Context {
  const { database } = opts;
  // The server aborts a statement that runs longer than this: one heavy query cannot hold the database.
  const transactionConfig = opts.timeoutMs ? { timeout: opts.timeoutMs } : undefined;
  const read = async <T>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> => {
    try {
      const { records } = await driver.executeQuery(cypher, params, { database, routing: 'READ', transactionConfig });
      return records.map((r) => r.get('row') as T);
    } catch (e) {
      throw timeoutError(e, opts.timeoutMs) ?? e;
    }
  };
  const loaders = new Map<string, DataLoader<unknown, unknown>>();
  return {
    driver,
    database,
    read,
    authorization: opts.authorization ?? null,
    token: opts.token ?? null,
    loader: <K, V>(name: string, batch: (keys: readonly K[]) => Promise<V[]>) => {
      let l = loaders.get(name) as DataLoader<K, V> | undefined;
      if (!l) {
        l = new DataLoader<K, V>(batch);
        loaders.set(name, l as DataLoader<unknown, unknown>);
      }
      return l;
    },
    // Mentions point at their reports: batch those lookups instead of one query per mention.
    reportLoader: new DataLoader(async (ids) => {
      const rows = await read<ReportRow>(REPORTS_BY_ID, { ids });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

/** Neo4j's transaction-timeout failure, reworded for an API caller. */
function timeoutError(e: unknown, timeoutMs: number | undefined): Error | null {
  const code = (e as { code?: string }).code ?? '';
  if (!/TransactionTimedOut/i.test(code)) return null;
  return limitError(
    `The query took longer than the ${timeoutMs} ms limit: ask for less (smaller pages, fewer levels).`,
    'QUERY_TIMEOUT',
  );
}

/**
 * The year a report counts under everywhere (spread, matrix, timeline, KWIC, mentions): the year its summary
 * covers, else the year it is dated. One expression, so filters and tables agree.
 */
export const reportYear = (r: string) => `coalesce(${r}.${ReportProps.coversYear}, ${r}.${ReportProps.year})`;

/** A Cypher condition: the report bound to `r` falls in [$from, $to] (either bound may be null). */
export const inYearRange = (r: string) =>
  `($from IS NULL OR ${reportYear(r)} >= $from) AND ($to IS NULL OR ${reportYear(r)} <= $to)`;
