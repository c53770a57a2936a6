/** Public API of the server package (used by the CLI and the cross-package tests). */
export { analyzeSource, type AnalyzedReport } from './pipeline/analyze.js';
export { collectFiles, decodeReport, InputError, readSourceFile } from './read/read-file.js';
export { normalise } from './normalise/index.js';
export { ingestPaths, type IngestSummary } from './load/ingest.js';
export { removeReport, writeSource, writeSources } from './load/write-report.js';
export { migrate } from './load/migrate.js';
export { createDriver, externalTarget, resolveTarget, verifyTarget, type Neo4jTarget } from './neo4j/connection.js';
export { freePort, startLocalNeo4j, stopLocalNeo4j, type RunningNeo4j } from './neo4j/local-server.js';
export { provisionNeo4j, SetupError } from './neo4j/provision.js';
export { createGraphQLHandler, startHttpServer } from './query/http-server.js';
export { schema } from './query/schema.js';
export { generateReports, paragraphPool } from './bench/corpus.js';
export { defaultGazetteer } from './resolve/gazetteer.js';
export { addLocalEntry, localLexiconPath } from './extract/lexicon.js';
