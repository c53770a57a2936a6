import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
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
    expect(out.reports).toHaveLength(5);
    const r004 = out.reports.find((x) => x.id.startsWith('004'));
    const m = r004.mentions.find((x: any) => x.key === 'POLICY:两学一做');
    expect(m.surface).toBe('兩學(xué)一做');
    const original = fs.readFileSync(r004.sourcePath, 'utf8');
    expect(original.slice(m.start, m.end)).toBe(m.surface);
    const r001 = out.reports.find((x) => x.id.startsWith('001'));
    expect(r001.entities.map((e: any) => e.name)).toEqual(expect.arrayContaining(['两学一做', '控辍保学', '龙昌中学']));
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
});
