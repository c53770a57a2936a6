import { EntityProps, Label, Rel, ReportProps, SentenceProps, sentenceId } from '@policygraph/graph-schema';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type { AnalyzedReport } from '../pipeline/analyze.js';

const EXISTING_HASH = `MATCH (r:${Label.Report} {${ReportProps.id}: $id}) RETURN r.${ReportProps.sha256} AS sha256`;

const OLD_ENTITY_KEYS = `
MATCH (:${Label.Report} {${ReportProps.id}: $id})-[:${Rel.HAS_SENTENCE}]->(:${Label.Sentence})-[:${Rel.MENTIONS}]->(e:${Label.Entity})
RETURN collect(DISTINCT e.${EntityProps.key}) AS keys`;

const DELETE_SENTENCES = `
MATCH (:${Label.Report} {${ReportProps.id}: $id})-[:${Rel.HAS_SENTENCE}]->(s:${Label.Sentence})
DETACH DELETE s`;

const DELETE_REPORT = `MATCH (r:${Label.Report} {${ReportProps.id}: $id}) DETACH DELETE r`;

const UPSERT_REPORT = `
MERGE (r:${Label.Report} {${ReportProps.id}: $report.id})
SET r.${ReportProps.title} = $report.title,
    r.${ReportProps.sourcePath} = $report.sourcePath,
    r.${ReportProps.sha256} = $report.sha256,
    r.${ReportProps.charCount} = $report.charCount,
    r.${ReportProps.sentenceCount} = $report.sentenceCount,
    r.${ReportProps.ingestedAt} = datetime()`;

const CREATE_SENTENCES = `
MATCH (r:${Label.Report} {${ReportProps.id}: $id})
UNWIND $sentences AS row
CREATE (s:${Label.Sentence} {
  ${SentenceProps.id}: row.id, ${SentenceProps.idx}: row.idx, ${SentenceProps.text}: row.text,
  ${SentenceProps.normText}: row.normText, ${SentenceProps.start}: row.start, ${SentenceProps.end}: row.end,
  ${SentenceProps.paragraph}: row.paragraph
})
CREATE (r)-[:${Rel.HAS_SENTENCE}]->(s)`;

const MERGE_ENTITIES = `
UNWIND $entities AS row
MERGE (e:${Label.Entity} {${EntityProps.key}: row.key})
ON CREATE SET e.${EntityProps.kind} = row.kind, e.${EntityProps.name} = row.name, e.${EntityProps.aliases} = []
SET e.${EntityProps.aliases} = reduce(acc = e.${EntityProps.aliases}, a IN row.aliases | CASE WHEN a IN acc THEN acc ELSE acc + a END),
    e.anonymised = row.anonymised`;

const CREATE_MENTIONS = `
UNWIND $mentions AS row
MATCH (s:${Label.Sentence} {${SentenceProps.id}: row.sentenceId})
MATCH (e:${Label.Entity} {${EntityProps.key}: row.key})
CREATE (s)-[:${Rel.MENTIONS} {surface: row.surface, start: row.start, end: row.end, cue: row.cue}]->(e)`;

// An entity no report mentions any more is gone from the corpus.
const DELETE_ORPHANS = `
UNWIND $keys AS key
MATCH (e:${Label.Entity} {${EntityProps.key}: key})
WHERE NOT (e)<-[:${Rel.MENTIONS}]-()
DETACH DELETE e`;

async function clearReport(tx: ManagedTransaction, id: string): Promise<string[]> {
  const old = await tx.run(OLD_ENTITY_KEYS, { id });
  await tx.run(DELETE_SENTENCES, { id });
  return (old.records[0]?.get('keys') as string[] | undefined) ?? [];
}

export type WriteOutcome = 'created' | 'replaced' | 'unchanged';

/**
 * Writes one report in one transaction: it is fully there or not at all. An
 * unchanged file (same sha256) is a no-op; a changed one replaces the old report.
 */
export async function writeReport(
  driver: Driver,
  report: AnalyzedReport,
  opts: { database?: string; force?: boolean } = {},
): Promise<WriteOutcome> {
  const session = driver.session({ database: opts.database });
  try {
    return await session.executeWrite(async (tx) => {
      const existing = await tx.run(EXISTING_HASH, { id: report.id });
      const oldHash = existing.records[0]?.get('sha256') as string | undefined;
      if (oldHash === report.sha256 && !opts.force) return 'unchanged';
      const oldKeys = oldHash === undefined ? [] : await clearReport(tx, report.id);
      await tx.run(UPSERT_REPORT, {
        report: {
          id: report.id,
          title: report.title,
          sourcePath: report.sourcePath,
          sha256: report.sha256,
          charCount: report.charCount,
          sentenceCount: report.sentences.length,
        },
      });
      await tx.run(CREATE_SENTENCES, {
        id: report.id,
        sentences: report.sentences.map((s) => ({ ...s, id: sentenceId(report.id, s.idx) })),
      });
      await tx.run(MERGE_ENTITIES, { entities: report.entities });
      await tx.run(CREATE_MENTIONS, {
        mentions: report.mentions.map((m) => ({
          sentenceId: sentenceId(report.id, m.sentenceIdx),
          key: m.key,
          surface: m.surface,
          start: m.start,
          end: m.end,
          cue: m.cue,
        })),
      });
      await tx.run(DELETE_ORPHANS, { keys: oldKeys });
      return oldHash === undefined ? 'created' : 'replaced';
    });
  } finally {
    await session.close();
  }
}

/** Removes a report, its sentences and mentions, and entities left unmentioned. */
export async function removeReport(driver: Driver, id: string, database?: string): Promise<boolean> {
  const session = driver.session({ database });
  try {
    return await session.executeWrite(async (tx) => {
      const existing = await tx.run(EXISTING_HASH, { id });
      if (existing.records.length === 0) return false;
      const oldKeys = await clearReport(tx, id);
      await tx.run(DELETE_REPORT, { id });
      await tx.run(DELETE_ORPHANS, { keys: oldKeys });
      return true;
    });
  } finally {
    await session.close();
  }
}
