import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Label, ReportProps } from '@policygraph/graph-schema';
import { addLocalEntry, ingestPaths } from '@policygraph/server';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, resetGraph, seedsDir, testDriver } from '../helpers.js';

let driver: Driver;
let dir: string;
let lexicon: string;
const before = process.env.POLICYGRAPH_LEXICON;

beforeAll(async () => {
  driver = testDriver();
  await resetGraph(driver);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policygraph-version-'));
  // A local lexicon of the test's own, so accepting a term here touches nobody's real one.
  lexicon = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'policygraph-lexicon-')), 'lexicon.local.json');
  process.env.POLICYGRAPH_LEXICON = lexicon;
});
afterAll(async () => {
  if (before === undefined) delete process.env.POLICYGRAPH_LEXICON;
  else process.env.POLICYGRAPH_LEXICON = before;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(path.dirname(lexicon), { recursive: true, force: true });
  await driver.close();
});

const entity = (name: string) => count(driver, `MATCH (e:${Label.Entity} {name: $name}) RETURN count(e)`, { name });

describe('re-ingesting after the analysis changed', () => {
  it('re-analyses an unchanged file once a researcher accepts a new term', async () => {
    const file = path.join(dir, 'county.txt');
    fs.writeFileSync(file, '某县教育局工作报告\n今年全县推进强校扩优提质行动,落实控辍保学工作。\n');
    expect((await ingestPaths(driver, [dir])).created).toBe(1);
    expect((await ingestPaths(driver, [dir])).unchanged).toBe(1);
    expect(await entity('强校扩优提质')).toBe(0);

    addLocalEntry({ kind: 'PROGRAM', name: '强校扩优提质', aliases: [] });
    const again = await ingestPaths(driver, [dir]);
    expect(again.replaced).toBe(1);
    expect(await entity('强校扩优提质')).toBe(1);
    // And now it is up to date.
    expect((await ingestPaths(driver, [dir])).unchanged).toBe(1);
  });

  it('replaces a report an older build stored under the file id when the file now splits into parts', async () => {
    const seed = fs.readdirSync(seedsDir).find((f) => f.startsWith('004'))!;
    const sub = fs.mkdtempSync(path.join(dir, 'multi-'));
    fs.copyFileSync(path.join(seedsDir, seed), path.join(sub, 'multi.txt'));
    // What an early build left: the whole file as one report under the file id, with no sourceId or parts.
    await driver.executeQuery(
      `CREATE (:${Label.Report} {${ReportProps.id}: 'multi', ${ReportProps.title}: 'old', ${ReportProps.sha256}: 'x'})`,
    );
    const summary = await ingestPaths(driver, [sub]);
    expect(summary.failures).toEqual([]);
    expect(summary.replaced).toBe(1);
    const ids = await driver.executeQuery(
      `MATCH (r:${Label.Report}) WHERE r.${ReportProps.id} STARTS WITH 'multi' RETURN r.${ReportProps.id} AS id ORDER BY id`,
    );
    expect(ids.records.map((r) => r.get('id'))).toEqual(['multi/1', 'multi/2', 'multi/3']);
  });
});
