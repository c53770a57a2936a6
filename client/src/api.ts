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

export async function neighborhood(id: string, limit = 40): Promise<Graph | null> {
  const data = await gql<{ neighborhood: Graph | null }>(
    `query Neighborhood($id: ID!, $limit: Int) {
      neighborhood(id: $id, limit: $limit) {
        center total
        nodes { id label kind weight }
        edges { id source target weight kind }
      }
    }`,
    { id, limit },
  );
  return data.neighborhood;
}

export async function entityMentions(
  id: string,
): Promise<{ entity: EntitySummary; mentions: Mention[]; total: number } | null> {
  const data = await gql<{
    entity: (EntitySummary & { mentions: { totalCount: number; edges: Array<{ node: Mention }> } }) | null;
  }>(
    `query Evidence($id: ID!) {
      entity(id: $id) {
        id kind name qualifier aliases mentionCount reportCount
        mentions(first: 100) {
          totalCount
          edges {
            node {
              surface start end sentence { id text start }
              report { id title year placeStatus place { name anonymised chain { name } } }
            }
          }
        }
      }
    }`,
    { id },
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

/** Which places mention an entity, at the county level, most reports first. */
export async function spread(id: string): Promise<SpreadRow[]> {
  const data = await gql<{ spread: SpreadRow[] }>(
    `query Spread($id: ID!) {
      spread(id: $id, level: COUNTY) { place { name code anonymised } reports mentions firstYear lastYear }
    }`,
    { id },
  );
  return data.spread;
}
