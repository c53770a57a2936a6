import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Label, ReportProps, SentenceProps } from '@policygraph/graph-schema';
import { analyzeSource, ingestPaths, readSourceFile, writeSources } from '@policygraph/server';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, graphFingerprint, resetGraph, testDriver, writeSyntheticCorpus } from '../helpers.js';

let driver: Driver;
let dir: string;

beforeAll(() => {
  driver = testDriver();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policygraph-groups-'));
  writeSyntheticCorpus(dir, 40, { seed: 5, bytesPerReport: 4000 });
});
afterAll(async () => {
  await driver.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('several files per write transaction', () => {
  it('gives the same graph as one transaction per file, also when files are replaced', async () => {
    await resetGraph(driver);
    const one = await ingestPaths(driver, [dir], { maxGroupFiles: 1 });
    expect(one.created).toBe(40);
    const single = await graphFingerprint(driver);
    // Forced re-ingest in big groups: every report replaced, the counts subtracted and added again.
    const again = await ingestPaths(driver, [dir], { force: true, maxGroupFiles: 64 });
    expect(again.replaced).toBe(40);
    expect(await graphFingerprint(driver)).toEqual(single);

    await resetGraph(driver);
    const grouped = await ingestPaths(driver, [dir], { maxGroupFiles: 64, workers: 1 });
    expect(grouped.created).toBe(40);
    expect(await graphFingerprint(driver)).toEqual(single);
  });

  it('a file whose write fails fails alone; the rest of its group lands', async () => {
    await resetGraph(driver);
    const names = fs.readdirSync(dir).sort();
    const victim = names[20]!;
    const id = victim.replace(/\.txt$/, '');
    // A stray sentence holding the id the report's first sentence needs: its write breaks a constraint.
    await driver.executeQuery(`CREATE (:${Label.Sentence} {${SentenceProps.id}: $id})`, { id: `${id}#0` });
    // A group is one transaction: with the bad file in it, none of its files is written.
    const group = await Promise.all(
      names.slice(18, 23).map(async (f) => analyzeSource(await readSourceFile(path.join(dir, f), dir))),
    );
    await expect(writeSources(driver, group)).rejects.toThrow(/already exists|constraint/i);
    expect(await count(driver, `MATCH (r:${Label.Report}) RETURN count(r)`)).toBe(0);
    // The ingest then retries the group's files one by one.
    const summary = await ingestPaths(driver, [dir], { maxGroupFiles: 64 });
    expect(summary.failures.map((f) => path.basename(f.file))).toEqual([victim]);
    expect(summary.failures[0]!.reason).toMatch(/already exists|constraint/i);
    expect(summary.created).toBe(39);
    expect(await count(driver, `MATCH (r:${Label.Report}) RETURN count(r)`)).toBe(39);
    expect(await count(driver, `MATCH (r:${Label.Report} {${ReportProps.id}: $id}) RETURN count(r)`, { id })).toBe(0);
  });

  it('two files claiming one report id are written one after the other, as if alone', async () => {
    await resetGraph(driver);
    const twins = fs.mkdtempSync(path.join(os.tmpdir(), 'policygraph-twins-'));
    try {
      fs.writeFileSync(path.join(twins, 'county.txt'), '某县教育局工作报告\n全县扎实推进“控辍保学”工作。\n');
      fs.writeFileSync(
        path.join(twins, 'county.html'),
        '<html><body><p>某县教育局工作报告</p><p>全面落实“两免一补”政策。</p></body></html>',
      );
      const summary = await ingestPaths(driver, [twins]);
      expect(summary.failures).toEqual([]);
      expect(summary.created + summary.replaced).toBe(2);
      expect(await count(driver, `MATCH (r:${Label.Report} {${ReportProps.id}: 'county'}) RETURN count(r)`)).toBe(1);
      // The report holds one file's sentences, not both.
      const names = await driver.executeQuery(
        `MATCH (e:${Label.Entity}) WHERE e.name IN ['控辍保学', '两免一补'] RETURN count(e) AS n`,
      );
      expect(Number(names.records[0]!.get('n'))).toBe(1);
    } finally {
      fs.rmSync(twins, { recursive: true, force: true });
    }
  });
});
