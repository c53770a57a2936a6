import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CoOccursProps, EntityProps, Label, Rel } from '@policygraph/graph-schema';
import { ingestPaths, removeReport } from '@policygraph/server';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshGraphWithSeeds, resetGraph, testDriver } from '../helpers.js';

let driver: Driver;
beforeAll(() => {
  driver = testDriver();
});
afterAll(async () => {
  await driver.close();
});

async function edge(a: string, b: string) {
  const { records } = await driver.executeQuery(
    `MATCH (x:${Label.Entity} {${EntityProps.name}: $a})-[c:${Rel.CO_OCCURS}]-(y:${Label.Entity} {${EntityProps.name}: $b})
     RETURN c.${CoOccursProps.sentences} AS s, c.${CoOccursProps.paragraphs} AS p, c.${CoOccursProps.reports} AS r`,
    { a, b },
  );
  return records.map((r) => ({
    sentences: Number(r.get('s')),
    paragraphs: Number(r.get('p')),
    reports: Number(r.get('r')),
  }));
}

describe('CO_OCCURS edges stay exact as reports come and go', () => {
  it('adds, replaces and removes a report’s share of the weights', async () => {
    await resetGraph(driver);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policygraph-cooc-'));
    const one = path.join(dir, 'one.txt');
    const two = path.join(dir, 'two.txt');
    fs.writeFileSync(one, '县教育局工作总结\n全面落实“控辍保学”和“两免一补”政策。继续做好控辍保学和两免一补工作。\n');
    fs.writeFileSync(two, '区教育局工作总结\n落实“控辍保学”和“两免一补”。\n');
    await ingestPaths(driver, [dir]);
    expect(await edge('控辍保学', '两免一补')).toEqual([{ sentences: 3, paragraphs: 2, reports: 2 }]);

    fs.writeFileSync(one, '县教育局工作总结\n全面落实“控辍保学”工作。\n');
    await ingestPaths(driver, [dir]);
    expect(await edge('控辍保学', '两免一补')).toEqual([{ sentences: 1, paragraphs: 1, reports: 1 }]);

    await removeReport(driver, 'two');
    expect(await edge('控辍保学', '两免一补')).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('equal, on the seeds, to co-occurrence counted from the mentions from scratch', async () => {
    await freshGraphWithSeeds(driver);
    const { records } = await driver.executeQuery(`
      MATCH (a:${Label.Entity})<-[:${Rel.MENTIONS}]-(s:${Label.Sentence})-[:${Rel.MENTIONS}]->(b:${Label.Entity})
      WHERE a.${EntityProps.key} < b.${EntityProps.key}
      WITH a, b, count(DISTINCT s) AS fresh
      OPTIONAL MATCH (a)-[c:${Rel.CO_OCCURS}]->(b)
      RETURN count(*) AS pairs, sum(CASE WHEN c.${CoOccursProps.sentences} = fresh THEN 1 ELSE 0 END) AS equal`);
    const pairs = Number(records[0]!.get('pairs'));
    expect(pairs).toBeGreaterThan(100);
    expect(Number(records[0]!.get('equal'))).toBe(pairs);
  });
});
