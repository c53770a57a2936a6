/** A tiny GraphQL client: the viewer's only way to the server. */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  if (!body.data) throw new Error(`GraphQL: HTTP ${res.status}`);
  return body.data;
}

export interface EntitySummary {
  id: string;
  kind: string;
  name: string;
  qualifier: string | null;
  aliases: string[];
  mentionCount: number;
  reportCount: number;
  /** A PLACE entity's division (asked only for the evidence panel). */
  place?: { code: string; chain: Array<{ name: string }> } | null;
}

export interface GraphNode {
  id: string;
  label: string;
  kind: string;
  weight: number;
}
export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  weight: number;
  kind: string;
}
export interface Graph {
  center: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  total: number;
}

export interface Mention {
  surface: string;
  start: number;
  end: number;
  sentence: { id: string; text: string; start: number };
  report: {
    id: string;
    title: string;
    year: number | null;
    coversYear?: number | null;
    placeStatus: string;
    place: { name: string; anonymised: boolean; chain: Array<{ name: string }> } | null;
  };
}

export async function searchEntities(text: string): Promise<EntitySummary[]> {
  // Full-text (CJK bigrams) over names and aliases: parts of names and other spellings match too.
  const data = await gql<{ search: EntitySummary[] }>(
    `query Search($text: String!) {
      search(text: $text, first: 12) { id kind name qualifier aliases mentionCount reportCount }
    }`,
    { text },
  );
  return data.search;
}

export async function neighborhood(id: string, limit = 40, kinds: string[] = []): Promise<Graph | null> {
  const data = await gql<{ neighborhood: Graph | null }>(
    `query Neighborhood($id: ID!, $limit: Int, $kinds: [EntityKind!]) {
      neighborhood(id: $id, limit: $limit, kinds: $kinds) {
        center total
        nodes { id label kind weight }
        edges { id source target weight kind }
      }
    }`,
    { id, limit, kinds: kinds.length ? kinds : null },
  );
  return data.neighborhood;
}

export async function entityMentions(
  id: string,
  years: YearRange = { from: null, to: null },
): Promise<{ entity: EntitySummary; mentions: Mention[]; total: number } | null> {
  const data = await gql<{
    entity: (EntitySummary & { mentions: { totalCount: number; edges: Array<{ node: Mention }> } }) | null;
  }>(
    `query Evidence($id: ID!, $from: Int, $to: Int) {
      entity(id: $id) {
        id kind name qualifier aliases mentionCount reportCount place { code chain { name } }
        mentions(first: 100, yearFrom: $from, yearTo: $to) {
          totalCount
          edges {
            node {
              surface start end sentence { id text start }
              report { id title year coversYear placeStatus place { name anonymised chain { name } } }
            }
          }
        }
      }
    }`,
    { id, from: years.from, to: years.to },
  );
  if (!data.entity) return null;
  const { mentions, ...entity } = data.entity;
  return { entity, mentions: mentions.edges.map((e) => e.node), total: mentions.totalCount };
}

export interface SpreadRow {
  place: { name: string; code: string; anonymised: boolean };
  reports: number;
  mentions: number;
  firstYear: number | null;
  lastYear: number | null;
}

export interface YearRange {
  from: number | null;
  to: number | null;
}

/** Which places mention an entity at a level, most reports first. */
export async function spread(id: string, level = 'COUNTY', years: YearRange = { from: null, to: null }) {
  const data = await gql<{ spread: SpreadRow[] }>(
    `query Spread($id: ID!, $level: PlaceLevel, $from: Int, $to: Int) {
      spread(id: $id, level: $level, yearFrom: $from, yearTo: $to) {
        place { name code anonymised } reports mentions firstYear lastYear
      }
    }`,
    { id, level, from: years.from, to: years.to },
  );
  return data.spread;
}

/** Diffusion: places in the order they first mention the entity. */
export async function timeline(id: string, level = 'COUNTY'): Promise<SpreadRow[]> {
  const data = await gql<{ timeline: SpreadRow[] }>(
    `query Timeline($id: ID!, $level: PlaceLevel) {
      timeline(id: $id, level: $level) { place { name code anonymised } reports mentions firstYear lastYear }
    }`,
    { id, level },
  );
  return data.timeline;
}

export interface MatrixPlace {
  code: string;
  name: string;
  level: string;
  anonymised: boolean;
  chain: Array<{ code: string; name: string; level: string }>;
}
export interface MatrixCell {
  entityId: string;
  placeCode: string;
  reports: number;
  mentions: number;
  firstYear: number | null;
  lastYear: number | null;
}
export interface Matrix {
  entities: Array<{ id: string; name: string; kind: string }>;
  places: MatrixPlace[];
  cells: MatrixCell[];
}

/** The place × policy matrix: one cell per place and entity that meet in some report. */
export async function matrix(
  ids: string[],
  level: string,
  within: string | null,
  years: YearRange = { from: null, to: null },
): Promise<Matrix> {
  const data = await gql<{ matrix: Matrix }>(
    `query Matrix($ids: [ID!], $level: PlaceLevel, $within: String, $from: Int, $to: Int) {
      matrix(ids: $ids, level: $level, within: $within, yearFrom: $from, yearTo: $to) {
        entities { id name kind }
        places { code name level anonymised chain { code name level } }
        cells { entityId placeCode reports mentions firstYear lastYear }
      }
    }`,
    { ids, level, within, from: years.from, to: years.to },
  );
  return data.matrix;
}

export interface SentenceMention {
  entityId: string;
  kind: string;
  name: string;
  surface: string;
  start: number;
  end: number;
}
export interface ReportSentence {
  id: string;
  idx: number;
  text: string;
  start: number;
  end: number;
  paragraph: number;
  /** The sentence is a heading of the report. */
  heading: boolean;
  mentions: SentenceMention[];
}
export interface ReportText {
  id: string;
  title: string;
  year: number | null;
  coversYear: number | null;
  placeStatus: string;
  sourcePath: string;
  place: Mention['report']['place'];
  sentences: ReportSentence[];
  total: number;
}

const REPORT_PAGE = 500;
/** Guards the browser against a pathological report; the view says when it stops short. */
const REPORT_MAX_SENTENCES = 20_000;

/** A whole report, sentence by sentence, with every mention in it (paged under the server's page cap). */
export async function reportText(id: string): Promise<ReportText | null> {
  let meta: Omit<ReportText, 'sentences' | 'total'> | null = null;
  let total = 0;
  const sentences = await allPages(async (after) => {
    const data = await gql<{
      report: (Omit<ReportText, 'sentences' | 'total'> & { sentences: Page<ReportSentence> }) | null;
    }>(
      `query Report($id: ID!, $first: Int, $after: String) {
        report(id: $id) {
          id title year coversYear placeStatus sourcePath
          place { name anonymised chain { name } }
          sentences(first: $first, after: $after) {
            totalCount
            pageInfo { hasNextPage endCursor }
            edges { node { id idx text start end paragraph heading mentions { entityId kind name surface start end } } }
          }
        }
      }`,
      { id, first: REPORT_PAGE, after },
    );
    if (!data.report) return null;
    const { sentences: page, ...rest } = data.report;
    meta ??= rest;
    total = page.totalCount;
    return page;
  }, REPORT_MAX_SENTENCES);
  return meta ? { ...(meta as Omit<ReportText, 'sentences' | 'total'>), sentences, total } : null;
}

export interface KwicLine {
  left: string;
  keyword: string;
  right: string;
  reportId: string;
  reportTitle: string;
  place: string | null;
  year: number | null;
  sentenceId: string;
}

interface Page<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ node: T }>;
}

/** Follows a Relay connection to its end (exports want every row, the server caps each page). */
async function allPages<T>(fetchPage: (after: string | null) => Promise<Page<T> | null>, max = 50_000): Promise<T[]> {
  const rows: T[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await fetchPage(after);
    if (!page) return rows;
    rows.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage || rows.length >= max) return rows;
    after = page.pageInfo.endCursor;
  }
}

export function kwicAll(id: string, years: YearRange = { from: null, to: null }, window = 30): Promise<KwicLine[]> {
  return allPages(async (after) => {
    const data = await gql<{ kwic: Page<KwicLine> }>(
      `query Kwic($id: ID!, $window: Int, $after: String, $from: Int, $to: Int) {
        kwic(id: $id, window: $window, first: 500, after: $after, yearFrom: $from, yearTo: $to) {
          totalCount pageInfo { hasNextPage endCursor }
          edges { node { left keyword right reportId reportTitle place year sentenceId } }
        }
      }`,
      { id, window, after, from: years.from, to: years.to },
    );
    return data.kwic;
  });
}

export interface FullMention extends Mention {
  cue: string;
  score: number | null;
}

export function mentionsAll(id: string, years: YearRange = { from: null, to: null }): Promise<FullMention[]> {
  return allPages(async (after) => {
    const data = await gql<{ entity: { mentions: Page<FullMention> } | null }>(
      `query Mentions($id: ID!, $after: String, $from: Int, $to: Int) {
        entity(id: $id) {
          mentions(first: 500, after: $after, yearFrom: $from, yearTo: $to) {
            totalCount pageInfo { hasNextPage endCursor }
            edges {
              node {
                surface start end cue score sentence { id text start }
                report { id title year placeStatus place { name anonymised chain { name } } }
              }
            }
          }
        }
      }`,
      { id, after, from: years.from, to: years.to },
    );
    return data.entity?.mentions ?? null;
  });
}
