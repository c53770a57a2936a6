import { describe, expect, it } from 'vitest';
import { seededGraphQL } from '../helpers.js';

const { gql } = seededGraphQL();

describe('GraphQL over HTTP against the seeded graph', () => {
  it('lists reports with a total and pages through them with cursors', async () => {
    const first = await gql(
      `{ reports(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { id title sentenceCount } } } }`,
    );
    expect(first.errors).toBeUndefined();
    const conn = first.data!.reports;
    expect(conn.totalCount).toBe(7);
    expect(conn.edges).toHaveLength(2);
    expect(conn.pageInfo.hasNextPage).toBe(true);
    const next = await gql(`query($after: String) { reports(first: 10, after: $after) { edges { node { id } } } }`, {
      after: conn.pageInfo.endCursor,
    });
    const ids = [...conn.edges, ...next.data!.reports.edges].map((e: any) => e.node.id);
    expect(new Set(ids).size).toBe(7);
  });

  it('filters reports by place at any level and shows the place chain', async () => {
    const r = await gql(
      `{ reports(place: "广东省") { totalCount edges { node { id placeStatus place { name code chain { name } } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const names = r.data!.reports.edges.map((e: any) => e.node.place.name).sort();
    expect(names).toEqual(['金湾区', '阳春市']);
    const jinwan = r.data!.reports.edges.find((e: any) => e.node.place.name === '金湾区').node;
    expect(jinwan.place.chain.map((c: any) => c.name)).toEqual(['珠海市', '广东省']);
    const byYear = await gql(`{ reports(year: 2024) { edges { node { id year coversYear } } } }`);
    expect(byYear.data!.reports.edges.map((e: any) => e.node.id.slice(0, 3))).toEqual(['001']);
  });

  it('finds 两学一做 from its traditional spelling, with sentences from two reports', async () => {
    const r = await gql(`{
      entities(search: "兩學一做", kind: POLICY) { totalCount edges { node { id name aliases reportCount } } }
      entity(name: "两学一做") { mentions(first: 50) { totalCount edges { node { surface sentence { text } report { id title } } } } }
    }`);
    expect(r.errors).toBeUndefined();
    const hit = r.data!.entities.edges.map((e: any) => e.node).find((n: any) => n.name === '两学一做');
    expect(hit).toMatchObject({ id: 'POLICY:两学一做', reportCount: 2 });
    expect(hit.aliases).toContain('兩學一做');
    const mentions = r.data!.entity.mentions.edges.map((e: any) => e.node);
    expect(new Set(mentions.map((m: any) => m.report.id.slice(0, 3)))).toEqual(new Set(['001', '004']));
    for (const m of mentions) expect(m.sentence.text).toContain(m.surface);
  });

  it('returns a Cytoscape-ready neighbourhood for 控辍保学 with its total', async () => {
    const r = await gql(
      `{ neighborhood(id: "POLICY:控辍保学", limit: 3) { center total nodes { id kind label } edges { source target weight kind } } }`,
    );
    expect(r.errors).toBeUndefined();
    const g = r.data!.neighborhood;
    expect(g.center).toBe('POLICY:控辍保学');
    expect(g.total).toBeGreaterThan(3);
    const entityNodes = g.nodes.filter((n: any) => n.kind !== 'REPORT');
    expect(entityNodes).toHaveLength(4); // centre + limit
    const ids = new Set(g.nodes.map((n: any) => n.id));
    for (const e of g.edges) {
      expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
      expect(e.weight).toBeGreaterThan(0);
    }
    expect(g.nodes.some((n: any) => n.kind === 'REPORT')).toBe(true);
  });

  it('lists new-term candidates the lexicon lacks, and says how much each mention is trusted', async () => {
    const r = await gql(`{
      termCandidates(top: 20, minFreq: 2) { term score freq quoted rank examples { text } }
      entity(name: "两学一做") { mentions(first: 1) { edges { node { cue score } } } }
    }`);
    expect(r.errors).toBeUndefined();
    const terms = r.data!.termCandidates.map((c: any) => c.term);
    expect(terms.length).toBeGreaterThan(5);
    expect(terms).not.toContain('两学一做'); // known to the lexicon
    // Stored at ingest, best first, each with sentences that show it in use.
    const ranks = r.data!.termCandidates.map((c: any) => c.rank);
    expect(ranks).toEqual([...ranks].sort((x: number, y: number) => x - y));
    for (const c of r.data!.termCandidates) {
      expect(c.examples.length).toBeGreaterThan(0);
      for (const e of c.examples) expect(e.text).toContain(c.term);
    }
    expect(r.data!.entity.mentions.edges[0].node).toMatchObject({ cue: 'lexicon', score: 0.95 });
  });

  it('answers "which places mention 两学一做, in which sentences, and what is mentioned with it" in one query', async () => {
    const r = await gql(`{
      counties: spread(term: "兩學一做") { place { name code anonymised } reports mentions firstYear lastYear }
      provinces: spread(term: "两学一做", level: PROVINCE) { place { name } reports mentions }
      kwic(term: "两学一做", window: 6, first: 10) { totalCount edges { node { left keyword right reportId place year } } }
      cooccurrence(term: "两学一做", limit: 10) { entity { name kind } sentences paragraphs reports }
    }`);
    expect(r.errors).toBeUndefined();
    const counties = r.data!.counties;
    expect(counties.map((c: any) => c.place.name).sort()).toEqual(['xx市', '金湾区']);
    expect(counties.find((c: any) => c.place.name === '金湾区')).toMatchObject({
      reports: 1,
      mentions: 4,
      place: { code: '440404' },
    });
    expect(counties.find((c: any) => c.place.name === 'xx市')).toMatchObject({
      firstYear: 2024,
      place: { anonymised: true },
    });
    expect(r.data!.provinces.map((p: any) => p.place.name).sort()).toEqual(['广东省', '贵州省']);
    const lines = r.data!.kwic.edges.map((e: any) => e.node);
    expect(r.data!.kwic.totalCount).toBe(5);
    // The keyword as written: traditional, with its pinyin gloss, in the 金湾区 report.
    expect(lines.find((l: any) => l.place === '金湾区').keyword).toBe('兩學(xué)一做');
    for (const l of lines) expect(l.left.length).toBeLessThanOrEqual(6);
    // What is mentioned with it: 党风廉政建设 shares a sentence with it (and paragraphs in two reports).
    const withIt = r.data!.cooccurrence;
    expect(withIt.length).toBeGreaterThan(3);
    expect(withIt.find((c: any) => c.entity.name === '党风廉政建设')).toMatchObject({ sentences: 1, reports: 2 });
    for (const c of withIt) expect(c.sentences + c.paragraphs).toBeGreaterThan(0);
    const t = await gql(`{ timeline(term: "两学一做") { place { name } firstYear } }`);
    // 金湾区's report gives no year (20**): it comes after xx市's 2024.
    expect(t.data!.timeline.map((x: any) => [x.place.name, x.firstYear])).toEqual([
      ['xx市', 2024],
      ['金湾区', null],
    ]);
  });

  it('full-text search finds entities by part of a name, by traditional spelling, and by kind', async () => {
    const r = await gql(`{
      part: search(text: "扶贫") { id }
      trad: search(text: "兩學一做", kinds: [POLICY], first: 3) { id name aliases }
      odd: search(text: "控辍+保学 (") { id }
      phrase: search(text: "义务教育", first: 50) { name aliases }
    }`);
    expect(r.errors).toBeUndefined();
    const part = r.data!.part.map((e: any) => e.id);
    expect(part).toEqual(expect.arrayContaining(['POLICY:精准扶贫', 'POLICY:教育扶贫']));
    expect(r.data!.trad[0]).toMatchObject({ id: 'POLICY:两学一做' });
    // Lucene syntax in a query is text, not an error.
    expect(r.data!.odd.map((e: any) => e.id)).toContain('POLICY:控辍保学');
    // Names holding the whole phrase come before names sharing only a bigram of it (教育局 shares 教育).
    const holds = r.data!.phrase.map((e: any) => [e.name, ...e.aliases].some((n: string) => n.includes('义务教育')));
    expect(holds[0]).toBe(true);
    expect(holds.indexOf(false) === -1 || holds.slice(holds.indexOf(false)).every((h: boolean) => !h)).toBe(true);
  });

  it('answers an unknown entity with null and a bad query with a GraphQL error', async () => {
    const none = await gql(`{ neighborhood(id: "POLICY:不存在的口号") { total } entity(name: "不存在的口号") { id } }`);
    expect(none.errors).toBeUndefined();
    expect(none.data).toEqual({ neighborhood: null, entity: null });
    const bad = await gql(`{ reports { nope } }`);
    expect(bad.errors?.[0]?.message).toMatch(/nope/);
  });
});
