import { EntityProps, Label, Rel, ReportProps, SentenceProps, sentenceId } from '@policygraph/graph-schema';
import type { Driver } from 'neo4j-driver';
import type { AnalyzedReport } from '../pipeline/analyze.js';

/**
 * The naive writer the benchmark compares against: one auto-committed statement per
 * report, sentence and mention. Not used by the product.
 */
export async function writeNaively(driver: Driver, reports: AnalyzedReport[]): Promise<void> {
  const session = driver.session();
  try {
    for (const r of reports) {
      await session.run(`MERGE (x:${Label.Report} {${ReportProps.id}: $id}) SET x.${ReportProps.title} = $title`, {
        id: r.id,
        title: r.title,
      });
      for (const s of r.sentences) {
        await session.run(
          `MATCH (x:${Label.Report} {${ReportProps.id}: $rid})
           CREATE (x)-[:${Rel.HAS_SENTENCE}]->(:${Label.Sentence} {${SentenceProps.id}: $id, ${SentenceProps.text}: $text})`,
          { rid: r.id, id: sentenceId(r.id, s.idx), text: s.text },
        );
      }
      for (const m of r.mentions) {
        await session.run(
          `MATCH (s:${Label.Sentence} {${SentenceProps.id}: $sid})
           MERGE (e:${Label.Entity} {${EntityProps.key}: $key}) ON CREATE SET e.${EntityProps.name} = $name
           CREATE (s)-[:${Rel.MENTIONS} {surface: $surface}]->(e)`,
          { sid: sentenceId(r.id, m.sentenceIdx), key: m.key, name: m.name, surface: m.surface },
        );
      }
    }
  } finally {
    await session.close();
  }
}
