import os from 'node:os';
import { startHttpServer } from '@policygraph/server';
import iconv from 'iconv-lite';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, postGraphQL, resetGraph, testDriver, type GraphQLResult } from '../helpers.js';

type Result = GraphQLResult<any>;

let driver: Driver;
let open: Awaited<ReturnType<typeof startHttpServer>>;
let guarded: Awaited<ReturnType<typeof startHttpServer>>;
const TOKEN = 'test-token-7f3a';

const post = (url: string, query: string, variables: Record<string, unknown> = {}, auth?: string) =>
  postGraphQL(url, query, variables, auth);

/** A multipart request (GraphQL multipart request spec), as a browser's file input sends it. */
async function upload(
  url: string,
  query: string,
  file: { name: string; bytes: Uint8Array<ArrayBuffer> },
  auth: string,
) {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query, variables: { file: null } }));
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', new Blob([file.bytes]), file.name);
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { authorization: auth }, body: form });
  return (await res.json()) as Result;
}

const reports = () => count(driver, 'MATCH (r:Report) RETURN count(r)');

const REPORT_TEXT = `福建省将乐县2023年教育工作总结
一、基本情况
我县深入推进“双减”政策，落实控辍保学，全县共有学校52所。
二、主要工作
县一中开展两学一做学习教育，实施薄弱学校改造计划。`;

const INGEST = `mutation($text: String, $id: String, $title: String, $year: Int, $sourceName: String) {
  ingestReport(text: $text, id: $id, title: $title, year: $year, sourceName: $sourceName) {
    outcome warnings reports { id title year sourcePath place { name chain { name } } sentenceCount } } }`;

beforeAll(async () => {
  delete process.env.POLICYGRAPH_TOKEN; // the first server must have none
  driver = testDriver();
  await resetGraph(driver);
  open = await startHttpServer({ driver, port: 0 });
  guarded = await startHttpServer({ driver, port: 0, token: TOKEN });
});
afterAll(async () => {
  await open.close();
  await guarded.close();
  await driver.close();
});

describe('ingestReport and removeReport', () => {
  it('are disabled without a configured token, and refuse a missing or wrong token', async () => {
    const off = await post(open.url, INGEST, { text: REPORT_TEXT }, `Bearer ${TOKEN}`);
    expect(off.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(off.errors?.[0]?.message).toMatch(/disabled.*POLICYGRAPH_TOKEN/);
    const offRemove = await post(open.url, `mutation { removeReport(id: "x") { removed } }`);
    expect(offRemove.errors?.[0]?.message).toMatch(/disabled/);
    const none = await post(guarded.url, INGEST, { text: REPORT_TEXT });
    expect(none.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(none.errors?.[0]?.message).toMatch(/Authorization: Bearer/);
    const wrong = await post(guarded.url, INGEST, { text: REPORT_TEXT }, 'Bearer not-the-token');
    expect(wrong.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(await reports()).toBe(0);
  });

  it('refuses an upload without the token before reading it, and answers other origins without CORS', async () => {
    const file = { name: 'a.txt', bytes: new Uint8Array(new TextEncoder().encode(REPORT_TEXT)) };
    const q = `mutation($file: File) { ingestReport(file: $file) { outcome } }`;
    const anon = await upload(guarded.url, q, file, '');
    expect(anon.errors?.[0]?.message).toMatch(/Authorization: Bearer/);
    const off = await upload(open.url, q, file, `Bearer ${TOKEN}`);
    expect(off.errors?.[0]?.message).toMatch(/disabled/);
    expect(await reports()).toBe(0);
    // A page on another origin gets no Access-Control-Allow-Origin, so the browser keeps the answer from it.
    const res = await fetch(`${open.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://elsewhere.example' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    // A malformed URL for the viewer is a 400, not a crash.
    const viewer = await startHttpServer({ driver, port: 0, clientDir: os.tmpdir() });
    try {
      expect((await fetch(`${viewer.url}/%E0%A4%A`)).status).toBe(400);
      expect((await post(viewer.url, '{ __typename }')).data).toEqual({ __typename: 'Query' });
    } finally {
      await viewer.close();
    }
  });

  it('stores a report sent as text, finds it again, and removes it with what only it mentioned', async () => {
    const auth = `Bearer ${TOKEN}`;
    const r = await post(guarded.url, INGEST, { text: REPORT_TEXT, sourceName: 'uploads/将乐县总结.txt' }, auth);
    expect(r.errors).toBeUndefined();
    expect(r.data!.ingestReport).toMatchObject({
      outcome: 'CREATED',
      reports: [
        {
          id: '将乐县总结',
          title: '福建省将乐县2023年教育工作总结',
          year: 2023,
          sourcePath: 'uploads/将乐县总结.txt',
          place: { name: '将乐县', chain: [{ name: '三明市' }, { name: '福建省' }] },
        },
      ],
    });
    const seen = await post(
      guarded.url,
      `{ report(id: "将乐县总结") { sentences(first: 50) { edges { node { text mentions { entityId surface } } } } }
         search(text: "薄弱学校改造") { id } }`,
    );
    const mentioned = seen.data!.report.sentences.edges.flatMap((e: any) =>
      e.node.mentions.map((m: any) => m.entityId),
    );
    expect(mentioned).toEqual(expect.arrayContaining(['POLICY:控辍保学', 'POLICY:两学一做']));
    expect(seen.data!.search.length).toBeGreaterThan(0);

    const again = await post(guarded.url, INGEST, { text: REPORT_TEXT, sourceName: 'uploads/将乐县总结.txt' }, auth);
    expect(again.data!.ingestReport.outcome).toBe('UNCHANGED');

    const removed = await post(guarded.url, `mutation { removeReport(id: "将乐县总结") { removed } }`, {}, auth);
    expect(removed.data!.removeReport.removed).toEqual(['将乐县总结']);
    const gone = await post(guarded.url, `{ report(id: "将乐县总结") { id } search(text: "控辍保学") { id } }`);
    expect(gone.data).toEqual({ report: null, search: [] });
    expect(await count(driver, 'MATCH (n) WHERE n:Sentence OR n:Entity RETURN count(n)')).toBe(0);
    const nothing = await post(guarded.url, `mutation { removeReport(id: "将乐县总结") { removed } }`, {}, auth);
    expect(nothing.data!.removeReport.removed).toEqual([]);
  });

  it('takes the title and year given, and an id of its own when none is', async () => {
    const r = await post(
      guarded.url,
      INGEST,
      { text: REPORT_TEXT, title: '将乐县年度总结(上传)', year: 2024 },
      `Bearer ${TOKEN}`,
    );
    expect(r.errors).toBeUndefined();
    const [rep] = r.data!.ingestReport.reports;
    expect(rep).toMatchObject({ title: '将乐县年度总结(上传)', year: 2024 });
    expect(rep.id).toMatch(/^upload\/[0-9a-f]{12}$/);
    await post(
      guarded.url,
      `mutation($id: ID!) { removeReport(id: $id) { removed } }`,
      { id: rep.id },
      `Bearer ${TOKEN}`,
    );
  });

  it('refuses empty, binary and malformed input by name and writes nothing', async () => {
    const auth = `Bearer ${TOKEN}`;
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ text: '   \n' }, /`text` is empty/],
      [{ text: 'PK\u0003\u0004\u0000\u0000\u0014\u0000' }, /binary/],
      [{}, /`text` or as `file`/],
      [{ text: REPORT_TEXT, id: 'a#1' }, /`id` may not contain `#`/],
      [{ text: REPORT_TEXT, year: 3023 }, /3023/],
    ];
    for (const [vars, message] of cases) {
      const r = await post(guarded.url, INGEST, vars, auth);
      expect(r.errors?.[0]?.message).toMatch(message);
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const png = await upload(
      guarded.url,
      `mutation($file: File) { ingestReport(file: $file) { outcome } }`,
      { name: 'report.txt', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) },
      auth,
    );
    expect(png.errors?.[0]?.message).toMatch(/report\.txt.*PNG/);
    const empty = await upload(
      guarded.url,
      `mutation($file: File) { ingestReport(file: $file) { outcome } }`,
      { name: 'empty.txt', bytes: new Uint8Array() },
      auth,
    );
    expect(empty.errors?.[0]?.message).toMatch(/empty\.txt.*empty/);
    expect(await reports()).toBe(0);
  });

  it('stores an uploaded file in a legacy encoding, detected like the CLI does', async () => {
    const r = await upload(
      guarded.url,
      `mutation($file: File) { ingestReport(file: $file) { outcome warnings reports { id title place { name } } } }`,
      { name: '将乐县2023总结.txt', bytes: new Uint8Array(iconv.encode(REPORT_TEXT, 'gb18030')) },
      `Bearer ${TOKEN}`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.ingestReport).toMatchObject({
      outcome: 'CREATED',
      reports: [{ id: '将乐县2023总结', title: '福建省将乐县2023年教育工作总结', place: { name: '将乐县' } }],
    });
    expect(await reports()).toBe(1);
  });
});
