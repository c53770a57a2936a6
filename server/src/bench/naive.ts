import type { Driver } from 'neo4j-driver';
import { WRITE_PARTS, writeParams } from '../load/write-report.js';
import type { AnalyzedReport } from '../pipeline/analyze.js';

/** The parameter list each write statement unwinds (`UNWIND $reports AS row` → reports). */
const unwound = (statement: string) => /UNWIND \$(\w+)/u.exec(statement)![1]!;

/**
 * The naive writer the benchmark compares against: one auto-committed statement per row. It writes the same
 * graph with the same statements as the ingest (report, places, sentences, entities, mentions, co-occurrence),
 * each given a one-row list, so the comparison measures batching alone. Not used by the product.
 */
export async function writeNaively(driver: Driver, reports: AnalyzedReport[]): Promise<void> {
  const session = driver.session();
  try {
    for (const r of reports) {
      const params = writeParams([r], [], []) as unknown as Record<string, unknown[]>;
      for (const statement of Object.values(WRITE_PARTS)) {
        const name = unwound(statement);
        for (const row of params[name]!) await session.run(statement, { [name]: [row] });
      }
    }
  } finally {
    await session.close();
  }
}
