import fs from 'node:fs';
import path from 'node:path';
import { startHttpServer } from '@policygraph/server';
import type { Driver } from 'neo4j-driver';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshGraphWithSeeds, repoRoot, testDriver } from '../helpers.js';

// Debian's chromium; tests never download a browser.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const shots = path.join(repoRoot, 'test', 'screenshots');

let driver: Driver;
let http: Awaited<ReturnType<typeof startHttpServer>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  driver = testDriver();
  await freshGraphWithSeeds(driver);
  http = await startHttpServer({ driver, port: 0, clientDir: path.join(repoRoot, 'client', 'dist') });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
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

  it('a shared URL reopens the same entity', async () => {
    const fresh = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await fresh.goto(`${http.url}/?entity=${encodeURIComponent('POLICY:两学一做')}`);
    await fresh.locator('.evidence h2').filter({ hasText: '两学一做' }).waitFor();
    await fresh.waitForFunction(() => (window as any).__cy?.nodes().length > 1);
    await fresh.close();
  });
});
