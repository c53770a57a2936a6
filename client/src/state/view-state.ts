import { EntityKinds, type EntityKind } from '@policygraph/graph-schema';

export type ViewName = 'graph' | 'matrix' | 'report';
export type Level = 'COUNTY' | 'CITY' | 'PROVINCE';

/** Everything a shared or cited link must reproduce. */
export interface ViewState {
  entity: string | null;
  view: ViewName;
  /** Report shown in the report view, and the offset of the mention to highlight. */
  report: string | null;
  at: number | null;
  /** Entity kinds shown in the graph (empty: all). */
  kinds: EntityKind[];
  level: Level;
  /** Drill-down: only places under this one (code or name). */
  within: string | null;
  from: number | null;
  to: number | null;
  /** Matrix columns (entity ids); empty: the selected entity and its strongest neighbours. */
  cols: string[];
  /** How many neighbours to fetch per expansion (the "more" button raises it). */
  limit: number;
}

export const DEFAULT_LIMIT = 40;

export const initialState: ViewState = {
  entity: null,
  view: 'graph',
  report: null,
  at: null,
  kinds: [],
  level: 'COUNTY',
  within: null,
  from: null,
  to: null,
  cols: [],
  limit: DEFAULT_LIMIT,
};

const VIEWS: ViewName[] = ['graph', 'matrix', 'report'];
const LEVELS: Level[] = ['COUNTY', 'CITY', 'PROVINCE'];

const year = (s: string | null) => {
  const n = s === null ? NaN : Number(s);
  return Number.isInteger(n) && n > 1900 && n < 2200 ? n : null;
};

/** Reads a view from a query string; anything malformed falls back to the default. */
export function parseViewState(search: string): ViewState {
  const q = new URLSearchParams(search);
  const list = (k: string) => (q.get(k) ?? '').split(',').filter(Boolean);
  const view = q.get('view') as ViewName | null;
  const level = q.get('level') as Level | null;
  const at = Number(q.get('at'));
  const limit = Number(q.get('limit'));
  return {
    entity: q.get('entity') || null,
    view: view && VIEWS.includes(view) ? view : 'graph',
    report: q.get('report') || null,
    at: q.has('at') && Number.isInteger(at) && at >= 0 ? at : null,
    kinds: list('kinds').filter((k): k is EntityKind => (EntityKinds as readonly string[]).includes(k)),
    level: level && LEVELS.includes(level) ? level : 'COUNTY',
    within: q.get('within') || null,
    from: year(q.get('from')),
    to: year(q.get('to')),
    cols: q.getAll('col').filter(Boolean),
    limit: Number.isInteger(limit) && limit > 0 && limit <= 2000 ? limit : DEFAULT_LIMIT,
  };
}

/** Writes only what differs from the default, so links stay short. */
export function serializeViewState(s: ViewState): string {
  const q = new URLSearchParams();
  if (s.entity) q.set('entity', s.entity);
  if (s.view !== 'graph') q.set('view', s.view);
  if (s.report) q.set('report', s.report);
  if (s.at !== null) q.set('at', String(s.at));
  if (s.kinds.length) q.set('kinds', s.kinds.join(','));
  if (s.level !== 'COUNTY') q.set('level', s.level);
  if (s.within) q.set('within', s.within);
  if (s.from !== null) q.set('from', String(s.from));
  if (s.to !== null) q.set('to', String(s.to));
  for (const c of s.cols) q.append('col', c); // repeated: ids may hold commas
  if (s.limit !== DEFAULT_LIMIT) q.set('limit', String(s.limit));
  const str = q.toString();
  return str ? `?${str}` : '';
}
