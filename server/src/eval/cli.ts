#!/usr/bin/env node
/**
 * `npm run eval`: precision/recall/F1 per entity kind on the seeds against the gold
 * annotation in server/eval/gold, and how many gold terms stock jieba keeps whole.
 */
import fs from 'node:fs';
import path from 'node:path';
import { normalise } from '../normalise/index.js';
import { repoRoot } from '../neo4j/paths.js';
import { buildLexicon, shippedLexicon } from '../extract/lexicon.js';
import { analyzeSource, type AnalyzedReport } from '../pipeline/analyze.js';
import { collectFiles, readSourceFile } from '../read/read-file.js';
import { stockCut } from '../segment/jieba.js';
import {
  isDoubtful,
  matchReport,
  scoreByKind,
  type GoldEntity,
  type KindScore,
  type MatchMode,
  type ReportMatch,
} from './score.js';

const KINDS = ['POLICY', 'PROGRAM', 'SCHOOL', 'DOCUMENT'];
const TARGETS: Record<string, { precision: number; recall: number }> = {
  POLICY: { precision: 0.9, recall: 0.95 },
  PROGRAM: { precision: 0.9, recall: 0.95 },
  SCHOOL: { precision: 0.9, recall: 0.9 },
};

interface GoldFile {
  report: string;
  entities: GoldEntity[];
}

const clean = (s: string) =>
  normalise(s)
    .clean.text.replace(/[“”"《》\s]/gu, '')
    .trim();

function loadGold(dir: string): Map<string, GoldEntity[]> {
  const gold = new Map<string, GoldEntity[]>();
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.json'))) {
    const g = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as GoldFile;
    gold.set(
      g.report,
      g.entities.filter((e) => KINDS.includes(e.kind)),
    );
  }
  return gold;
}

/** Gold terms (POLICY/PROGRAM/SCHOOL) that stock jieba leaves as one token where they occur. */
function stockJiebaBaseline(reports: AnalyzedReport[], gold: Map<string, GoldEntity[]>) {
  let whole = 0;
  let total = 0;
  const split: string[] = [];
  for (const r of reports) {
    const text = r.sentences.map((s) => s.normText).join('\n');
    for (const g of gold.get(r.id) ?? []) {
      if (g.kind === 'DOCUMENT') continue;
      const term = clean(g.canonical);
      const at = text.indexOf(term);
      if (at === -1) continue;
      total++;
      const lineStart = text.lastIndexOf('\n', at) + 1;
      const lineEnd = text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at);
      let pos = lineStart;
      const edges = new Set<number>();
      for (const w of stockCut(text.slice(lineStart, lineEnd))) {
        edges.add(pos);
        pos += w.length;
        edges.add(pos);
      }
      if (edges.has(at) && edges.has(at + term.length) && stockCut(term).length === 1) whole++;
      else split.push(term);
    }
  }
  return { whole, total, split };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function printTable(title: string, scores: KindScore[], withTargets: boolean): void {
  console.log(`\n${title}\n`);
  console.log('| kind     | gold |   TP |   FP |   FN |      P |      R |     F1 | target |');
  console.log('|----------|-----:|-----:|-----:|-----:|-------:|-------:|-------:|--------|');
  for (const s of scores) {
    const t = withTargets ? TARGETS[s.kind] : undefined;
    const verdict = t
      ? `P≥${pct(t.precision)} R≥${pct(t.recall)} ${s.precision >= t.precision && s.recall >= t.recall ? 'met' : 'NOT met'}`
      : '—';
    console.log(
      `| ${s.kind.padEnd(8)} | ${String(s.tp + s.fn).padStart(4)} | ${String(s.tp).padStart(4)} | ${String(s.fp).padStart(4)} | ${String(s.fn).padStart(4)} | ${pct(s.precision).padStart(6)} | ${pct(s.recall).padStart(6)} | ${pct(s.f1).padStart(6)} | ${verdict} |`,
    );
  }
}

/** Every report the gold covers, its entities of the scored kinds matched against the gold. */
function matchAll(reports: AnalyzedReport[], gold: Map<string, GoldEntity[]>, mode: MatchMode): ReportMatch[] {
  return reports
    .filter((r) => gold.has(r.id))
    .map((r) =>
      matchReport(
        r.id,
        gold.get(r.id)!,
        r.entities.filter((e) => KINDS.includes(e.kind)),
        clean,
        mode,
      ),
    );
}

const pr = (s: KindScore) => `${pct(s.precision).padStart(6)} / ${pct(s.recall).padStart(6)}`;

/**
 * The seed gold adjudicates two independent annotations (gold/annotators/a, b). How far the annotators agree
 * with each other is the ceiling any one annotator's gold sets; the extractor is scored against each alone too.
 */
function printAnnotatorAgreement(goldDir: string, reports: AnalyzedReport[], adjudicated: ReportMatch[]): void {
  const dirs = ['a', 'b'].map((x) => path.join(goldDir, 'annotators', x));
  if (!dirs.every((d) => fs.existsSync(d))) return;
  const [a, b] = dirs.map(loadGold) as [Map<string, GoldEntity[]>, Map<string, GoldEntity[]>];
  const asPredictions = (es: GoldEntity[]) => es.map((e) => ({ kind: e.kind, name: e.canonical, aliases: e.surfaces }));
  const between = [...b.keys()].map((r) => matchReport(r, b.get(r)!, asPredictions(a.get(r) ?? []), clean));
  const columns = [between, matchAll(reports, a, {}), matchAll(reports, b, {}), adjudicated].map((x) =>
    scoreByKind(x, KINDS),
  );
  console.log('\nTwo annotators (strict P / R; annotator A read as predictions against annotator B)\n');
  console.log('| kind     | A against B     | extractor vs A  | extractor vs B  | vs adjudicated  |');
  console.log('|----------|-----------------|-----------------|-----------------|-----------------|');
  KINDS.forEach((k, i) => console.log(`| ${k.padEnd(8)} | ${columns.map((c) => pr(c[i]!)).join(' | ')} |`));
}

function main() {
  const root = repoRoot();
  // --heldout: reports written for the evaluation by someone who had not read the extractor or the lexicon.
  // --test: a second such set, kept for measuring only (never looked at while changing rules or lexicon).
  const test = process.argv.includes('--test');
  const heldout = test || process.argv.includes('--heldout');
  const verbose = process.argv.includes('--verbose');
  if (test && verbose) {
    console.error(
      '--test is only measured: its misses are not listed (use --heldout --verbose for the development set).',
    );
    process.exit(2);
  }
  const dir = test ? 'heldout-test' : 'heldout';
  const set = heldout
    ? {
        texts: path.join(root, 'server', 'eval', dir, 'texts'),
        gold: path.join(root, 'server', 'eval', dir, 'gold'),
      }
    : { texts: path.join(root, 'seeds'), gold: path.join(root, 'server', 'eval', 'gold') };
  const gold = loadGold(set.gold);
  // Honesty checks: the lexicon without the terms read off the seeds, or no lexicon at all (rules only).
  const noLexicon = process.argv.includes('--no-lexicon');
  const noSeedTerms = process.argv.includes('--no-seed-terms');
  const lex = noLexicon ? buildLexicon([]) : shippedLexicon({ withoutSeedTerms: noSeedTerms });
  const lexiconNote = noLexicon
    ? 'no lexicon (rules only)'
    : noSeedTerms
      ? `lexicon without seed-derived terms (${lex.entries.length} entries)`
      : `full lexicon (${lex.entries.length} entries)`;
  const { files } = collectFiles([set.texts]);
  const reportsPromise = Promise.all(files.map((f) => readSourceFile(f.path, f.root)));
  return reportsPromise.then((sources) => {
    const reports = sources.flatMap((s) => analyzeSource(s, lex));
    const baseline = stockJiebaBaseline(reports, gold);
    const run = (mode: MatchMode): ReportMatch[] => matchAll(reports, gold, mode);
    const results = run({});
    const lenient = run({ boundary: true });
    const merged = run({ boundary: true, policyProgram: true });
    const confident = run({ optional: true });
    console.log(
      `${test ? 'Held-out test set' : heldout ? 'Held-out set' : 'Seeds'}: ${results.length} reports (${[...gold.keys()].join(', ')}); ${lexiconNote}`,
    );
    printTable('Strict: same kind, same name (canonical, surface or alias)', scoreByKind(results, KINDS), true);
    const doubtful = [...gold.values()].flat().filter(isDoubtful);
    const doubtfulBy = KINDS.map((k) => `${k} ${doubtful.filter((g) => g.kind === k).length}`).join(', ');
    printTable(
      `Strict, doubtful gold optional: the ${doubtful.length} entities the annotator marked doubtful (${doubtfulBy}) count neither way`,
      scoreByKind(confident, KINDS),
      true,
    );
    printTable(
      'Boundary-lenient: also a place/level prefix (广东省教育强市 ~ 教育强市) or a generic suffix (平安校园建设 ~ 平安校园)',
      scoreByKind(lenient, KINDS),
      true,
    );
    const pp = scoreByKind(
      merged.map((r) => ({
        ...r,
        hits: r.hits.map((h) => ({ ...h, kind: h.kind === 'PROGRAM' ? 'POLICY' : h.kind })),
        misses: r.misses.map((m) => ({ ...m, kind: m.kind === 'PROGRAM' ? 'POLICY' : m.kind })),
        falsePositives: r.falsePositives.map((f) => ({ ...f, kind: f.kind === 'PROGRAM' ? 'POLICY' : f.kind })),
      })),
      ['POLICY'],
    ).map((s) => ({ ...s, kind: 'POL+PROG' }));
    printTable('Boundary-lenient, POLICY and PROGRAM as one kind', pp, false);
    console.log(
      `\nBaseline: stock jieba keeps ${baseline.whole} of ${baseline.total} gold policy/program/school terms whole (${pct(baseline.whole / Math.max(1, baseline.total))}).`,
    );
    if (!heldout) printAnnotatorAgreement(set.gold, reports, results);
    if (verbose) {
      console.log(`  split by stock jieba: ${baseline.split.join(' ')}`);
      for (const r of results) {
        console.log(`\n${r.report}`);
        for (const m of r.misses) console.log(`  miss  ${m.kind.padEnd(8)} ${m.canonical}`);
        for (const p of r.falsePositives) console.log(`  extra ${p.kind.padEnd(8)} ${p.name}`);
      }
    }
    const out = path.join(root, 'server', 'eval', heldout ? `results-${dir}.json` : 'results.json');
    fs.writeFileSync(
      out,
      JSON.stringify(
        {
          lexicon: lexiconNote,
          strict: scoreByKind(results, KINDS),
          doubtfulOptional: scoreByKind(confident, KINDS),
          lenient: scoreByKind(lenient, KINDS),
          baseline: test ? { whole: baseline.whole, total: baseline.total } : baseline,
          // The test set keeps its misses unread: scores only.
          results: test ? undefined : results,
        },
        null,
        2,
      ) + '\n',
    );
    console.log(
      `\nDetails: ${path.relative(process.cwd(), out)} (misses and extras per report; --verbose prints them)`,
    );
  });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
