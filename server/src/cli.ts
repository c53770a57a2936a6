#!/usr/bin/env node
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EntityKinds, isEntityKind } from '@policygraph/graph-schema';
import { formatReport } from './cli/format.js';
import { terminalProgress } from './cli/progress.js';
import { atShutdown, installShutdown, isStopping, nextStopSignal } from './cli/shutdown.js';
import { analyseInThread, defaultWorkers } from './pipeline/pool.js';
import { discoverTerms } from './extract/discover.js';
import { addLocalEntry, defaultLexicon, localLexiconPath } from './extract/lexicon.js';
import { isStockWord } from './segment/jieba.js';
import { ingestPaths } from './load/ingest.js';
import { migrate } from './load/migrate.js';
import { removeReport } from './load/write-report.js';
import { createDriver, localBoltPort, localHome, resolveTarget, verifyTarget } from './neo4j/connection.js';
import { localStatus, startLocalNeo4j, stopLocalNeo4j, type RunningNeo4j } from './neo4j/local-server.js';
import { repoRoot } from './neo4j/paths.js';
import { SetupError } from './neo4j/provision.js';
import type { AnalyzedReport } from './pipeline/analyze.js';
import { startHttpServer } from './query/http-server.js';
import { collectFiles, InputError } from './read/read-file.js';

const USAGE = `policygraph — Chinese policy terms in local education reports, as a graph

Usage:
  policygraph start [--port 4000] [dirs…]     Neo4j + ingest (default: seeds/) + GraphQL + viewer; Ctrl-C stops all
  policygraph analyze <files|dirs…> [--json]  run the text pipeline without a database
  policygraph ingest <files|dirs…> [--force] [--workers N]
                                              write reports to Neo4j (unchanged files are skipped)
  policygraph remove <report-id|file-id…>     delete reports and what only they mention
  policygraph discover <files|dirs…> [--top 50] [--json]
                                              new-term candidates (cohesion + branching entropy + quotes)
  policygraph lexicon add <term> --kind POLICY [--alias a,b]
                                              accept a term into the local lexicon (used from the next run)
  policygraph serve [--port 4000] [--host 127.0.0.1]
  policygraph neo4j start|stop|status         the project's local Neo4j (ignored when NEO4J_URI is set)

Environment: NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE (external server);
NEO4J_HOME (an installed Neo4j to launch); POLICYGRAPH_BOLT_PORT (local server, default 7687).`;

const log = (m: string) => console.log(m);

function clientDir(): string {
  return path.join(repoRoot(), 'client', 'dist');
}

/** Connects (starting the local Neo4j if needed), migrates, runs `fn`, and cleans up. */
async function withGraph<T>(
  fn: (driver: ReturnType<typeof createDriver>, database: string | undefined, local?: RunningNeo4j) => Promise<T>,
  opts: { keepRunning?: boolean } = {},
): Promise<T> {
  const { target, local } = await resolveTarget({ start: true, log });
  const driver = createDriver(target);
  // Ctrl-C or SIGTERM mid-command: the local Neo4j this process started stops with it.
  const forget = atShutdown(async () => {
    await driver.close();
    await local?.stop();
  });
  try {
    await verifyTarget(driver, target);
    const applied = await migrate(driver, target.database);
    if (applied.length) log(`Schema migrations applied: ${applied.join(', ')}`);
    return await fn(driver, target.database, local);
  } finally {
    forget();
    if (!opts.keepRunning) {
      await driver.close();
      await local?.stop();
    }
  }
}

/** Analyses files in this thread; bad files become InputErrors beside the reports. */
async function analyseFiles(args: string[]): Promise<{ reports: AnalyzedReport[]; errors: InputError[] }> {
  const { files, errors } = collectFiles(args);
  const reports: AnalyzedReport[] = [];
  for await (const { result } of analyseInThread(files)) {
    if (result.ok) reports.push(...result.reports);
    else errors.push(new InputError(result.file, result.reason));
  }
  return { reports, errors };
}

async function cmdAnalyze(args: string[], json: boolean): Promise<number> {
  const { reports, errors } = await analyseFiles(args);
  if (json) {
    const out = {
      reports,
      errors: errors.map((e) => ({ file: e.file, reason: e.reason })),
    };
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
  } else {
    for (const r of reports) console.log(formatReport(r) + '\n');
    for (const e of errors) console.error(`error: ${e.message}`);
  }
  return errors.length ? 1 : 0;
}

async function cmdDiscover(args: string[], top: number, json: boolean): Promise<number> {
  const { reports, errors } = await analyseFiles(args);
  const texts = reports.map((r) => r.sentences.map((s) => s.normText).join('\n'));
  const candidates = discoverTerms(texts, {
    known: new Set(defaultLexicon().forms.keys()),
    isWord: isStockWord,
    minFreq: texts.length > 50 ? 5 : 2,
    top,
  });
  if (json) process.stdout.write(JSON.stringify({ reports: texts.length, candidates }, null, 2) + '\n');
  else {
    console.log(
      `${candidates.length} candidates from ${texts.length} reports (accept one: policygraph lexicon add <term> --kind POLICY)`,
    );
    for (const c of candidates) {
      console.log(
        `  ${c.term.padEnd(10, '　')} score ${c.score.toFixed(1).padStart(6)}  freq ${String(c.freq).padStart(4)}  cohesion ${c.cohesion.toFixed(2)}  entropy L ${c.leftEntropy.toFixed(2)} R ${c.rightEntropy.toFixed(2)}${c.quoted ? `  quoted ${c.quoted}` : ''}`,
      );
    }
  }
  for (const e of errors) console.error(`error: ${e.message}`);
  return errors.length ? 1 : 0;
}

function cmdLexicon(args: string[], kind: string | undefined, alias: string | undefined): number {
  const [action, term] = args;
  if (action !== 'add' || !term)
    throw new SetupError('usage: policygraph lexicon add <term> --kind POLICY [--alias a,b]');
  const k = (kind ?? 'POLICY').toUpperCase();
  if (!isEntityKind(k)) throw new SetupError(`unknown kind ${kind}; one of ${EntityKinds.join(', ')}`);
  const aliases = (alias ?? '')
    .split(/[,，]/u)
    .map((a) => a.trim())
    .filter(Boolean);
  addLocalEntry({ kind: k, name: term, aliases });
  log(
    `Added ${k} ${term}${aliases.length ? ` (aliases ${aliases.join(', ')})` : ''} to ${localLexiconPath()}. Re-ingest with --force to apply it to stored reports.`,
  );
  return 0;
}

async function cmdIngest(args: string[], force: boolean, workers: number): Promise<number> {
  if (args.length === 0) throw new SetupError('ingest needs files or folders');
  // A bar on a terminal; a line per file in logs and pipes.
  const bar = process.stderr.isTTY ? terminalProgress(process.stderr) : undefined;
  const summary = await withGraph((driver, database) =>
    ingestPaths(driver, args, { database, force, workers, log: bar ? undefined : log, progress: bar?.update }),
  );
  bar?.done();
  log(
    `Ingested: ${summary.created} new, ${summary.replaced} replaced, ${summary.unchanged} unchanged files; ` +
      `${summary.reports} reports, ${summary.sentences} sentences, ${summary.mentions} mentions written; ` +
      `${(summary.bytes / 1e6).toFixed(1)} MB in ${summary.seconds.toFixed(1)} s; ${summary.failures.length} failed.`,
  );
  if (summary.termCandidates !== undefined)
    log(
      `New-term discovery: ${summary.termCandidates} candidates stored (GraphQL termCandidates; accept with \`policygraph lexicon add\`).`,
    );
  for (const f of summary.failures) console.error(`  failed: ${f.file}: ${f.reason}`);
  return summary.failures.length ? 1 : 0;
}

async function cmdServe(port: number, host: string, ingestDirs: string[]): Promise<number> {
  return withGraph(async (driver, database, local) => {
    if (ingestDirs.length) {
      log(`Ingesting ${ingestDirs.join(', ')}…`);
      const s = await ingestPaths(driver, ingestDirs, { database, log });
      log(`Ingested: ${s.created} new, ${s.replaced} replaced, ${s.unchanged} unchanged, ${s.failures.length} failed.`);
      for (const f of s.failures) console.error(`  failed: ${f.file}: ${f.reason}`);
    }
    const http = await startHttpServer({ driver, database, port, host, clientDir: clientDir() });
    log('');
    log(`  Viewer:   ${http.url}/`);
    log(`  GraphQL:  ${http.url}/graphql  (GraphiQL in a browser)`);
    log(`  Neo4j:    ${local?.uri ?? 'external (NEO4J_URI)'}`);
    log('');
    log('Press Ctrl-C to stop.');
    const sig = await nextStopSignal();
    log(`\n${sig}: stopping…`);
    await http.close();
    return 0;
  });
}

async function cmdNeo4j(action: string | undefined): Promise<number> {
  if (process.env.NEO4J_URI) {
    log(`NEO4J_URI is set (${process.env.NEO4J_URI}): the local server is not used.`);
    return 0;
  }
  const home = localHome();
  switch (action) {
    case 'start': {
      const running = await startLocalNeo4j({ home, boltPort: localBoltPort(), detached: true, log });
      log(`Neo4j running at ${running.uri} (pid ${running.pid}); stop it with \`policygraph neo4j stop\`.`);
      return 0;
    }
    case 'stop':
      log((await stopLocalNeo4j(home)) ? 'Neo4j stopped.' : 'Neo4j was not running.');
      return 0;
    case 'status': {
      const s = localStatus(home);
      log(s.running ? `running: ${s.uri} (pid ${s.pid}), data in ${home}` : `not running (data in ${home})`);
      return s.running ? 0 : 3;
    }
    default:
      throw new SetupError('usage: policygraph neo4j start|stop|status');
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      port: { type: 'string', default: process.env.PORT ?? '4000' },
      host: { type: 'string', default: '127.0.0.1' },
      top: { type: 'string', default: '50' },
      workers: { type: 'string' },
      kind: { type: 'string' },
      alias: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [cmd, ...rest] = positionals;
  const port = Number(values.port);
  if (values.help || !cmd) {
    console.log(USAGE);
    return cmd || values.help ? 0 : 2;
  }
  switch (cmd) {
    case 'analyze':
      return cmdAnalyze(rest, values.json);
    case 'ingest':
      return cmdIngest(rest, values.force, values.workers === undefined ? defaultWorkers() : Number(values.workers));
    case 'remove':
      return withGraph(async (driver, database) => {
        let missing = 0;
        for (const id of rest) {
          const removed = await removeReport(driver, id, database);
          log(removed.length ? `removed ${removed.join(', ')}` : `no report ${id}`);
          if (removed.length === 0) missing++;
        }
        return missing ? 1 : 0;
      });
    case 'serve':
      return cmdServe(port, values.host, []);
    case 'discover':
      return cmdDiscover(rest, Number(values.top), values.json);
    case 'lexicon':
      return cmdLexicon(rest, values.kind, values.alias);
    case 'start':
      return cmdServe(port, values.host, rest.length ? rest : [path.join(repoRoot(), 'seeds')]);
    case 'neo4j':
      return cmdNeo4j(rest[0]);
    default:
      console.error(`unknown command: ${cmd}\n\n${USAGE}`);
      return 2;
  }
}

/** Exit only after piped stdout has drained (process.exit would cut large --json output). */
function exitAfterFlush(code: number): void {
  process.stdout.write('', () => process.exit(code));
}

installShutdown();
main(process.argv.slice(2)).then(
  (code) => {
    if (!isStopping()) exitAfterFlush(code);
  },
  (e: unknown) => {
    // Stopping: the failure is the stop's doing (a closed driver), and the stop path exits with the signal's code.
    if (isStopping()) return;
    if (e instanceof SetupError || e instanceof InputError) console.error(`error: ${e.message}`);
    else console.error(e);
    exitAfterFlush(1);
  },
);
