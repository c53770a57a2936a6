#!/usr/bin/env node
/**
 * `node server/dist/bench/profile-writes.js [--n 600] [--group 32]`: where the write time goes.
 * Fills a throwaway Neo4j with two thirds of a synthetic corpus (warming the JVM), then writes
 * the rest in groups, running each writer statement on its own inside the group's transaction
 * and timing it, the commit included; prints milliseconds per file and db hits per statement.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { ingestPaths } from '../load/ingest.js';
import { WRITE_PARTS, writeParams } from '../load/write-report.js';
import { analyzeSource, type AnalyzedReport } from '../pipeline/analyze.js';
import { collectFiles, readSourceFile } from '../read/read-file.js';
import { corpusDir, withNeo4j } from './neo4j-run.js';

interface Plan {
  dbHits: number;
  children: Plan[];
}
const hits = (p: Plan): number => p.dbHits + p.children.reduce((n, c) => n + hits(c), 0);

/** Only the parameters a statement names: sending all of them to each one timed the transfer, not the work. */
function paramsOf(statement: string, all: Record<string, unknown>): Record<string, unknown> {
  const names = new Set([...statement.matchAll(/\$(\w+)/gu)].map((m) => m[1]!));
  return Object.fromEntries(Object.entries(all).filter(([k]) => names.has(k)));
}

async function profileGroups(driver: Driver, groups: AnalyzedReport[][][]) {
  const ms = new Map<string, number>();
  const serverMs = new Map<string, number>();
  const dbHits = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  for (const group of groups) {
    const params = writeParams(group.flat(), [], []);
    const session = driver.session();
    const tx = session.beginTransaction();
    try {
      for (const [name, statement] of Object.entries(WRITE_PARTS)) {
        const t = performance.now();
        const r = await tx.run(`PROFILE ${statement}`, paramsOf(statement, params));
        add(ms, name, performance.now() - t);
        add(serverMs, name, Number(r.summary.resultAvailableAfter) + Number(r.summary.resultConsumedAfter));
        add(dbHits, name, r.summary.profile ? hits(r.summary.profile as Plan) : 0);
      }
      const t = performance.now();
      await tx.commit();
      add(ms, 'commit', performance.now() - t);
    } finally {
      await session.close();
    }
  }
  return { ms, serverMs, dbHits };
}

async function main() {
  const { values } = parseArgs({
    options: { n: { type: 'string', default: '600' }, group: { type: 'string', default: '32' } },
  });
  const n = Number(values.n);
  const k = Number(values.group);
  const dir = corpusDir(n);
  const files = collectFiles([dir]).files;
  const fill = Math.floor((files.length * 2) / 3);
  const fillDir = fs.mkdtempSync(path.join(dir, '..', 'fill-'));
  try {
    for (const f of files.slice(0, fill)) fs.symlinkSync(f.path, path.join(fillDir, path.basename(f.path)));
    const rest: AnalyzedReport[][] = [];
    for (const f of files.slice(fill)) rest.push(analyzeSource(await readSourceFile(f.path, f.root)));
    const groups: AnalyzedReport[][][] = [];
    for (let i = 0; i < rest.length; i += k) groups.push(rest.slice(i, i + k));
    await withNeo4j({}, async (driver) => {
      const t = Date.now();
      const s = await ingestPaths(driver, [fillDir], { workers: 1 });
      console.log(`filled with ${s.reports} reports in ${((Date.now() - t) / 1000).toFixed(1)} s`);
      // The first group pays for planning each statement; leave it out.
      await profileGroups(driver, groups.slice(0, 1));
      const measured = groups.slice(1);
      const files = measured.reduce((k, g) => k + g.length, 0);
      const { ms, serverMs, dbHits } = await profileGroups(driver, measured);
      const total = [...ms.values()].reduce((a, b) => a + b, 0);
      console.log(`\n${files} files in groups of ${k}: ${(total / files).toFixed(1)} ms per file`);
      console.log(
        '| statement | ms per file | share | of which in the server | db hits per file |\n|---|--:|--:|--:|--:|',
      );
      for (const [name, v] of ms) {
        const h = dbHits.get(name);
        const server = serverMs.get(name);
        console.log(
          `| ${name} | ${(v / files).toFixed(2)} | ${((100 * v) / total).toFixed(0)}% | ${server === undefined ? '' : (server / files).toFixed(2)} | ${h === undefined ? '' : Math.round(h / files)} |`,
        );
      }
    });
  } finally {
    fs.rmSync(fillDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
