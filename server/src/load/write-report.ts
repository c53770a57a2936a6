import {
  CoOccursProps,
  EntityProps,
  Label,
  PlaceProps,
  Rel,
  ReportProps,
  SentenceProps,
  sentenceId,
} from '@policygraph/graph-schema';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type { AnalyzedReport } from '../pipeline/analyze.js';
import { cooccurrencePairs, type PairWeight } from '../resolve/cooccurrence.js';

// Per file: its earlier reports, and any report already holding one of its new ids.
// Two index seeks joined by UNION: an OR across two properties would scan every report.
const SOURCE_HASHES = `
UNWIND $files AS f
CALL (f) {
  MATCH (r:${Label.Report} {${ReportProps.sourceId}: f.sourceId}) RETURN r
  UNION
  UNWIND f.ids AS id MATCH (r:${Label.Report} {${ReportProps.id}: id}) RETURN r
}
RETURN f.sourceId AS file, r.${ReportProps.id} AS id, r.${ReportProps.sha256} AS sha256,
       r.${ReportProps.analysisVersion} AS version, r.${ReportProps.sourceId} = f.sourceId AS sameSource`;

const DELETE_SENTENCES = `
UNWIND $ids AS id
MATCH (:${Label.Report} {${ReportProps.id}: id})-[:${Rel.HAS_SENTENCE}]->(s:${Label.Sentence})
DETACH DELETE s`;

// Anonymised places belong to their report alone.
const DELETE_ANONYMISED_PLACES = `
UNWIND $ids AS id
MATCH (:${Label.Report} {${ReportProps.id}: id})-[:${Rel.ABOUT}]->(p:${Label.Place} {${PlaceProps.anonymised}: true})
DETACH DELETE p`;

const DELETE_REPORTS = `
UNWIND $ids AS id
MATCH (r:${Label.Report} {${ReportProps.id}: id})
DETACH DELETE r`;

const UPSERT_REPORTS = `
UNWIND $reports AS row
MERGE (r:${Label.Report} {${ReportProps.id}: row.id})
SET r.${ReportProps.sourceId} = row.sourceId,
    r.${ReportProps.part} = toInteger(row.part),
    r.${ReportProps.title} = row.title,
    r.${ReportProps.year} = toInteger(row.year),
    r.${ReportProps.coversYear} = toInteger(row.coversYear),
    r.${ReportProps.placeStatus} = row.placeStatus,
    r.${ReportProps.placeEvidence} = row.placeEvidence,
    r.${ReportProps.placeCandidates} = row.placeCandidates,
    r.${ReportProps.sourcePath} = row.sourcePath,
    r.${ReportProps.sha256} = row.sha256,
    r.${ReportProps.analysisVersion} = row.analysisVersion,
    r.${ReportProps.charCount} = toInteger(row.charCount),
    r.${ReportProps.sentenceCount} = toInteger(row.sentenceCount),
    r.${ReportProps.ingestedAt} = datetime()`;

// Each chain is most specific first: MERGE the places, then IN between neighbours.
const MERGE_PLACES = `
UNWIND $places AS row
MERGE (p:${Label.Place} {${PlaceProps.code}: row.code})
SET p.${PlaceProps.name} = row.name, p.${PlaceProps.level} = row.level, p.${PlaceProps.anonymised} = row.anonymised`;

const LINK_PLACES = `
UNWIND $links AS row
MATCH (c:${Label.Place} {${PlaceProps.code}: row.child})
MATCH (p:${Label.Place} {${PlaceProps.code}: row.parent})
MERGE (c)-[:${Rel.IN}]->(p)`;

const LINK_ABOUT = `
UNWIND $abouts AS row
MATCH (r:${Label.Report} {${ReportProps.id}: row.id})
MATCH (p:${Label.Place} {${PlaceProps.code}: row.code})
MERGE (r)-[a:${Rel.ABOUT}]->(p)
SET a.status = row.status`;

const CREATE_SENTENCES = `
UNWIND $sentences AS row
MATCH (r:${Label.Report} {${ReportProps.id}: row.reportId})
CREATE (s:${Label.Sentence} {
  ${SentenceProps.id}: row.id, ${SentenceProps.idx}: toInteger(row.idx), ${SentenceProps.text}: row.text,
  ${SentenceProps.normText}: row.normText, ${SentenceProps.start}: toInteger(row.start), ${SentenceProps.end}: toInteger(row.end),
  ${SentenceProps.paragraph}: toInteger(row.paragraph), ${SentenceProps.heading}: row.heading,
  ${SentenceProps.section}: row.section
})
CREATE (r)-[:${Rel.HAS_SENTENCE}]->(s)`;

// aliasText feeds the Lucene full-text index: rewriting it for every mention made Lucene
// re-index (and merge segments for) every entity of every group, most of Neo4j's CPU time.
// So the aliases are only touched when a new spelling appears.
const MERGE_ENTITIES = `
UNWIND $entities AS row
MERGE (e:${Label.Entity} {${EntityProps.key}: row.key})
ON CREATE SET e.${EntityProps.kind} = row.kind, e.${EntityProps.name} = row.name, e.${EntityProps.aliases} = [],
  e.${EntityProps.aliasText} = ''
SET e.anonymised = row.anonymised, e.${EntityProps.qualifier} = row.qualifier
WITH e, [a IN row.aliases WHERE NOT a IN e.${EntityProps.aliases}] AS added
WHERE size(added) > 0
SET e.${EntityProps.aliases} = e.${EntityProps.aliases} + added
WITH e
SET e.${EntityProps.aliasText} = reduce(t = '', a IN e.${EntityProps.aliases} | t + ' ' + a)`;

// A place mention whose division is known is that Place (its key comes from the code, so one row per key).
const LINK_REFERS_TO = `
UNWIND $refers AS row
MATCH (e:${Label.Entity} {${EntityProps.key}: row.key})
MATCH (p:${Label.Place} {${PlaceProps.code}: row.code})
MERGE (e)-[:${Rel.REFERS_TO}]->(p)`;

const CREATE_MENTIONS = `
UNWIND $mentions AS row
MATCH (s:${Label.Sentence} {${SentenceProps.id}: row.sentenceId})
MATCH (e:${Label.Entity} {${EntityProps.key}: row.key})
CREATE (s)-[:${Rel.MENTIONS} {surface: row.surface, start: toInteger(row.start), end: toInteger(row.end), cue: row.cue, score: row.score}]->(e)`;

// An entity no report mentions any more is gone from the corpus.
const DELETE_ORPHANS = `
UNWIND $keys AS key
MATCH (e:${Label.Entity} {${EntityProps.key}: key})
WHERE NOT (e)<-[:${Rel.MENTIONS}]-()
DETACH DELETE e`;

const OLD_MENTION_ROWS = `
UNWIND $ids AS id
MATCH (:${Label.Report} {${ReportProps.id}: id})-[:${Rel.HAS_SENTENCE}]->(s:${Label.Sentence})-[:${Rel.MENTIONS}]->(e:${Label.Entity})
RETURN id, s.${SentenceProps.idx} AS sentence, s.${SentenceProps.paragraph} AS paragraph, e.${EntityProps.key} AS key`;

const SUBTRACT_COOCCURS = `
UNWIND $pairs AS p
MATCH (:${Label.Entity} {${EntityProps.key}: p.a})-[c:${Rel.CO_OCCURS}]->(:${Label.Entity} {${EntityProps.key}: p.b})
SET c.${CoOccursProps.sentences} = c.${CoOccursProps.sentences} - p.sentences,
    c.${CoOccursProps.paragraphs} = c.${CoOccursProps.paragraphs} - p.paragraphs,
    c.${CoOccursProps.reports} = c.${CoOccursProps.reports} - p.reports
WITH c WHERE c.${CoOccursProps.reports} <= 0
DELETE c`;

const ADD_COOCCURS = `
UNWIND $pairs AS p
MATCH (a:${Label.Entity} {${EntityProps.key}: p.a})
MATCH (b:${Label.Entity} {${EntityProps.key}: p.b})
MERGE (a)-[c:${Rel.CO_OCCURS}]->(b)
ON CREATE SET c.${CoOccursProps.sentences} = 0, c.${CoOccursProps.paragraphs} = 0, c.${CoOccursProps.reports} = 0
SET c.${CoOccursProps.sentences} = c.${CoOccursProps.sentences} + p.sentences,
    c.${CoOccursProps.paragraphs} = c.${CoOccursProps.paragraphs} + p.paragraphs,
    c.${CoOccursProps.reports} = c.${CoOccursProps.reports} + p.reports`;

// Round trips dominate the write time (each costs milliseconds on a busy machine), so the
// statements run as unit subqueries of one query each, in order; later parts see earlier writes.
const inOrder = (...statements: string[]) => statements.map((st) => `CALL () {${st}\n}`).join('\n');

// Planning the big write takes about a second, and while a graph grows from empty its
// statistics keep changing, so Neo4j would replan it every few seconds. Every plan here
// is a chain of unique-index seeks whatever the statistics, so the first plan is kept.
const keepPlan = (statement: string) => `CYPHER replan=skip ${statement}`;

const CLEAR = keepPlan(inOrder(SUBTRACT_COOCCURS, DELETE_SENTENCES, DELETE_ANONYMISED_PLACES));

// DELETE_REPORTS first: parts a file no longer has (it held three reports, now two).
// Exported by name for the write profiler (bench/profile-writes.ts).
export const WRITE_PARTS = {
  DELETE_REPORTS,
  UPSERT_REPORTS,
  MERGE_PLACES,
  LINK_PLACES,
  LINK_ABOUT,
  CREATE_SENTENCES,
  MERGE_ENTITIES,
  LINK_REFERS_TO,
  CREATE_MENTIONS,
  ADD_COOCCURS,
  DELETE_ORPHANS,
};
const WRITE = keepPlan(inOrder(...Object.values(WRITE_PARTS)));

/** Pair weights summed over reports, each report counting once per pair. */
function sumPairs(perReport: PairWeight[][]): Array<PairWeight & { reports: number }> {
  const sum = new Map<string, PairWeight & { reports: number }>();
  for (const pairs of perReport) {
    for (const p of pairs) {
      const id = `${p.a}\u0000${p.b}`;
      const s = sum.get(id) ?? { a: p.a, b: p.b, sentences: 0, paragraphs: 0, reports: 0 };
      s.sentences += p.sentences;
      s.paragraphs += p.paragraphs;
      s.reports += 1;
      sum.set(id, s);
    }
  }
  return [...sum.values()];
}

/** The co-occurrence a report contributes, as stored mention rows or as analysed. */
function storedPairs(records: Array<{ get(k: string): unknown }>): Array<PairWeight & { reports: number }> {
  const byReport = new Map<string, Array<{ sentence: number; paragraph: number; key: string }>>();
  for (const r of records) {
    const id = r.get('id') as string;
    const rows = byReport.get(id) ?? [];
    rows.push({
      sentence: Number(r.get('sentence')),
      paragraph: Number(r.get('paragraph')),
      key: r.get('key') as string,
    });
    byReport.set(id, rows);
  }
  return sumPairs([...byReport.values()].map(cooccurrencePairs));
}

export function analysedPairs(reports: AnalyzedReport[]): Array<PairWeight & { reports: number }> {
  return sumPairs(
    reports.map((r) =>
      cooccurrencePairs(
        r.mentions.map((m) => ({
          sentence: m.sentenceIdx,
          paragraph: r.sentences[m.sentenceIdx]!.paragraph,
          key: m.key,
        })),
      ),
    ),
  );
}

/** Removes what hangs off these reports (and their share of CO_OCCURS); returns the entity keys they mentioned. */
async function clearReports(tx: ManagedTransaction, ids: string[]): Promise<string[]> {
  const rows = await tx.run(keepPlan(OLD_MENTION_ROWS), { ids });
  if (rows.records.length === 0 && ids.length === 0) return [];
  await tx.run(CLEAR, { ids, pairs: storedPairs(rows.records) });
  return [...new Set(rows.records.map((r) => r.get('key') as string))];
}

interface PlaceRow {
  code: string;
  name: string;
  level: string;
  anonymised: boolean;
}

/** Place rows, IN links, ABOUT links and place entities' REFERS_TO links for a batch of reports. */
export function placeRows(reports: AnalyzedReport[]) {
  const places = new Map<string, PlaceRow>();
  const links = new Map<string, { child: string; parent: string }>();
  const abouts: Array<{ id: string; code: string; status: string }> = [];
  const refers = new Map<string, { key: string; code: string }>();
  // A chain is most specific first: every place in it, and IN between neighbours.
  const addChain = (chain: PlaceRow[]) =>
    chain.forEach((c, i) => {
      places.set(c.code, c);
      const parent = chain[i + 1];
      if (parent) links.set(`${c.code}>${parent.code}`, { child: c.code, parent: parent.code });
    });
  for (const r of reports) {
    const p = r.place;
    const self: PlaceRow | null = p.place
      ? { ...p.place, anonymised: false }
      : p.anonymisedName
        ? { code: `anon:${r.id}`, name: p.anonymisedName, level: 'unknown', anonymised: true }
        : null;
    addChain([...(self ? [self] : []), ...p.chain.map((c) => ({ ...c, anonymised: false }))]);
    if (self) abouts.push({ id: r.id, code: self.code, status: p.status });
    for (const e of r.entities) {
      if (!e.placeCode || !e.placeChain) continue;
      addChain(e.placeChain.map((c) => ({ ...c, anonymised: false })));
      refers.set(e.key, { key: e.key, code: e.placeCode });
    }
  }
  return { places: [...places.values()], links: [...links.values()], abouts, refers: [...refers.values()] };
}

export type WriteOutcome = 'created' | 'replaced' | 'unchanged';

/** One row per entity key across the reports, aliases united in first-seen order. */
function entityRows(reports: AnalyzedReport[]) {
  const rows = new Map<string, AnalyzedReport['entities'][number]>();
  for (const e of reports.flatMap((r) => r.entities)) {
    const row = rows.get(e.key);
    rows.set(
      e.key,
      row
        ? { ...e, aliases: [...new Set([...row.aliases, ...e.aliases])] }
        : { ...e, aliases: [...new Set(e.aliases)] },
    );
  }
  return [...rows.values()];
}

/** The statement rows for the reports of the files being (re)written. */
export function writeParams(reports: AnalyzedReport[], obsoleteIds: string[], oldKeys: string[]) {
  const { places, links, abouts, refers } = placeRows(reports);
  return {
    ids: obsoleteIds,
    reports: reports.map((r) => ({
      id: r.id,
      sourceId: r.sourceId,
      part: r.part,
      title: r.title,
      year: r.year.year,
      coversYear: r.year.coversYear,
      placeStatus: r.place.status,
      placeEvidence: r.place.evidence,
      placeCandidates: r.place.candidates.map((c) => c.code),
      sourcePath: r.sourcePath,
      sha256: r.sha256,
      analysisVersion: r.analysisVersion,
      charCount: r.charCount,
      sentenceCount: r.sentences.length,
    })),
    places,
    links,
    abouts,
    sentences: reports.flatMap((r) => r.sentences.map((s) => ({ ...s, reportId: r.id, id: sentenceId(r.id, s.idx) }))),
    entities: entityRows(reports),
    refers,
    mentions: reports.flatMap((r) =>
      r.mentions.map((m) => ({
        sentenceId: sentenceId(r.id, m.sentenceIdx),
        key: m.key,
        surface: m.surface,
        start: m.start,
        end: m.end,
        cue: m.cue,
        score: m.score,
      })),
    ),
    pairs: analysedPairs(reports),
    keys: oldKeys,
  };
}

/** The ids a file's write touches: its own file id and its report ids. */
export function claimedIds(reports: AnalyzedReport[]): string[] {
  return [...new Set([reports[0]?.sourceId ?? '', ...reports.map((r) => r.id)])];
}

/**
 * Writes several files in ONE transaction (each file = all its reports): all of them land
 * or none does, so each report is still fully there or not at all. One transaction per file
 * costs a commit and two round trips each; grouping small files amortises both. An unchanged
 * file (same sha256, analysed by the same code and lexicon) is skipped; a changed one replaces every report it held before, including
 * parts it no longer has. Files of one call must not share a file or report id (see
 * `claimedIds`); the caller keeps such files in separate calls so the order they replace
 * each other in stays the input order.
 */
export async function writeSources(
  driver: Driver,
  files: AnalyzedReport[][],
  opts: { database?: string; force?: boolean } = {},
): Promise<WriteOutcome[]> {
  if (files.some((f) => f.length === 0)) throw new Error('writeSources needs at least one report per file');
  const seen = new Set<string>();
  for (const id of files.flatMap(claimedIds)) {
    if (seen.has(id)) throw new Error(`writeSources: two files in one transaction claim ${id}`);
    seen.add(id);
  }
  const session = driver.session({ database: opts.database });
  try {
    return await session.executeWrite(async (tx) => {
      const existing = await tx.run(keepPlan(SOURCE_HASHES), {
        files: files.map((reports) => ({ sourceId: reports[0]!.sourceId, ids: claimedIds(reports) })),
      });
      const oldBySource = new Map<
        string,
        Array<{ id: string; sha256: unknown; version: unknown; sameSource: unknown }>
      >();
      for (const r of existing.records) {
        const file = r.get('file') as string;
        const rows = oldBySource.get(file) ?? [];
        rows.push({
          id: r.get('id') as string,
          sha256: r.get('sha256'),
          version: r.get('version'),
          sameSource: r.get('sameSource'),
        });
        oldBySource.set(file, rows);
      }
      const outcomes: WriteOutcome[] = [];
      const toWrite: AnalyzedReport[] = [];
      const oldIds = new Set<string>();
      for (const reports of files) {
        const first = reports[0]!;
        const old = oldBySource.get(first.sourceId) ?? [];
        const unchanged =
          old.length === reports.length &&
          old.every((o) => o.sameSource === true && o.sha256 === first.sha256 && o.version === first.analysisVersion) &&
          reports.every((r) => old.some((o) => o.id === r.id));
        if (unchanged && !opts.force) {
          outcomes.push('unchanged');
          continue;
        }
        outcomes.push(old.length === 0 ? 'created' : 'replaced');
        toWrite.push(...reports);
        // Reports from before per-file ids (or another file) may hold these ids too.
        for (const o of old) oldIds.add(o.id);
      }
      if (toWrite.length === 0) return outcomes;
      const newIds = new Set(toWrite.map((r) => r.id));
      const oldKeys = oldIds.size ? await clearReports(tx, [...new Set([...oldIds, ...newIds])]) : [];
      await tx.run(
        WRITE,
        writeParams(
          toWrite,
          [...oldIds].filter((id) => !newIds.has(id)),
          oldKeys,
        ),
      );
      return outcomes;
    });
  } finally {
    await session.close();
  }
}

/** Writes all reports of one source file in one transaction (see `writeSources`). */
export async function writeSource(
  driver: Driver,
  reports: AnalyzedReport[],
  opts: { database?: string; force?: boolean } = {},
): Promise<WriteOutcome> {
  if (reports.length === 0) throw new Error('writeSource needs at least one report');
  return (await writeSources(driver, [reports], opts))[0]!;
}

/**
 * Removes reports by report id or by file id (all its parts), their sentences and
 * mentions, and entities left unmentioned. Returns the report ids removed.
 */
export async function removeReport(driver: Driver, id: string, database?: string): Promise<string[]> {
  const session = driver.session({ database });
  try {
    return await session.executeWrite(async (tx) => {
      const found = await tx.run(
        `MATCH (r:${Label.Report}) WHERE r.${ReportProps.id} = $id OR r.${ReportProps.sourceId} = $id RETURN r.${ReportProps.id} AS id`,
        { id },
      );
      const ids = found.records.map((r) => r.get('id') as string);
      if (ids.length === 0) return [];
      const oldKeys = await clearReports(tx, ids);
      await tx.run(DELETE_REPORTS, { ids });
      await tx.run(DELETE_ORPHANS, { keys: oldKeys });
      return ids;
    });
  } finally {
    await session.close();
  }
}
