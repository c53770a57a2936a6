import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import { CoOccursProps, EntityProps, Label, PlaceProps, Rel, ReportProps } from '@policygraph/graph-schema';
import {
  createDriver,
  defaultGazetteer,
  generateReports,
  ingestPaths,
  migrate,
  paragraphPool,
  startHttpServer,
} from '@policygraph/server';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, inject } from 'vitest';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const seedsDir = path.join(repoRoot, 'seeds');

export function testDriver(): Driver {
  return createDriver({
    uri: inject('neo4jUri'),
    username: process.env.NEO4J_USERNAME,
    password: process.env.NEO4J_PASSWORD,
  });
}

/** Empties the test database and applies the schema. */
export async function resetGraph(driver: Driver): Promise<void> {
  await driver.executeQuery('MATCH (n) DETACH DELETE n');
  await migrate(driver);
}

export async function freshGraphWithSeeds(driver: Driver) {
  await resetGraph(driver);
  return ingestPaths(driver, [seedsDir]);
}

export async function count(driver: Driver, cypher: string, params: Record<string, unknown> = {}): Promise<number> {
  const { records } = await driver.executeQuery(cypher, params);
  return Number(records[0]?.get(0));
}

export interface GraphQLResult<T = Record<string, any>> {
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** One GraphQL request over HTTP, as a client sends it (optionally with an Authorization header). */
export async function postGraphQL<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  authorization?: string,
): Promise<GraphQLResult<T>> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GraphQLResult<T>;
}

/**
 * The seeds' graph served over HTTP for the tests of one file: `gql` posts a query to it, `ctx` holds the driver
 * and the server once `beforeAll` has run.
 */
export function seededGraphQL() {
  const ctx = {} as { driver: Driver; http: Awaited<ReturnType<typeof startHttpServer>> };
  beforeAll(async () => {
    ctx.driver = testDriver();
    await freshGraphWithSeeds(ctx.driver);
    ctx.http = await startHttpServer({ driver: ctx.driver, port: 0 });
  });
  afterAll(async () => {
    await ctx.http.close();
    await ctx.driver.close();
  });
  const gql = <T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}) =>
    postGraphQL<T>(ctx.http.url, query, variables);
  return { ctx, gql };
}

/**
 * What a researcher can see of the graph, comparable between two runs that must give the same graph (grouped or
 * not, killed and resumed, re-analysed): reports, sentence and mention counts, entities with their aliases and
 * mention counts, places, REFERS_TO links and CO_OCCURS weights.
 */
export async function graphFingerprint(driver: Driver) {
  const rows = async (cypher: string) =>
    (await driver.executeQuery(cypher)).records.map((r) => JSON.stringify(r.toObject())).sort();
  return {
    reports: await rows(
      `MATCH (r:${Label.Report}) RETURN r.${ReportProps.id} AS id, r.${ReportProps.sentenceCount} AS n`,
    ),
    sentences: await count(driver, `MATCH (s:${Label.Sentence}) RETURN count(s)`),
    mentions: await count(driver, `MATCH ()-[m:${Rel.MENTIONS}]->() RETURN count(m)`),
    entities: await rows(
      `MATCH (e:${Label.Entity}) RETURN e.${EntityProps.key} AS key, e.${EntityProps.name} AS name,
         e.${EntityProps.qualifier} AS qualifier, e.${EntityProps.aliases} AS aliases,
         COUNT { (e)<-[:${Rel.MENTIONS}]-() } AS mentions`,
    ),
    places: await rows(`MATCH (p:${Label.Place}) RETURN p.${PlaceProps.code} AS code`),
    refersTo: await rows(
      `MATCH (e:${Label.Entity})-[:${Rel.REFERS_TO}]->(p:${Label.Place}) RETURN e.${EntityProps.key} AS key, p.${PlaceProps.code} AS code`,
    ),
    coOccurs: await rows(
      `MATCH (a:${Label.Entity})-[c:${Rel.CO_OCCURS}]->(b:${Label.Entity})
       RETURN a.${EntityProps.key} AS a, b.${EntityProps.key} AS b, c.${CoOccursProps.sentences} AS s,
              c.${CoOccursProps.paragraphs} AS p, c.${CoOccursProps.reports} AS r`,
    ),
  };
}

/** Writes `n` synthetic reports recombined from the seeds' paragraphs (deterministic for a seed) into `dir`. */
export function writeSyntheticCorpus(dir: string, n: number, opts: { seed: number; bytesPerReport: number }): void {
  const seeds = fs
    .readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => fs.readFileSync(path.join(seedsDir, f), 'utf8'));
  for (const r of generateReports(n, paragraphPool(seeds), defaultGazetteer(), opts))
    fs.writeFileSync(path.join(dir, r.name), r.text);
}
