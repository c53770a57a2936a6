import fs from 'node:fs';
import iconv from 'iconv-lite';
import os from 'node:os';
import path from 'node:path';
import { EntityProps, Label, PlaceProps, Rel, ReportProps } from '@policygraph/graph-schema';
import { ingestPaths, removeReport } from '@policygraph/server';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, freshGraphWithSeeds, resetGraph, seedsDir, testDriver } from '../helpers.js';

let driver: Driver;
const seedFiles = fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt'));
// Seed 004 holds three reports; every other seed one.
const seedReportIds = seedFiles.flatMap((f) => {
  const id = f.replace(/\.txt$/, '');
  return id.startsWith('004') ? [1, 2, 3].map((n) => `${id}/${n}`) : [id];
});

beforeAll(() => {
  driver = testDriver();
});
afterAll(async () => {
  await driver.close();
});

async function graphCounts() {
  return {
    reports: await count(driver, `MATCH (n:${Label.Report}) RETURN count(n)`),
    sentences: await count(driver, `MATCH (n:${Label.Sentence}) RETURN count(n)`),
    entities: await count(driver, `MATCH (n:${Label.Entity}) RETURN count(n)`),
    mentions: await count(driver, `MATCH ()-[m:${Rel.MENTIONS}]->() RETURN count(m)`),
  };
}

describe('ingesting the seeds into a real Neo4j', () => {
  beforeAll(async () => {
    const summary = await freshGraphWithSeeds(driver);
    expect(summary.failures).toEqual([]);
    expect(summary.created).toBe(seedFiles.length);
    expect(summary.reports).toBe(seedReportIds.length);
  });

  it('stores one Report node per report, three for the page that holds three', async () => {
    const { records } = await driver.executeQuery(
      `MATCH (r:${Label.Report}) RETURN r.${ReportProps.id} AS id ORDER BY id`,
    );
    expect(records.map((r) => r.get('id'))).toEqual([...seedReportIds].sort());
  });

  it('ties each report to its place and the place to its ancestors', async () => {
    const { records } = await driver.executeQuery(
      `MATCH (r:${Label.Report})-[a:${Rel.ABOUT}]->(p:${Label.Place})
       RETURN r.${ReportProps.id} AS id, a.status AS status, p.${PlaceProps.code} AS code, p.${PlaceProps.name} AS name,
              [(p)-[:${Rel.IN}*]->(q) | q.${PlaceProps.name}] AS chain
       ORDER BY id`,
    );
    const short = (id: string) => id.slice(0, 3) + (id.split('/')[1] ?? '');
    const rows = Object.fromEntries(
      records.map((r) => [
        short(r.get('id')),
        { status: r.get('status'), name: r.get('name'), code: r.get('code'), chain: r.get('chain') },
      ]),
    );
    expect(rows['0041']).toEqual({ status: 'resolved', name: '金湾区', code: '440404', chain: ['珠海市', '广东省'] });
    expect(rows['0042']).toEqual({ status: 'resolved', name: '武清区', code: '120114', chain: ['天津市'] });
    expect(rows['0043']).toEqual({ status: 'resolved', name: '将乐县', code: '350428', chain: ['三明市', '福建省'] });
    expect(rows['003']).toMatchObject({ status: 'inferred', name: '阳春市', chain: ['阳江市', '广东省'] });
    // Anonymised places stay anonymised and belong to their report alone.
    expect(rows['000']).toMatchObject({ status: 'anonymised', name: 'Xx县', chain: [] });
    expect(rows['000']!.code).toMatch(/^anon:000_/);
    expect(rows['001']).toMatchObject({
      status: 'anonymised',
      name: 'xx市',
      chain: ['黔南布依族苗族自治州', '贵州省'],
    });
    // No report is about 溧水区, the page title's place.
    expect(
      await count(
        driver,
        `MATCH (:${Label.Report})-[:${Rel.ABOUT}]->(p:${Label.Place} {${PlaceProps.name}: '溧水区'}) RETURN count(p)`,
      ),
    ).toBe(0);
  });

  it('makes 两学一做 ONE entity mentioned by seed 001 and seed 004 (traditional spelling there)', async () => {
    const { records } = await driver.executeQuery(
      `MATCH (e:${Label.Entity} {${EntityProps.name}: '两学一做'})
       OPTIONAL MATCH (e)<-[m:${Rel.MENTIONS}]-(:${Label.Sentence})<-[:${Rel.HAS_SENTENCE}]-(r:${Label.Report})
       RETURN e.${EntityProps.key} AS key, e.${EntityProps.aliases} AS aliases,
              collect(DISTINCT r.${ReportProps.id}) AS reports, collect(m.surface) AS surfaces`,
    );
    expect(records).toHaveLength(1);
    const row = records[0]!;
    expect(row.get('key')).toBe('POLICY:两学一做');
    const reports = (row.get('reports') as string[]).map((id) => id.slice(0, 3)).sort();
    expect(reports).toEqual(['001', '004']);
    expect(row.get('aliases')).toContain('兩學一做');
    // Evidence keeps the text as written, pinyin glosses included.
    expect(row.get('surfaces')).toContain('兩學(xué)一做');
  });

  it('ties every mention to a sentence whose original text contains it', async () => {
    const { records } = await driver.executeQuery(
      `MATCH (s:${Label.Sentence})-[m:${Rel.MENTIONS}]->() RETURN s.text AS text, s.start AS start, m.start AS ms, m.end AS me, m.surface AS surface`,
    );
    expect(records.length).toBeGreaterThan(100);
    for (const r of records) {
      const text = r.get('text') as string;
      const at = Number(r.get('ms')) - Number(r.get('start'));
      expect(text.slice(at, at + Number(r.get('me')) - Number(r.get('ms')))).toBe(r.get('surface'));
    }
  });

  it('re-ingesting unchanged files changes nothing', async () => {
    const before = await graphCounts();
    const summary = await ingestPaths(driver, [seedsDir]);
    expect(summary.unchanged).toBe(seedFiles.length);
    expect(await graphCounts()).toEqual(before);
    // Forced re-ingest rewrites but still does not duplicate.
    await ingestPaths(driver, [seedsDir], { force: true });
    expect(await graphCounts()).toEqual(before);
  });
});

describe('replacing, removing and refusing reports', () => {
  let dir: string;
  beforeAll(async () => {
    await resetGraph(driver);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policygraph-ingest-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a changed file replaces its report, and entities only it mentioned disappear', async () => {
    const file = path.join(dir, 'county.txt');
    fs.writeFileSync(file, '某县教育局工作报告\n今年全县扎实推进“控辍保学”工作。龙昌中学落实“两免一补”政策。\n');
    expect((await ingestPaths(driver, [dir])).created).toBe(1);
    expect(await count(driver, `MATCH (e:${Label.Entity} {name: '两免一补'}) RETURN count(e)`)).toBe(1);

    fs.writeFileSync(file, '某县教育局工作报告\n今年全县扎实推进“控辍保学”工作,落实立德树人根本任务。\n');
    const summary = await ingestPaths(driver, [dir]);
    expect(summary.replaced).toBe(1);
    expect(await count(driver, `MATCH (r:${Label.Report}) RETURN count(r)`)).toBe(1);
    expect(await count(driver, `MATCH (e:${Label.Entity} {name: '两免一补'}) RETURN count(e)`)).toBe(0);
    expect(await count(driver, `MATCH (e:${Label.Entity} {name: '龙昌中学'}) RETURN count(e)`)).toBe(0);
    expect(await count(driver, `MATCH (e:${Label.Entity} {name: '立德树人'}) RETURN count(e)`)).toBe(1);
    expect(
      await count(driver, `MATCH (:${Label.Entity} {name: '控辍保学'})<-[m:${Rel.MENTIONS}]-() RETURN count(m)`),
    ).toBe(1);
  });

  it('bad files fail by name and reason; good files still land; nothing stored is lost', async () => {
    const before = await graphCounts();
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    fs.writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]));
    // A GBK report is read (detected), not refused; bytes no Chinese encoding decodes are refused.
    fs.writeFileSync(
      path.join(dir, 'gbk.txt'),
      iconv.encode('县教育局工作总结\n今年以来,我局认真贯彻落实“控辍保学”工作,全县义务教育巩固率达到98.82%。\n', 'gbk'),
    );
    fs.writeFileSync(path.join(dir, 'garbage.txt'), Buffer.alloc(400, 0xff));
    fs.writeFileSync(path.join(dir, 'other.txt'), '另一县报告\n全面落实“双减”政策。\n');
    const summary = await ingestPaths(driver, [dir]);
    const reasons = Object.fromEntries(summary.failures.map((f) => [path.basename(f.file), f.reason]));
    expect(reasons['empty.txt']).toMatch(/empty/);
    expect(reasons['binary.txt']).toMatch(/binary/);
    expect(reasons['garbage.txt']).toMatch(/not readable as text|undecodable/);
    expect(reasons['gbk.txt']).toBeUndefined();
    expect(summary.created).toBe(2);
    const { records } = await driver.executeQuery(
      `MATCH (:${Label.Report} {${ReportProps.id}: 'gbk'})-[:${Rel.HAS_SENTENCE}]->(s) RETURN s.text AS text ORDER BY s.idx`,
    );
    expect(records.map((r) => r.get('text'))).toContain(
      '今年以来,我局认真贯彻落实“控辍保学”工作,全县义务教育巩固率达到98.82%。',
    );
    const after = await graphCounts();
    expect(after.reports).toBe(before.reports + 2);
    expect(await count(driver, `MATCH (e:${Label.Entity} {name: '控辍保学'}) RETURN count(e)`)).toBe(1);
  });

  it('a file that gains or loses reports is replaced as a whole', async () => {
    const file = path.join(dir, 'page.txt');
    const report = (n: string) => `教育局工作总结${n}\n区教育局全面落实“控辍保学”,武清区教育工作稳步推进。\n`;
    fs.writeFileSync(file, report('一') + report('二') + report('三'));
    await ingestPaths(driver, [file]);
    expect(await count(driver, `MATCH (r:${Label.Report} {${ReportProps.sourceId}: 'page'}) RETURN count(r)`)).toBe(3);
    fs.writeFileSync(file, report('一') + report('二'));
    expect((await ingestPaths(driver, [file])).replaced).toBe(1);
    expect(await count(driver, `MATCH (r:${Label.Report} {${ReportProps.sourceId}: 'page'}) RETURN count(r)`)).toBe(2);
    expect(await count(driver, `MATCH (s:${Label.Sentence}) WHERE s.id STARTS WITH 'page/3#' RETURN count(s)`)).toBe(0);
    expect(await removeReport(driver, 'page')).toEqual(['page/1', 'page/2']);
  });

  it('removing a report removes its sentences and what only it mentioned', async () => {
    expect(await removeReport(driver, 'other')).toEqual(['other']);
    expect(await count(driver, `MATCH (r:${Label.Report} {id: 'other'}) RETURN count(r)`)).toBe(0);
    expect(await count(driver, `MATCH (e:${Label.Entity} {name: '双减'}) RETURN count(e)`)).toBe(0);
    expect(await count(driver, `MATCH (s:${Label.Sentence}) WHERE s.id STARTS WITH 'other#' RETURN count(s)`)).toBe(0);
    expect(await removeReport(driver, 'other')).toEqual([]);
  });
});
