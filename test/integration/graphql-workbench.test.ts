import { startHttpServer } from '@policygraph/server';
import { getIntrospectionQuery } from 'graphql';
import { describe, expect, it } from 'vitest';
import { seededGraphQL } from '../helpers.js';

const { ctx, gql } = seededGraphQL();

const JINWAN_REPORT = '004_d7713d232ce62d68/1'; // 金湾区, written in traditional script

describe('report view: sentences with their mentions', () => {
  it('pages through a report’s sentences in order, each mention pointing at its span of the text', async () => {
    const q = `query($id: ID!, $after: String) { report(id: $id) { sentenceCount
      sentences(first: 40, after: $after) { totalCount pageInfo { hasNextPage endCursor }
        edges { node { id idx text start end paragraph heading mentions { entityId kind name surface start end } } } } } }`;
    const sentences: any[] = [];
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const r: any = await gql(q, { id: JINWAN_REPORT, after });
      expect(r.errors).toBeUndefined();
      const conn = r.data.report.sentences;
      total = conn.totalCount;
      sentences.push(...conn.edges.map((e: any) => e.node));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThan(40); // more than one page
    expect(sentences).toHaveLength(total);
    expect(sentences.map((s) => s.idx)).toEqual([...Array(total).keys()]);
    expect(sentences.some((s) => s.heading)).toBe(true);
    let mentions = 0;
    for (const s of sentences) {
      expect(s.end - s.start).toBe(s.text.length);
      for (const m of s.mentions) {
        mentions++;
        // Offsets are in the original text: the sentence's slice there is the surface as written.
        expect(s.text.slice(m.start - s.start, m.end - s.start)).toBe(m.surface);
      }
    }
    expect(mentions).toBeGreaterThan(20);
    const lxyz = sentences.flatMap((s) => s.mentions).filter((m: any) => m.entityId === 'POLICY:两学一做');
    expect(lxyz.length).toBeGreaterThan(0);
    expect(lxyz[0]).toMatchObject({ kind: 'POLICY', name: '两学一做' });
    expect(lxyz.some((m: any) => m.surface.startsWith('兩學'))).toBe(true);
  });

  it('lists a report’s entities with their mention counts in that report, filtered by kind', async () => {
    const r = await gql(
      `query($id: ID!) { report(id: $id) {
        all: entities(first: 500) { totalCount edges { mentions node { id kind } } }
        policies: entities(first: 500, kinds: [POLICY]) { totalCount edges { mentions node { id kind reportCount } } }
        sentences(first: 500) { edges { node { mentions { entityId } } } } } }`,
      { id: JINWAN_REPORT },
    );
    expect(r.errors).toBeUndefined();
    const rep = r.data!.report;
    const counted = new Map<string, number>();
    for (const e of rep.sentences.edges)
      for (const m of e.node.mentions) counted.set(m.entityId, (counted.get(m.entityId) ?? 0) + 1);
    expect(rep.all.totalCount).toBe(counted.size);
    for (const e of rep.all.edges) expect(e.mentions).toBe(counted.get(e.node.id));
    const perEdge = rep.all.edges.map((e: any) => e.mentions);
    expect(perEdge).toEqual([...perEdge].sort((a: number, b: number) => b - a)); // most mentioned first
    expect(rep.policies.totalCount).toBeGreaterThan(0);
    expect(rep.policies.totalCount).toBeLessThan(rep.all.totalCount);
    for (const e of rep.policies.edges) expect(e.node.kind).toBe('POLICY');
    const lxyz = rep.policies.edges.find((e: any) => e.node.id === 'POLICY:两学一做');
    expect(lxyz.node.reportCount).toBe(2); // distinct reports, not mentions
  });
});

describe('batching: nested lists cost a fixed number of statements', () => {
  it('reads the mentions of a page of sentences, and the reports of a page of mentions, in one batch each', async () => {
    let statements = 0;
    // The real driver, counting the statements sent through it.
    const counting = new Proxy(ctx.driver, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target) as unknown;
        if (prop === 'executeQuery')
          return (...a: unknown[]) => {
            statements++;
            return (value as (...x: unknown[]) => unknown).apply(target, a);
          };
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const server = await startHttpServer({ driver: counting, port: 0 });
    const run = async (query: string) => {
      statements = 0;
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      const body = (await res.json()) as { errors?: unknown };
      expect(body.errors).toBeUndefined();
      return statements;
    };
    try {
      const sentences = (n: number) =>
        run(
          `{ report(id: "${JINWAN_REPORT}") { sentences(first: ${n}) { edges { node { mentions { entityId } } } } } }`,
        );
      expect(await sentences(60)).toBe(await sentences(3));
      const mentions = (n: number) =>
        run(`{ entity(id: "POLICY:两学一做") { mentions(first: ${n}) { edges { node {
          report { id place { reportCount } } sentence { mentions { entityId } } } } } } }`);
      expect(await mentions(50)).toBe(await mentions(1));
      // The terms of a matrix are looked up together, not one statement per term.
      const matrix = (terms: string[]) =>
        run(`{ matrix(terms: ${JSON.stringify(terms)}, level: PROVINCE) { cells { placeCode reports } } }`);
      expect(await matrix(['两学一做', '精准扶贫', '控辍保学', '立德树人', '没有这个口号'])).toBe(
        await matrix(['两学一做']),
      );
    } finally {
      await server.close();
    }
  });
});

describe('matrix: entities × places', () => {
  it('agrees cell by cell with spread, resolves terms in any spelling and names what it could not find', async () => {
    const r = await gql(`{
      matrix(terms: ["兩學一做", "精准扶贫", "没有这个口号"], ids: ["POLICY:控辍保学"], level: PROVINCE) {
        entities { id name kind } places { code name level chain { code } } unresolved
        cells { entityId placeCode reports mentions firstYear lastYear } }
      a: spread(id: "POLICY:控辍保学", level: PROVINCE) { place { code } reports mentions firstYear lastYear }
      b: spread(id: "POLICY:两学一做", level: PROVINCE) { place { code } reports mentions firstYear lastYear }
      c: spread(id: "POLICY:精准扶贫", level: PROVINCE) { place { code } reports mentions firstYear lastYear }
    }`);
    expect(r.errors).toBeUndefined();
    const m = r.data!.matrix;
    expect(m.entities.map((e: any) => e.id)).toEqual(['POLICY:控辍保学', 'POLICY:两学一做', 'POLICY:精准扶贫']);
    expect(m.unresolved).toEqual(['没有这个口号']);
    for (const p of m.places) expect(p.level).toBe('province');
    const spreads: Record<string, any[]> = {
      'POLICY:控辍保学': r.data!.a,
      'POLICY:两学一做': r.data!.b,
      'POLICY:精准扶贫': r.data!.c,
    };
    const expected = Object.entries(spreads).flatMap(([entityId, rows]) =>
      rows.map(({ place, ...rest }) => ({ entityId, placeCode: place.code, ...rest })),
    );
    const byKey = (x: any) => `${x.entityId}|${x.placeCode}`;
    expect([...m.cells].sort((x, y) => byKey(x).localeCompare(byKey(y)))).toEqual(
      expected.sort((x, y) => byKey(x).localeCompare(byKey(y))),
    );
    expect(new Set(m.places.map((p: any) => p.code))).toEqual(new Set(expected.map((c) => c.placeCode)));
  });

  it('drills down: `within` a province gives only the places under it, at the level asked', async () => {
    const all = await gql(
      `{ matrix(terms: ["精准扶贫", "两学一做"], level: COUNTY) { places { code name chain { code name } } cells { placeCode } } }`,
    );
    const inGd = await gql(
      `{ matrix(terms: ["精准扶贫", "两学一做"], level: COUNTY, within: "广东省") { places { code name chain { code name } } cells { placeCode reports } } }`,
    );
    const byCode = await gql(
      `{ matrix(terms: ["精准扶贫", "两学一做"], level: COUNTY, within: "440000") { places { code } } }`,
    );
    expect(all.errors ?? inGd.errors ?? byCode.errors).toBeUndefined();
    const gd = inGd.data!.matrix.places;
    expect(gd.length).toBeGreaterThan(0);
    expect(gd.length).toBeLessThan(all.data!.matrix.places.length);
    for (const p of gd) expect(p.chain.map((c: any) => c.name)).toContain('广东省');
    const outside = all.data!.matrix.places.filter((p: any) => !p.chain.some((c: any) => c.name === '广东省'));
    expect(outside.length).toBeGreaterThan(0);
    for (const c of inGd.data!.matrix.cells) expect(gd.map((p: any) => p.code)).toContain(c.placeCode);
    expect(byCode.data!.matrix.places.map((p: any) => p.code)).toEqual(gd.map((p: any) => p.code));
  });

  it('refuses a matrix with nothing to show', async () => {
    const r = await gql(`{ matrix(level: CITY) { places { code } } }`);
    expect(r.errors?.[0]?.message).toMatch(/ids.*terms/);
  });
});

describe('places: the hierarchy with report counts', () => {
  it('lists places with reports, each count agreeing with the reports filter, most first', async () => {
    const r = await gql(
      `{ places(first: 500) { totalCount edges { node { code name level reportCount chain { name } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const places = r.data!.places.edges.map((e: any) => e.node);
    expect(places.length).toBe(r.data!.places.totalCount);
    const counts = places.map((p: any) => p.reportCount);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
    for (const p of places.filter((x: any) => !x.code.startsWith('anon:'))) {
      const check = await gql(`query($p: String) { reports(place: $p) { totalCount } }`, { p: p.code });
      expect([p.name, check.data!.reports.totalCount]).toEqual([p.name, p.reportCount]);
    }
    const gd = places.find((p: any) => p.name === '广东省');
    expect(gd).toMatchObject({ level: 'province', reportCount: 2 });
  });

  it('drills down by level and within, and names a place it does not know', async () => {
    const r = await gql(`{
      cities: places(level: CITY, within: "广东省") { edges { node { name level chain { name } } } }
      counties: places(level: COUNTY, within: "440000") { edges { node { name } } }
      report(id: "${JINWAN_REPORT}") { place { name reportCount } }
    }`);
    expect(r.errors).toBeUndefined();
    const cities = r.data!.cities.edges.map((e: any) => e.node);
    expect(cities.map((c: any) => c.name).sort()).toEqual(['珠海市', '阳江市']);
    for (const c of cities) expect(c).toMatchObject({ level: 'city', chain: [{ name: '广东省' }] });
    expect(r.data!.counties.edges.map((e: any) => e.node.name).sort()).toEqual(['金湾区', '阳春市']);
    expect(r.data!.report.place).toEqual({ name: '金湾区', reportCount: 1 });
    const bad = await gql(`{ places(within: "广东") { totalCount } }`);
    expect(bad.errors?.[0]?.message).toMatch(/"广东"/);
  });
});

describe('cooccurrence', () => {
  it('lists the entities named with 控辍保学, most shared sentences first, with counts that match the sentences', async () => {
    const r = await gql(`{
      cooccurrence(term: "控辍保学", limit: 10) { entity { id kind } sentences paragraphs reports }
      policies: cooccurrence(id: "POLICY:控辍保学", kinds: [POLICY], limit: 500) { entity { kind } }
      strong: cooccurrence(id: "POLICY:控辍保学", minWeight: 2, limit: 500) { sentences }
      loose: cooccurrence(id: "POLICY:控辍保学", minWeight: 0, limit: 500) { sentences paragraphs }
    }`);
    expect(r.errors).toBeUndefined();
    const rows = r.data!.cooccurrence;
    expect(rows.length).toBeGreaterThan(3);
    const weights = rows.map((x: any) => x.sentences);
    expect(weights).toEqual([...weights].sort((a: number, b: number) => b - a));
    for (const row of rows.slice(0, 3)) {
      const { records } = await ctx.driver.executeQuery(
        `MATCH (:Entity {key: $a})<-[:MENTIONS]-(s:Sentence)-[:MENTIONS]->(:Entity {key: $b}) RETURN count(DISTINCT s) AS n`,
        { a: 'POLICY:控辍保学', b: row.entity.id },
      );
      expect(Number(records[0]!.get('n'))).toBe(row.sentences);
      expect(row.paragraphs).toBeGreaterThanOrEqual(row.sentences > 0 ? 1 : 0);
      // The pair reads the same from the other side.
      const back = await gql(`query($id: ID) { cooccurrence(id: $id, limit: 500) { entity { id } sentences } }`, {
        id: row.entity.id,
      });
      expect(back.data!.cooccurrence.find((x: any) => x.entity.id === 'POLICY:控辍保学')?.sentences).toBe(
        row.sentences,
      );
    }
    expect(r.data!.policies.length).toBeGreaterThan(0);
    for (const p of r.data!.policies) expect(p.entity.kind).toBe('POLICY');
    for (const s of r.data!.strong) expect(s.sentences).toBeGreaterThanOrEqual(2);
    expect(r.data!.loose.length).toBeGreaterThan(r.data!.strong.length);
    expect(r.data!.loose.some((x: any) => x.sentences === 0 && x.paragraphs > 0)).toBe(true);
  });
});

describe('neighborhood: several centres, two rings, kinds', () => {
  const G = `centers total nodes { id kind weight distance } edges { source target kind weight }`;

  it('draws several centres with their reports, filtered to the kinds asked', async () => {
    const r = await gql(`{
      one: neighborhood(id: "POLICY:控辍保学", limit: 500) { ${G} }
      two: neighborhood(ids: ["POLICY:两学一做", "POLICY:控辍保学", "POLICY:没有"], limit: 500) { ${G} }
      kinds: neighborhood(ids: ["POLICY:两学一做", "POLICY:控辍保学"], kinds: [POLICY], limit: 500) { ${G} }
    }`);
    expect(r.errors).toBeUndefined();
    const { one, two, kinds } = r.data!;
    expect(two.centers).toEqual(['POLICY:两学一做', 'POLICY:控辍保学']);
    expect(two.nodes.filter((n: any) => n.distance === 0).map((n: any) => n.id)).toEqual(two.centers);
    expect(two.total).toBeGreaterThan(one.total);
    const fromReports = new Set(two.edges.filter((e: any) => e.kind === 'MENTIONED_IN').map((e: any) => e.source));
    expect(fromReports).toEqual(new Set(two.centers));
    const ids = new Set(two.nodes.map((n: any) => n.id));
    for (const e of two.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    const ring = kinds.nodes.filter((n: any) => n.distance === 1);
    expect(ring.length).toBeGreaterThan(0);
    for (const n of ring) expect(n.kind).toBe('POLICY');
    expect(kinds.total).toBe(ring.length);
    expect(kinds.total).toBeLessThan(two.total);
  });

  it('adds a second ring reached only through the first', async () => {
    const r = await gql(`{
      d1: neighborhood(id: "POLICY:控辍保学", limit: 500, reports: false) { ${G} }
      d2: neighborhood(id: "POLICY:控辍保学", depth: 2, limit: 500, reports: false) { ${G} }
      capped: neighborhood(id: "POLICY:控辍保学", depth: 9, limit: 500, reports: false) { total }
      direct: cooccurrence(id: "POLICY:控辍保学", limit: 500) { entity { id } }
    }`);
    expect(r.errors).toBeUndefined();
    const { d1, d2 } = r.data!;
    const second = d2.nodes.filter((n: any) => n.distance === 2);
    expect(second.length).toBeGreaterThan(0);
    expect(d2.total).toBe(d1.total + second.length);
    expect(r.data!.capped.total).toBe(d2.total); // depth is capped at 2
    const direct = new Set(r.data!.direct.map((x: any) => x.entity.id));
    const first = new Set(d2.nodes.filter((n: any) => n.distance === 1).map((n: any) => n.id));
    expect(first).toEqual(direct);
    for (const n of second) {
      expect(direct.has(n.id)).toBe(false);
      // Each second-ring node hangs off a first-ring node in the edges returned.
      const linked = d2.edges.some(
        (e: any) => (e.source === n.id && first.has(e.target)) || (e.target === n.id && first.has(e.source)),
      );
      expect(linked).toBe(true);
    }
  });

  it('keeps only neighbours at or above minWeight', async () => {
    const r = await gql(`{
      all: neighborhood(id: "POLICY:控辍保学", limit: 500) { total nodes { distance weight } }
      strong: neighborhood(id: "POLICY:控辍保学", minWeight: 2, limit: 500) { total nodes { distance weight } }
    }`);
    expect(r.errors).toBeUndefined();
    const strong = r.data!.strong.nodes.filter((n: any) => n.distance === 1);
    expect(strong.length).toBeGreaterThan(0);
    for (const n of strong) expect(n.weight).toBeGreaterThanOrEqual(2);
    expect(r.data!.strong.total).toBeLessThan(r.data!.all.total);
  });
});

describe('limits: each refused with an error naming the limit', () => {
  it('refuses a too-deep query, also through fragments, but lets GraphiQL’s introspection through', async () => {
    const deep = await gql(`{ report(id: "${JINWAN_REPORT}") { entities { edges { node { mentions { edges { node {
      report { entities { edges { node { mentions { totalCount } } } } } } } } } } } } }`);
    expect(deep.data).toBeUndefined();
    expect(deep.errors?.[0]).toMatchObject({ extensions: { code: 'MAX_DEPTH' } });
    expect(deep.errors?.[0]?.message).toMatch(/13 levels.*12/);
    const viaFragment = await gql(`
      query { report(id: "${JINWAN_REPORT}") { entities { edges { node { ...Deep } } } } }
      fragment Deep on Entity { mentions { edges { node { report { entities { edges { node { mentions { totalCount } } } } } } } } }`);
    expect(viaFragment.errors?.[0]).toMatchObject({ extensions: { code: 'MAX_DEPTH' } });
    const intro = await gql(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }));
    expect(intro.errors).toBeUndefined();
    expect(intro.data!.__schema.queryType.name).toBe('Query');
  });

  it('refuses too many aliases and pages larger than 500, literal or by variable', async () => {
    const aliases = await gql(
      `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: reports(first: 1) { totalCount }`).join(' ')} }`,
    );
    expect(aliases.errors?.[0]).toMatchObject({ extensions: { code: 'MAX_ALIASES' } });
    expect(aliases.errors?.[0]?.message).toMatch(/31 aliases.*30/);
    const big = await gql(`{ reports(first: 501) { totalCount } }`);
    expect(big.data).toBeUndefined();
    expect(big.errors?.[0]).toMatchObject({ extensions: { code: 'MAX_PAGE_SIZE' } });
    expect(big.errors?.[0]?.message).toMatch(/first: 501.*reports/);
    const byVariable = await gql(`query($n: Int) { entities(first: $n) { totalCount } }`, { n: 1000 });
    expect(byVariable.errors?.[0]).toMatchObject({ extensions: { code: 'MAX_PAGE_SIZE' } });
    const neighbours = await gql(`{ neighborhood(id: "POLICY:控辍保学", limit: 5000) { total } }`);
    expect(neighbours.errors?.[0]).toMatchObject({ extensions: { code: 'MAX_PAGE_SIZE' } });
    const ok = await gql(`query($n: Int) { entities(first: $n) { totalCount } }`, { n: 500 });
    expect(ok.errors).toBeUndefined();
  });

  it('refuses a query whose page sizes multiply past the cost ceiling', async () => {
    const r = await gql(
      `{ reports(first: 500) { edges { node { sentences(first: 500) { edges { node { text mentions { name } } } } } } } }`,
    );
    expect(r.data).toBeUndefined();
    expect(r.errors?.[0]).toMatchObject({ extensions: { code: 'MAX_COST' } });
    const small = await gql(
      `{ reports(first: 5) { edges { node { sentences(first: 20) { edges { node { text } } } } } } }`,
    );
    expect(small.errors).toBeUndefined();
  });

  it('keeps validation errors but not the schema guesses', async () => {
    const r = await gql(`{ reprts { totalCount } }`);
    expect(r.errors?.[0]?.message).toMatch(/reprts/);
    expect(r.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('answers a query that runs past the time limit with a timeout error, under configured limits', async () => {
    const strict = await startHttpServer({ driver: ctx.driver, port: 0, limits: { timeoutMs: 5, maxDepth: 3 } });
    try {
      const post = (query: string) =>
        fetch(`${strict.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        }).then((res) => res.json() as Promise<{ data?: any; errors?: any[] }>);
      const slow = await post(`{ neighborhood(id: "POLICY:控辍保学", depth: 2, limit: 500) { total } }`);
      expect(slow.errors?.[0]).toMatchObject({ extensions: { code: 'QUERY_TIMEOUT' } });
      expect(slow.errors?.[0]?.message).toMatch(/5 ms/);
      const deep = await post(`{ report(id: "x") { place { chain { name } } } }`);
      expect(deep.errors?.[0]).toMatchObject({ extensions: { code: 'MAX_DEPTH' } });
    } finally {
      await strict.close();
    }
  });
});
