import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDriver, ingestPaths, migrate } from '@policygraph/server';
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
