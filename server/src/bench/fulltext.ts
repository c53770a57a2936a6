/**
 * Which full-text index finds more Chinese entity names: Lucene's CJK analyzer (character
 * bigrams) on name + aliasText, or a whitespace analyzer over jieba search tokens joined by
 * spaces. Queries go through the product's normalisation (traditional → simplified) first,
 * as the GraphQL search does. A hit is relevant when the entity's name or an alias contains
 * the normalised query; the entities that do (found by a scan) are the recall denominator.
 */
import { ENTITY_SEARCH_INDEX, EntityProps, Label } from '@policygraph/graph-schema';
import nodejieba from 'nodejieba';
import type { Driver } from 'neo4j-driver';
import { defaultLexicon } from '../extract/lexicon.js';
import { ingestPaths } from '../load/ingest.js';
import { normalise } from '../normalise/index.js';
import { ensureJieba } from '../segment/jieba.js';
import { withNeo4j } from './neo4j-run.js';

/** Whole terms, parts of terms, traditional spellings; 2- and 4-character queries. */
export const FULLTEXT_QUERIES = [
  '控辍保学',
  '保学',
  '扶贫',
  '精准扶贫',
  '教育扶贫',
  '两学一做',
  '兩學一做',
  '双减',
  '雙減',
  '立德树人',
  '树人',
  '营养改善',
  '营养',
  '改薄',
  '全面改薄',
  '义务教育',
  '均衡发展',
  '中学',
  '一中',
  '教育局',
  '课后服务',
  '师资',
  '學校',
  '集团化办学',
];

// The CJK index is the product's own (migration 3); an equal second one would not be created.
const BENCH_INDEX = { cjk: ENTITY_SEARCH_INDEX, whitespace: 'bench_jieba_ws' } as const;
const TOKENS = 'benchSearchTokens';

/** jieba's search-mode tokens (whole words and their dictionary sub-words), space-joined. */
export function searchTokens(texts: string[]): string {
  ensureJieba(defaultLexicon());
  const words = new Set<string>();
  for (const t of texts) for (const w of nodejieba.cutForSearch(t, true)) if (w.trim()) words.add(w.trim());
  return [...words].join(' ');
}

const escapeLucene = (text: string) => text.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, (c) => `\\${c}`);

export interface FulltextRow {
  query: string;
  normalised: string;
  /** Entities whose name or an alias contains the query. */
  relevant: number;
  cjk: Hits;
  /** The CJK index with the query as a phrase (its bigrams in sequence), as the entity lookup asks. */
  cjkPhrase: Hits;
  whitespace: Hits;
}

interface Hits {
  hits: number;
  relevant: number;
  /** Relevant among the ten best scored, and how many those were (fewer when fewer hits). */
  top10: number;
  shown: number;
}

export interface FulltextResult {
  entities: number;
  rows: FulltextRow[];
  totals: { relevant: number; cjk: Hits; cjkPhrase: Hits; whitespace: Hits };
}

async function buildIndexes(driver: Driver): Promise<number> {
  const { records } = await driver.executeQuery(
    `MATCH (e:${Label.Entity}) RETURN e.${EntityProps.key} AS key, e.${EntityProps.name} AS name, e.${EntityProps.aliases} AS aliases`,
  );
  const rows = records.map((r) => ({
    key: r.get('key') as string,
    tokens: searchTokens([r.get('name') as string, ...((r.get('aliases') as string[] | null) ?? [])]),
  }));
  for (let i = 0; i < rows.length; i += 5000) {
    await driver.executeQuery(
      `UNWIND $rows AS row MATCH (e:${Label.Entity} {${EntityProps.key}: row.key}) SET e.${TOKENS} = row.tokens`,
      { rows: rows.slice(i, i + 5000) },
    );
  }
  await driver.executeQuery(
    `CREATE FULLTEXT INDEX ${BENCH_INDEX.whitespace} IF NOT EXISTS FOR (n:${Label.Entity}) ON EACH [n.${TOKENS}] OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'whitespace'}}`,
  );
  await driver.executeQuery('CALL db.awaitIndexes(300)');
  return rows.length;
}

async function hits(driver: Driver, index: string, q: string, normalised: string) {
  const { records } = await driver.executeQuery(
    `CALL db.index.fulltext.queryNodes($index, $q) YIELD node AS e, score
     WITH e, score, e.${EntityProps.name} CONTAINS $term OR any(a IN coalesce(e.${EntityProps.aliases}, []) WHERE a CONTAINS $term) AS ok
     ORDER BY score DESC
     WITH collect(ok) AS oks
     RETURN size(oks) AS hits, size([x IN oks WHERE x]) AS relevant, size([x IN oks[..10] WHERE x]) AS top10`,
    { index, q, term: normalised },
  );
  const r = records[0]!;
  const hits = Number(r.get('hits'));
  return { hits, relevant: Number(r.get('relevant')), top10: Number(r.get('top10')), shown: Math.min(10, hits) };
}

/** Ingests `dir` into a fresh Neo4j, builds both indexes, and runs FULLTEXT_QUERIES on each. */
export async function compareFulltext(dir: string, memory: { heap?: string; pageCache?: string }) {
  return withNeo4j(memory, async (driver): Promise<FulltextResult> => {
    await ingestPaths(driver, [dir], { workers: 1 });
    const entities = await buildIndexes(driver);
    const rows: FulltextRow[] = [];
    for (const query of FULLTEXT_QUERIES) {
      const normalised = normalise(query).clean.text.trim();
      const { records } = await driver.executeQuery(
        `MATCH (e:${Label.Entity}) WHERE e.${EntityProps.name} CONTAINS $term OR any(a IN coalesce(e.${EntityProps.aliases}, []) WHERE a CONTAINS $term) RETURN count(e) AS n`,
        { term: normalised },
      );
      rows.push({
        query,
        normalised,
        relevant: Number(records[0]!.get('n')),
        cjk: await hits(driver, BENCH_INDEX.cjk, escapeLucene(normalised), normalised),
        cjkPhrase: await hits(driver, BENCH_INDEX.cjk, `"${escapeLucene(normalised)}"`, normalised),
        whitespace: await hits(
          driver,
          BENCH_INDEX.whitespace,
          escapeLucene(searchTokens([normalised])) || escapeLucene(normalised),
          normalised,
        ),
      });
    }
    const sum = (f: (r: FulltextRow) => number) => rows.reduce((n, r) => n + f(r), 0);
    const total = (k: 'cjk' | 'cjkPhrase' | 'whitespace'): Hits => ({
      hits: sum((r) => r[k].hits),
      relevant: sum((r) => r[k].relevant),
      top10: sum((r) => r[k].top10),
      shown: sum((r) => r[k].shown),
    });
    const totals = {
      relevant: sum((r) => r.relevant),
      cjk: total('cjk'),
      cjkPhrase: total('cjkPhrase'),
      whitespace: total('whitespace'),
    };
    return { entities, rows, totals };
  });
}

export function fulltextMarkdown(r: FulltextResult): string {
  const pct = (a: number, b: number) => (b ? `${Math.round((100 * a) / b)}%` : '—');
  // Recall; precision over all hits; relevant among the best ten.
  const cell = (x: Hits, relevant: number) =>
    `${x.hits} | ${pct(x.relevant, relevant)} | ${pct(x.relevant, x.hits)} | ${x.top10}/${x.shown}`;
  return [
    `Full-text search over ${r.entities} entities. Relevant = name or an alias contains the (normalised) query.`,
    '',
    '| query | relevant | CJK hits | recall | precision | top 10 | CJK "phrase" hits | recall | precision | top 10 | jieba+whitespace hits | recall | precision | top 10 |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...r.rows.map(
      (x) =>
        `| ${x.query}${x.normalised !== x.query ? ` (${x.normalised})` : ''} | ${x.relevant} | ${cell(x.cjk, x.relevant)} | ${cell(x.cjkPhrase, x.relevant)} | ${cell(x.whitespace, x.relevant)} |`,
    ),
    `| **all** | ${r.totals.relevant} | ${cell(r.totals.cjk, r.totals.relevant)} | ${cell(r.totals.cjkPhrase, r.totals.relevant)} | ${cell(r.totals.whitespace, r.totals.relevant)} |`,
  ].join('\n');
}
