import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { freePort } from '@policygraph/server';
import { describe, expect, it } from 'vitest';
import { repoRoot, seedsDir } from '../helpers.js';

const cli = path.join(repoRoot, 'server', 'dist', 'cli.js');
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });

describe('policygraph CLI', () => {
  it('analyze --json runs the pipeline without a database, with offsets into the original text', () => {
    const r = run(['analyze', seedsDir, '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { reports: any[]; errors: unknown[] };
    expect(out.errors).toEqual([]);
    expect(out.reports).toHaveLength(7);
    const r004 = out.reports.find((x) => x.id.startsWith('004'));
    const m = r004.mentions.find((x: any) => x.key === 'POLICY:两学一做');
    expect(m.surface).toBe('兩學(xué)一做');
    const original = fs.readFileSync(r004.sourcePath, 'utf8');
    expect(original.slice(m.start, m.end)).toBe(m.surface);
    const r001 = out.reports.find((x) => x.id.startsWith('001'));
    expect(r001.entities.map((e: any) => e.name)).toEqual(expect.arrayContaining(['两学一做', '控辍保学', '龙昌中学']));
  });

  it('analyze gives each seed report its place, chain and year, with the evidence', () => {
    const r = run(['analyze', seedsDir, '--json']);
    const reports = (JSON.parse(r.stdout) as { reports: any[] }).reports;
    const summary = Object.fromEntries(
      reports.map((x) => [
        x.id.slice(0, 3) + (x.part > 1 || x.partCount > 1 ? `/${x.part}` : ''),
        {
          place: x.place.place?.name ?? x.place.anonymisedName,
          status: x.place.status,
          chain: x.place.chain.map((c: any) => c.name).join('<'),
          year: x.year.year,
          coversYear: x.year.coversYear,
        },
      ]),
    );
    expect(summary).toEqual({
      '000': { place: 'Xx县', status: 'anonymised', chain: '', year: 2023, coversYear: 2023 },
      '001': {
        place: 'xx市',
        status: 'anonymised',
        chain: '黔南布依族苗族自治州<贵州省',
        year: 2024,
        coversYear: null,
      },
      '002': { place: 'XX市', status: 'anonymised', chain: '', year: null, coversYear: null },
      '003': { place: '阳春市', status: 'inferred', chain: '阳江市<广东省', year: 2023, coversYear: 2023 },
      '004/1': { place: '金湾区', status: 'resolved', chain: '珠海市<广东省', year: null, coversYear: null },
      '004/2': { place: '武清区', status: 'resolved', chain: '天津市', year: null, coversYear: null },
      '004/3': { place: '将乐县', status: 'resolved', chain: '三明市<福建省', year: null, coversYear: null },
    });
    const r3 = reports.find((x) => x.id.startsWith('003'));
    expect(r3.place.evidence.join('\n')).toMatch(/only 市 directly under 阳江市/);
    expect(reports.filter((x) => x.id.startsWith('004')).map((x) => x.title)).toEqual([
      '教育局季度工作总结一',
      '教育局季度工作总结二',
      '教育局季度工作总结三',
    ]);
  });

  it('prints a readable summary by default', () => {
    const r = run(['analyze', path.join(seedsDir, '004_d7713d232ce62d68.txt')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/place: +金湾区 < 珠海市 < 广东省 \(440404\) \[resolved\]/);
    expect(r.stdout).toMatch(/warning: +file holds 3 reports/);
  });

  it('names bad files and exits non-zero', () => {
    const r = run(['analyze', path.join(repoRoot, 'package.json'), path.join(repoRoot, 'no-such-file.txt')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/package\.json: unsupported file type/);
    expect(r.stderr).toMatch(/no-such-file\.txt: no such file/);
  });

  it('reports an unreachable Neo4j clearly, without a stack trace', () => {
    const r = run(['ingest', seedsDir], { NEO4J_URI: 'bolt://127.0.0.1:1' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: Cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('ingest stopped by SIGTERM stops the local Neo4j it started, and says so in its exit code', async () => {
    const state = fs.mkdtempSync(path.join(os.tmpdir(), 'policygraph-cli-signal-'));
    try {
      const child = spawn(process.execPath, [cli, 'ingest', seedsDir, '--workers', '0'], {
        env: {
          ...process.env,
          NEO4J_URI: '',
          POLICYGRAPH_STATE: state,
          POLICYGRAPH_BOLT_PORT: String(await freePort()),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      // Signal as soon as the server is up: the command is then migrating or ingesting.
      const neo4jPid = await new Promise<number>((resolve, reject) => {
        readline.createInterface({ input: child.stdout! }).on('line', (line) => {
          const m = /Neo4j ready at .* \(pid (\d+)\)/.exec(line);
          if (m) resolve(Number(m[1]));
        });
        void exited.then(() => reject(new Error('ingest exited before Neo4j was ready')));
      });
      child.kill('SIGTERM');
      expect(await exited).toBe(143);
      const alive = () => {
        try {
          process.kill(neo4jPid, 0);
          return true;
        } catch {
          return false;
        }
      };
      expect(alive()).toBe(false);
      expect(fs.existsSync(path.join(state, 'neo4j', 'run', 'policygraph-neo4j.json'))).toBe(false);
    } finally {
      fs.rmSync(state, { recursive: true, force: true });
    }
  });
});
