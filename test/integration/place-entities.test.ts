import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EntityProps, Label, PlaceProps, Rel, ReportProps } from '@policygraph/graph-schema';
import { ingestPaths, removeReport, startHttpServer } from '@policygraph/server';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, graphFingerprint, postGraphQL, resetGraph, testDriver } from '../helpers.js';

// Composed reports: two districts in different provinces that both have a 朝阳区 (Beijing, Changchun) and two
// cities that both have a 鼓楼区 (Fuzhou, Nanjing), each named by a neighbour's report; the Beijing report
// also writes 朝阳 and the Fuzhou one 台江 beside the full names.
const REPORTS: Record<string, string> = {
  haidian: `北京市海淀区教育委员会2023年工作总结
2023年,我区坚持立德树人根本任务,全面落实控辍保学工作。
海淀区义务教育优质均衡发展取得新进展。
我区与朝阳区开展集团化办学合作,推进“双减”工作。
海淀、朝阳两区教师交流轮岗200人次。
`,
  nanguan: `长春市南关区教育局2023年工作总结
2023年,我区全面落实控辍保学工作,推进义务教育优质均衡发展。
南关区新建中小学5所,我区与朝阳区共建教育联盟。
吉林省教育厅对我区工作给予肯定。
`,
  taijiang: `福州市台江区教育局2023年工作总结
2023年,我区深入推进“双减”工作,落实控辍保学。
台江区新增学位3000个,我区与鼓楼区开展结对帮扶。
台江、鼓楼两区教师交流轮岗200人次。
`,
  jiangning: `南京市江宁区教育局2023年工作总结
2023年,我区全面落实控辍保学,推进“双减”工作。
江宁区新增学位5000个,我区与鼓楼区开展集团化办学合作。
`,
};

let driver: Driver;
let dir: string;

interface PlaceEntity {
  key: string;
  name: string;
  qualifier: string | null;
  aliases: string[];
  place: { code: string; name: string; level: string; chain: string[] } | null;
}

/** Every PLACE entity with the Place it refers to (and that Place's ancestors). */
async function placeEntities(): Promise<Record<string, PlaceEntity>> {
  const { records } = await driver.executeQuery(
    `MATCH (e:${Label.Entity} {${EntityProps.kind}: 'PLACE'})
     OPTIONAL MATCH (e)-[:${Rel.REFERS_TO}]->(p:${Label.Place})
     RETURN e.${EntityProps.key} AS key, e.${EntityProps.name} AS name, e.${EntityProps.qualifier} AS qualifier,
            e.${EntityProps.aliases} AS aliases,
            CASE WHEN p IS NULL THEN null ELSE {
              code: p.${PlaceProps.code}, name: p.${PlaceProps.name}, level: p.${PlaceProps.level},
              chain: [(p)-[:${Rel.IN}*]->(q:${Label.Place}) | q.${PlaceProps.name}]
            } END AS place`,
  );
  return Object.fromEntries(
    records.map((r) => [
      r.get('key'),
      {
        key: r.get('key'),
        name: r.get('name'),
        qualifier: r.get('qualifier'),
        aliases: r.get('aliases'),
        place: r.get('place'),
      },
    ]),
  );
}

const orphans = () => count(driver, `MATCH (e:${Label.Entity}) WHERE NOT (e)<-[:${Rel.MENTIONS}]-() RETURN count(e)`);

beforeAll(async () => {
  driver = testDriver();
  await resetGraph(driver);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policygraph-places-'));
  for (const [id, text] of Object.entries(REPORTS)) fs.writeFileSync(path.join(dir, `${id}.txt`), text);
  const summary = await ingestPaths(driver, [dir]);
  expect(summary.failures).toEqual([]);
  expect(summary.created).toBe(4);
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await driver.close();
});

describe('place mentions are the places they name', () => {
  it('makes the two provinces’ 朝阳区 two entities, each tied to its own Place and chain', async () => {
    const places = await placeEntities();
    expect(places['PLACE:110105']).toMatchObject({
      name: '朝阳区',
      qualifier: '北京市',
      place: { code: '110105', name: '朝阳区', level: 'county', chain: ['北京市'] },
    });
    expect(places['PLACE:220104']).toMatchObject({
      name: '朝阳区',
      qualifier: '长春市',
      place: { code: '220104', name: '朝阳区', level: 'county', chain: ['长春市', '吉林省'] },
    });
    expect(places['PLACE:350102']?.place).toMatchObject({ code: '350102', chain: ['福州市', '福建省'] });
    expect(places['PLACE:320106']?.place).toMatchObject({ code: '320106', chain: ['南京市', '江苏省'] });
    // No entity is keyed by a spelling these reports pin down.
    for (const name of ['朝阳区', '朝阳', '鼓楼区', '台江', '台江区', '海淀'])
      expect(places[`PLACE:${name}`]).toBeUndefined();
    // Each report's 朝阳区 mention went to its own province's entity.
    const { records } = await driver.executeQuery(
      `MATCH (r:${Label.Report})-[:${Rel.HAS_SENTENCE}]->()-[m:${Rel.MENTIONS}]->(e:${Label.Entity} {${EntityProps.name}: '朝阳区'})
       RETURN r.${ReportProps.id} AS report, e.${EntityProps.key} AS key, m.surface AS surface ORDER BY report, surface`,
    );
    expect(records.map((r) => [r.get('report'), r.get('key'), r.get('surface')])).toEqual([
      ['haidian', 'PLACE:110105', '朝阳'],
      ['haidian', 'PLACE:110105', '朝阳区'],
      ['nanguan', 'PLACE:220104', '朝阳区'],
    ]);
  });

  it('makes a short and a full form in one city one entity, named in full, both spellings kept', async () => {
    const places = await placeEntities();
    expect(places['PLACE:110105']!.aliases.sort()).toEqual(['朝阳', '朝阳区']);
    expect(places['PLACE:350103']).toMatchObject({ name: '台江区', place: { chain: ['福州市', '福建省'] } });
    expect(places['PLACE:350103']!.aliases.sort()).toEqual(['台江', '台江区']);
  });

  it('ties every code-keyed place entity to exactly one Place, and no other entity to any', async () => {
    const places = Object.values(await placeEntities());
    for (const e of places) {
      if (/^PLACE:\d{6}$/.test(e.key)) expect(e.place?.code).toBe(e.key.slice('PLACE:'.length));
      else expect(e.place).toBeNull();
    }
    expect(
      await count(
        driver,
        `MATCH (e:${Label.Entity})-[:${Rel.REFERS_TO}]->() WITH e, count(*) AS n WHERE n <> 1 OR e.${EntityProps.kind} <> 'PLACE' RETURN count(e)`,
      ),
    ).toBe(0);
  });

  it('answers over GraphQL with the place, its code and chain, and keeps spread and matrix working', async () => {
    const http = await startHttpServer({ driver, port: 0 });
    try {
      const r = await postGraphQL(
        http.url,
        `{
          entities(kind: PLACE, search: "朝阳区", first: 10) {
            edges { node { id name qualifier place { code name level chain { code name level } } } }
          }
          other: entity(id: "POLICY:控辍保学") { place { code } }
          spread(id: "PLACE:220104", level: COUNTY) { place { name code } reports mentions }
          matrix(ids: ["PLACE:110105", "PLACE:220104"], level: PROVINCE) { cells { entityId placeCode reports } }
        }`,
      );
      expect(r.errors).toBeUndefined();
      const nodes = r.data!.entities.edges.map((e: any) => e.node).sort((a: any, b: any) => a.id.localeCompare(b.id));
      expect(nodes).toEqual([
        {
          id: 'PLACE:110105',
          name: '朝阳区',
          qualifier: '北京市',
          place: {
            code: '110105',
            name: '朝阳区',
            level: 'county',
            chain: [{ code: '110000', name: '北京市', level: 'province' }],
          },
        },
        {
          id: 'PLACE:220104',
          name: '朝阳区',
          qualifier: '长春市',
          place: {
            code: '220104',
            name: '朝阳区',
            level: 'county',
            chain: [
              { code: '220100', name: '长春市', level: 'city' },
              { code: '220000', name: '吉林省', level: 'province' },
            ],
          },
        },
      ]);
      expect(r.data!.other).toEqual({ place: null });
      // Where Changchun's 朝阳区 is mentioned: in the report about 南关区.
      expect(r.data!.spread).toEqual([{ place: { name: '南关区', code: '220102' }, reports: 1, mentions: 1 }]);
      expect(r.data!.matrix.cells).toEqual([
        { entityId: 'PLACE:110105', placeCode: '110000', reports: 1 },
        { entityId: 'PLACE:220104', placeCode: '220000', reports: 1 },
      ]);
    } finally {
      await http.close();
    }
  });

  it('re-analyses a store written before place keys and leaves no name-keyed place behind', async () => {
    const clean = await graphFingerprint(driver);
    // What the previous build stored: place entities keyed by their spelling, no REFERS_TO, an older analysis.
    await driver.executeQuery(
      `MATCH (s:${Label.Sentence})-[m:${Rel.MENTIONS}]->(e:${Label.Entity})-[:${Rel.REFERS_TO}]->(:${Label.Place})
       MERGE (old:${Label.Entity} {${EntityProps.key}: 'PLACE:' + m.surface})
       ON CREATE SET old.${EntityProps.kind} = 'PLACE', old.${EntityProps.name} = m.surface,
                     old.${EntityProps.aliases} = [m.surface], old.${EntityProps.aliasText} = ' ' + m.surface
       CREATE (s)-[copy:${Rel.MENTIONS}]->(old)
       SET copy = properties(m)
       DELETE m`,
    );
    await driver.executeQuery(`MATCH (e:${Label.Entity})-[:${Rel.REFERS_TO}]->() DETACH DELETE e`);
    await driver.executeQuery(`MATCH (r:${Label.Report}) SET r.${ReportProps.analysisVersion} = 'before-place-keys'`);
    expect(await count(driver, `MATCH (e:${Label.Entity} {${EntityProps.key}: 'PLACE:朝阳区'}) RETURN count(e)`)).toBe(
      1,
    );

    const again = await ingestPaths(driver, [dir]);
    expect(again.replaced).toBe(4);
    expect(await graphFingerprint(driver)).toEqual(clean);
    expect(await orphans()).toBe(0);
  });

  it('removes a place entity with the last report that mentions it, and only then', async () => {
    expect(await removeReport(driver, 'haidian')).toEqual(['haidian']);
    fs.rmSync(path.join(dir, 'haidian.txt'));
    let places = await placeEntities();
    expect(places['PLACE:110105']).toBeUndefined();
    expect(places['PLACE:220104']?.place?.code).toBe('220104');

    // 台江区's report no longer names 鼓楼区: Fuzhou's 鼓楼区 goes, Nanjing's stays.
    fs.writeFileSync(path.join(dir, 'taijiang.txt'), REPORTS.taijiang!.replace(/.*鼓楼.*\n/gu, ''));
    expect((await ingestPaths(driver, [dir])).replaced).toBe(1);
    places = await placeEntities();
    expect(places['PLACE:350102']).toBeUndefined();
    expect(places['PLACE:320106']?.place?.code).toBe('320106');
    expect(await orphans()).toBe(0);
    // The hierarchy stays: Places are shared by reports and mentions alike.
    expect(await count(driver, `MATCH (p:${Label.Place} {${PlaceProps.code}: '350102'}) RETURN count(p)`)).toBe(1);
  });
});
