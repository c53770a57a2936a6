import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import {
  createDriver,
  defaultGazetteer,
  generateReports,
  ingestPaths,
  migrate,
  paragraphPool,
} from '@policygraph/server';
import type { Driver } from 'neo4j-driver';
import { inject } from 'vitest';

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

/** Writes `n` synthetic reports recombined from the seeds' paragraphs (deterministic for a seed) into `dir`. */
export function writeSyntheticCorpus(dir: string, n: number, opts: { seed: number; bytesPerReport: number }): void {
  const seeds = fs
    .readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => fs.readFileSync(path.join(seedsDir, f), 'utf8'));
  for (const r of generateReports(n, paragraphPool(seeds), defaultGazetteer(), opts))
    fs.writeFileSync(path.join(dir, r.name), r.text);
}
