import { Label, migrations } from '@policygraph/graph-schema';
import type { Driver } from 'neo4j-driver';

const CURRENT_VERSION = `MATCH (m:${Label.SchemaMigration}) RETURN coalesce(max(m.version), 0) AS version`;
const RECORD_VERSION = `MERGE (m:${Label.SchemaMigration} {version: $version}) SET m.description = $description, m.appliedAt = datetime()`;

/**
 * Applies the graph-schema migrations not yet recorded. Each statement is
 * idempotent (IF NOT EXISTS), so a crash between statement and record is harmless.
 */
export async function migrate(driver: Driver, database?: string): Promise<number[]> {
  const { records } = await driver.executeQuery(CURRENT_VERSION, {}, { database });
  const current = Number(records[0]?.get('version') ?? 0);
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version <= current) continue;
    // Schema commands cannot share a transaction with data writes: one each.
    for (const statement of m.statements) await driver.executeQuery(statement, {}, { database });
    await driver.executeQuery(RECORD_VERSION, { version: m.version, description: m.description }, { database });
    applied.push(m.version);
  }
  return applied;
}
