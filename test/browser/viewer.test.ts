import fs from 'node:fs';
import path from 'node:path';
import { startHttpServer } from '@policygraph/server';
import type { Driver } from 'neo4j-driver';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshGraphWithSeeds, repoRoot, testDriver } from '../helpers.js';
import { parseCsv } from '../../client/src/export/csv.js';
import { launchChromium } from './browser.js';

const shots = path.join(repoRoot, 'test', 'screenshots');

let driver: Driver;
let http: Awaited<ReturnType<typeof startHttpServer>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  driver = testDriver();
  await freshGraphWithSeeds(driver);
  http = await startHttpServer({ driver, port: 0, clientDir: path.join(repoRoot, 'client', 'dist') });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  fs.mkdirSync(shots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await http?.close();
  await driver?.close();
});

const cyCount = (p: Page, selector: string) =>
  p.evaluate(
    (sel) => (window as unknown as { __cy: { elements(s: string): { length: number } } }).__cy.elements(sel).length,
    selector,
  );

describe('the viewer', () => {
  it('searches 控辍保学, shows its neighbourhood graph and the sentences that mention it', async () => {
    await page.goto(`${http.url}/`);
    await page.getByRole('textbox', { name: '搜索政策、项目、学校、地名' }).fill('控辍保学');
    const suggestion = page.getByRole('option').filter({ hasText: '控辍保学' }).first();
    await suggestion.waitFor();
    await expect(suggestion.textContent()).resolves.toMatch(/政策\/口号/);
    await suggestion.getByRole('button').click();

    await page.waitForFunction(() => (window as any).__cy?.nodes().length > 3);
    expect(await cyCount(page, 'node[kind = "REPORT"]')).toBeGreaterThan(0);
    expect(await cyCount(page, 'edge')).toBeGreaterThan(2);

    const sentences = page.getByTestId('sentences').locator('li');
    await sentences.first().waitFor();
    expect(await sentences.count()).toBeGreaterThanOrEqual(5);
    const marks = await page.locator('.sentences mark').allTextContents();
    // Highlighted as written: simplified in 001, traditional in 004.
    expect(new Set(marks)).toEqual(new Set(['控辍保学', '控輟保學']));
    await expect(page.getByTestId('status').textContent()).resolves.toMatch(/控辍保学/);
    expect(page.url()).toContain('entity=POLICY');
    // Each line names where the report is from: the traditional-spelling one is 将乐县's.
    const sources = await page.locator('.sentences .source').allTextContents();
    expect(sources.some((s) => s.includes('将乐县(三明市·福建省)'))).toBe(true);
    expect(sources.some((s) => s.includes('xx市(匿名)(黔南布依族苗族自治州·贵州省) · 2024年'))).toBe(true);
    // Which places mention it: 将乐县 (the traditional-spelling report) and the anonymised xx市.
    const spreadRows = await page.getByTestId('spread').locator('tbody tr').allTextContents();
    expect(spreadRows.some((r) => r.startsWith('将乐县'))).toBe(true);
    expect(spreadRows.some((r) => r.startsWith('xx市(匿名)'))).toBe(true);
    await page.screenshot({ path: path.join(shots, 'viewer-kongchuobaoxue.png') });
  });

  it('clicking a neighbour expands the graph and shows its evidence', async () => {
    const before = await cyCount(page, 'node');
    // Tap the first entity neighbour whose own neighbourhood reaches beyond the current graph.
    const target = await page.evaluate(async () => {
      const cy = (window as any).__cy;
      const shown = new Set(cy.nodes().map((n: any) => n.id()));
      for (const n of cy.nodes('[kind != "REPORT"]').toArray()) {
        if (n.id() === 'POLICY:控辍保学') continue;
        const res = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query: 'query($id: ID!) { neighborhood(id: $id) { nodes { id } } }',
            variables: { id: n.id() },
          }),
        });
        const body = await res.json();
        if (body.data.neighborhood.nodes.some((x: any) => !shown.has(x.id))) {
          n.emit('tap');
          return n.data('label') as string;
        }
      }
      throw new Error('no expandable neighbour');
    });
    await page.locator('.evidence h2').filter({ hasText: target }).waitFor();
    await page.waitForFunction((n) => (window as any).__cy.nodes().length > n, before);
    expect(await cyCount(page, 'node')).toBeGreaterThan(before);
    await page.screenshot({ path: path.join(shots, 'viewer-expanded.png') });
  });

  it('a shared URL answers: which places mention 两学一做, in which sentences, and what is mentioned with it', async () => {
    const fresh = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await fresh.goto(`${http.url}/?entity=${encodeURIComponent('POLICY:两学一做')}`);
    await fresh.locator('.evidence h2').filter({ hasText: '两学一做' }).waitFor();
    await fresh.waitForFunction(() => (window as any).__cy?.nodes().length > 1);
    // Places: 金湾区 (traditional-spelling report) and the anonymised xx市.
    const places = await fresh.getByTestId('spread').locator('tbody tr').allTextContents();
    expect(places.some((r) => r.startsWith('金湾区'))).toBe(true);
    expect(places.some((r) => r.startsWith('xx市(匿名)'))).toBe(true);
    // Sentences, as written in both scripts (004 keeps its pinyin glosses: 兩學(xué)一做).
    const marks = await fresh.locator('.sentences mark').allTextContents();
    // 001 names the campaign in full: “两学一做”学习教育.
    expect(marks.some((m) => m.includes('两学一做'))).toBe(true);
    expect(marks.some((m) => m.replace(/\([^)]*\)/g, '') === '兩學一做')).toBe(true);
    // What is mentioned with it: its graph neighbours, also listed for the keyboard.
    const neighbours = await fresh.locator('.neighbours li').allTextContents();
    expect(neighbours.length).toBeGreaterThan(2);
    expect(await cyCount(fresh, 'edge')).toBeGreaterThan(2);
    await fresh.screenshot({ path: path.join(shots, 'viewer-liangxueyizuo.png') });
    await fresh.close();
  });

  it('a place entity shows the division it is: its code and the places above it', async () => {
    const fresh = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await fresh.goto(`${http.url}/?entity=${encodeURIComponent('PLACE:440400')}`);
    // Written 珠海 and 珠海市 in seed 004, named once, in full.
    await fresh.locator('.evidence h2').filter({ hasText: '珠海市' }).waitFor();
    await expect(fresh.getByTestId('entity-place').textContent()).resolves.toBe(
      '行政区划代码 440400 · 珠海市 < 广东省',
    );
    await fresh.close();
  });
});

/** Clicks `button` and returns the downloaded file's name and bytes. */
async function downloadFrom(p: Page, testId: string): Promise<{ name: string; body: Buffer }> {
  const [download] = await Promise.all([p.waitForEvent('download'), p.getByTestId(testId).click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), body: fs.readFileSync(file) };
}

describe('the research workbench', () => {
  let work: Page;
  beforeAll(async () => {
    work = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    await work.goto(`${http.url}/?entity=${encodeURIComponent('POLICY:控辍保学')}`);
    await work.locator('.evidence h2').filter({ hasText: '控辍保学' }).waitFor();
    await work.waitForFunction(() => (window as any).__cy?.nodes().length > 3);
  });
  afterAll(() => work?.close());

  it('an evidence line opens the full report with that mention highlighted', async () => {
    const line = work.getByTestId('sentences').locator('li').filter({ hasText: '控輟保學' }).first();
    const sentence = (await line.locator('.sentence').textContent())!;
    await line.locator('.source a').click();
    const view = work.getByTestId('report-view');
    await view.waitFor();
    const target = view.locator('mark.target');
    await target.waitFor();
    expect(await target.textContent()).toBe('控輟保學');
    // The highlighted mention sits in the sentence the evidence line quoted, scrolled into view.
    expect(sentence).toContain((await target.locator('xpath=ancestor::span[@data-sentence]').textContent())!);
    await expect(target.isVisible()).resolves.toBe(true);
    const box = (await target.boundingBox())!;
    expect(box.y).toBeGreaterThan(0);
    expect(box.y).toBeLessThan(800);
    expect(await view.locator('.report-head .meta').textContent()).toMatch(/将乐县/);
    // Other entities in the report are marked too, and the URL cites the mention.
    expect(await view.locator('mark.mention').count()).toBeGreaterThan(10);
    expect(work.url()).toMatch(/view=report&report=[^&]+&at=\d+/);
    await work.screenshot({ path: path.join(shots, 'workbench-report-view.png') });
    await view.getByRole('button', { name: '返回' }).click();
    await work.getByTestId('graph').waitFor();
  });

  it('clicking a report node opens that report', async () => {
    const title = await work.evaluate(() => {
      const node = (window as any).__cy.nodes('[kind = "REPORT"]')[0];
      node.emit('tap');
      return node.data('label') as string;
    });
    const view = work.getByTestId('report-view');
    await view.waitFor();
    expect(await view.locator('h2').textContent()).toBe(title);
    await view.getByRole('button', { name: '返回' }).click();
    await work.getByTestId('graph').waitFor();
  });

  it('the matrix shows which places mention 控辍保学, drills down from province to county and exports CSV', async () => {
    await work.getByRole('tab', { name: '地区矩阵' }).click();
    const table = work.getByTestId('matrix');
    await table.waitFor();
    const rows = await table.locator('tbody th').allTextContents();
    expect(rows.some((r) => r.startsWith('将乐县'))).toBe(true);
    expect(rows.some((r) => r.startsWith('xx市'))).toBe(true);
    const header = await table.locator('thead th').allTextContents();
    expect(header[1]).toMatch(/控辍保学/);
    expect(header.length).toBeGreaterThan(2); // its strongest policy/program neighbours join as columns
    await expect(work.getByTestId('timeline').textContent()).resolves.toMatch(/传播时间线/);
    await work.screenshot({ path: path.join(shots, 'workbench-matrix.png') });

    const csv = await downloadFrom(work, 'export-matrix-csv');
    expect(csv.name).toMatch(/matrix\.csv$/);
    const parsed = parseCsv(csv.body.toString('utf8'));
    expect(parsed[0]).toContain('entity_id');
    const jiangle = parsed.find((r) => r[1] === '将乐县' && r[5] === 'POLICY:控辍保学');
    expect(jiangle?.[8]).toBe('1'); // one report
    expect(Number(jiangle?.[9])).toBeGreaterThanOrEqual(1);

    // Drill-down: provinces → 福建省's cities → 三明市's counties → 将乐县.
    await work.getByRole('combobox').filter({ hasText: '省' }).selectOption('PROVINCE');
    await table.locator('tbody th').filter({ hasText: '福建省' }).waitFor();
    await table.getByRole('button', { name: /福建省/ }).click();
    await table.getByRole('button', { name: /三明市/ }).click();
    await table.locator('tbody th').filter({ hasText: '将乐县' }).waitFor();
    expect(await work.locator('.crumbs').textContent()).toMatch(/全国 › 福建省 › 三明市/);
    expect(work.url()).toMatch(/within=/);
  });

  it('exports the graph as PNG, GraphML and Cytoscape JSON, and the evidence as CSV', async () => {
    await work.getByRole('tab', { name: '关系图' }).click();
    await work.waitForFunction(() => (window as any).__cy?.nodes().length > 3);
    const shown = await work.evaluate(() => ({
      nodes: (window as any).__cy.nodes().length as number,
      edges: (window as any).__cy.edges().length as number,
    }));

    const png = await downloadFrom(work, 'export-png');
    expect(png.body.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.body.readUInt32BE(16)).toBeGreaterThan(100); // IHDR width

    const graphml = await downloadFrom(work, 'export-graphml');
    const counted = await work.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      if (doc.querySelector('parsererror')) throw new Error('GraphML does not parse');
      return { nodes: doc.getElementsByTagName('node').length, edges: doc.getElementsByTagName('edge').length };
    }, graphml.body.toString('utf8'));
    expect(counted).toEqual(shown);

    const cyjs = JSON.parse((await downloadFrom(work, 'export-cyjs')).body.toString('utf8'));
    expect(cyjs.elements.nodes).toHaveLength(shown.nodes);
    expect(cyjs.elements.edges).toHaveLength(shown.edges);
    expect(cyjs.elements.nodes[0].position).toBeDefined();

    const mentions = parseCsv((await downloadFrom(work, 'export-mentions-csv')).body.toString('utf8'));
    const kwic = parseCsv((await downloadFrom(work, 'export-kwic-csv')).body.toString('utf8'));
    const total = await work.evaluate(async () => {
      const res = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ entity(id: "POLICY:控辍保学") { mentionCount } }' }),
      });
      return (await res.json()).data.entity.mentionCount as number;
    });
    expect(mentions.length - 1).toBe(total);
    expect(kwic.length - 1).toBe(total);
    expect(new Set(kwic.slice(1).map((r) => r[1]))).toEqual(new Set(['控辍保学', '控輟保學']));
  });

  it('the kind filter hides kinds from the graph and survives in the URL', async () => {
    const before = await cyCount(work, 'node[kind = "DOCUMENT"]');
    expect(before).toBeGreaterThan(0);
    await work.locator('fieldset.kinds label').filter({ hasText: '文件' }).locator('input').uncheck();
    await work.waitForFunction(() => (window as any).__cy.nodes('[kind = "DOCUMENT"]').length === 0);
    expect(work.url()).toMatch(/kinds=/);
    expect(work.url()).not.toMatch(/DOCUMENT/);
    expect(await cyCount(work, 'node[kind = "POLICY"]')).toBeGreaterThan(0);
  });

  it('works from the keyboard: search, pick a suggestion, open a report from the evidence', async () => {
    const kb = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await kb.goto(`${http.url}/`);
    const box = kb.getByRole('textbox', { name: '搜索政策、项目、学校、地名' });
    await box.focus();
    await kb.keyboard.type('两学一做');
    await kb.getByRole('option').first().waitFor();
    await kb.keyboard.press('ArrowDown');
    await kb.keyboard.press('Enter');
    await kb.locator('.evidence h2').filter({ hasText: '两学一做' }).waitFor();
    await kb.locator('.sentences .source a').first().focus();
    await kb.keyboard.press('Enter');
    await kb.getByTestId('report-view').locator('mark.target').waitFor();
    await kb.close();
  });

  it('lays out a 2,000-node graph off the main thread and stays usable', async () => {
    // A page of its own: no pending fetch of the app may replace the synthetic graph.
    const big = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await big.goto(`${http.url}/`);
    await big.waitForFunction(() => (window as any).__cy);
    const result = await big.evaluate(async () => {
      const w = window as any;
      const cy = w.__cy;
      cy.elements().remove();
      const els: any[] = [];
      let seed = 7;
      const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
      // Shaped like the app's own elements: kind colours, weights on nodes and edges.
      const colors = ['#d1495b', '#edae49', '#00798c', '#30638e', '#6a4c93', '#5c8001'];
      for (let i = 0; i < 2000; i++)
        els.push({ group: 'nodes', data: { id: `n${i}`, label: `节点${i}`, weight: 1, color: colors[i % 6] } });
      // Scale-free-ish: each node links to an earlier one, early nodes become hubs.
      for (let i = 1; i < 2000; i++)
        els.push({
          group: 'edges',
          data: { id: `e${i}`, source: `n${i}`, target: `n${Math.floor(rnd() * rnd() * i)}`, weight: 1 },
        });
      cy.add(els);
      // The longest stall of the page's event loop while the layout runs.
      let last = performance.now();
      let worst = 0;
      const tick = setInterval(() => {
        const t = performance.now();
        worst = Math.max(worst, t - last);
        last = t;
      }, 10);
      const r = await w.__pgLayout(cy, true);
      clearInterval(tick);
      const bb = cy.nodes().boundingBox();
      const pos = cy.nodes().map((n: any) => n.position());
      let crowded = 0;
      for (let i = 0; i < 200; i++)
        if (pos.some((p: any, j: number) => j !== i && Math.hypot(p.x - pos[i].x, p.y - pos[i].y) < 10)) crowded++;
      return { ...r, worst, w: bb.w, h: bb.h, crowded: crowded / 200 };
    });
    console.log(
      `2,000-node fCoSE layout: ${Math.round(result.ms)} ms in a worker; longest main-thread stall ${Math.round(result.worst)} ms; ${Math.round(result.crowded * 100)}% of sampled nodes within 10 px of another`,
    );
    expect(result.offThread).toBe(true);
    expect(result.applied).toBe(true);
    // Laid out, not piled on a few points.
    expect(result.w).toBeGreaterThan(1000);
    expect(result.h).toBeGreaterThan(1000);
    expect(result.crowded).toBeLessThan(0.1);
    await big.screenshot({ path: path.join(shots, 'workbench-2000-nodes.png') });
    // Still interactive after the layout: the page answers a click.
    await big.getByRole('tab', { name: '地区矩阵' }).click();
    await big.getByTestId('matrix-view').waitFor();
    await big.close();
  });
});
