/**
 * The PolicyGraph graph model. Every label, relationship type, property name,
 * constraint and index lives here; server and client import these constants
 * instead of repeating strings.
 *
 *   (:Report)-[:HAS_SENTENCE]->(:Sentence)-[:MENTIONS {surface,start,end}]->(:Entity {key,kind,name,aliases})
 *   (:Report)-[:ABOUT {status}]->(:Place {code,name,level})-[:IN]->(:Place)
 *   (:Entity {kind: PLACE})-[:REFERS_TO]->(:Place)
 */

export const Label = {
  Report: 'Report',
  Sentence: 'Sentence',
  Entity: 'Entity',
  Place: 'Place',
  SchemaMigration: 'SchemaMigration',
  /** A term new-term discovery found in the stored corpus, waiting for a researcher to accept it. */
  TermCandidate: 'TermCandidate',
} as const;
export type Label = (typeof Label)[keyof typeof Label];

export const Rel = {
  HAS_SENTENCE: 'HAS_SENTENCE',
  MENTIONS: 'MENTIONS',
  /** (:Report)-[:ABOUT {status}]->(:Place): the unit a report is about. */
  ABOUT: 'ABOUT',
  /** (:Place)-[:IN]->(:Place): county in city in province. */
  IN: 'IN',
  /** (:Entity {kind: PLACE})-[:REFERS_TO]->(:Place): the division a place mention stands for, when known. */
  REFERS_TO: 'REFERS_TO',
  /** (:Entity)-[:CO_OCCURS {sentences, paragraphs, reports}]->(:Entity), from the lower key to the higher. */
  CO_OCCURS: 'CO_OCCURS',
  /** (:TermCandidate)-[:SEEN_IN]->(:Sentence): a few sentences that show a discovered term in use. */
  SEEN_IN: 'SEEN_IN',
} as const;

/** Discovered terms, recomputed after each ingest that changed the corpus. */
export const TermCandidateProps = {
  term: 'term',
  /** Combined discovery score (higher = more term-like). */
  score: 'score',
  freq: 'freq',
  /** Weakest PMI over the term's binary splits. */
  cohesion: 'cohesion',
  leftEntropy: 'leftEntropy',
  rightEntropy: 'rightEntropy',
  /** Times seen in quotes. */
  quoted: 'quoted',
  /** Rank among the candidates of the last discovery run (1 = best). */
  rank: 'rank',
  discoveredAt: 'discoveredAt',
} as const;

export const CoOccursProps = {
  /** Sentences in which both appear. */
  sentences: 'sentences',
  /** Paragraphs in which both appear. */
  paragraphs: 'paragraphs',
  /** Reports in which both appear in one paragraph. */
  reports: 'reports',
} as const;
export type Rel = (typeof Rel)[keyof typeof Rel];

/** Property names per label (documented here so queries and loaders agree). */
export const ReportProps = {
  id: 'id',
  /** The file's id; several reports may share it. */
  sourceId: 'sourceId',
  part: 'part',
  title: 'title',
  year: 'year',
  coversYear: 'coversYear',
  placeStatus: 'placeStatus',
  placeEvidence: 'placeEvidence',
  placeCandidates: 'placeCandidates',
  sourcePath: 'sourcePath',
  sha256: 'sha256',
  /** Hash of the analysis code, data and lexicon that wrote it: a mismatch re-analyses an unchanged file. */
  analysisVersion: 'analysisVersion',
  ingestedAt: 'ingestedAt',
  sentenceCount: 'sentenceCount',
  charCount: 'charCount',
} as const;

export const SentenceProps = {
  /** `${reportId}#${idx}`: unique across the graph. */
  id: 'id',
  idx: 'idx',
  /** The sentence exactly as written in the source (original spelling). */
  text: 'text',
  /** The normalised (NFKC, simplified, cleaned) text the extractor saw. */
  normText: 'normText',
  /** Character offsets into the report's original text. */
  start: 'start',
  end: 'end',
  paragraph: 'paragraph',
  /** True for a section heading (一、… / (一)…). */
  heading: 'heading',
  /** The headings above it, outermost first, joined by " › ". */
  section: 'section',
} as const;

export const PlaceProps = {
  /** GB/T 2260 code; `anon:<reportId>` for an anonymised unit (never shared). */
  code: 'code',
  name: 'name',
  level: 'level',
  anonymised: 'anonymised',
} as const;

export const EntityProps = {
  /**
   * `${kind}:${name}`: one node per canonical entity; `PLACE:${code}` for a place whose GB/T 2260 division is
   * known (see placeEntityKey); `@${scope}` appended for anonymised and local names.
   */
  key: 'key',
  kind: 'kind',
  name: 'name',
  /** Every surface form seen (traditional, quoted, spun spellings). */
  aliases: 'aliases',
  /**
   * For local names (县一中, 市委): the place they belong to, so two counties' 一中 are two nodes; for a place
   * keyed by its code: the division above it (朝阳区 in 北京市 or in 长春市).
   */
  qualifier: 'qualifier',
  /** The aliases as one string: full-text indexes take strings, not lists. */
  aliasText: 'aliasText',
} as const;

/** Full-text index over entity names and aliases, with Lucene's CJK (bigram) analyzer. */
export const ENTITY_SEARCH_INDEX = 'entity_search';

export const MentionProps = {
  surface: 'surface',
  start: 'start',
  end: 'end',
  cue: 'cue',
  /** Prior trust in the cue that found it (0..1). */
  score: 'score',
} as const;

export const EntityKinds = ['POLICY', 'PROGRAM', 'SCHOOL', 'PLACE', 'ORGANIZATION', 'DOCUMENT'] as const;
export type EntityKind = (typeof EntityKinds)[number];

export function isEntityKind(value: string): value is EntityKind {
  return (EntityKinds as readonly string[]).includes(value);
}

/** Display metadata shared by the API docs and the viewer. */
export const EntityKindInfo: Record<EntityKind, { zh: string; color: string }> = {
  POLICY: { zh: '政策/口号', color: '#d1495b' },
  PROGRAM: { zh: '项目/工程', color: '#edae49' },
  SCHOOL: { zh: '学校', color: '#00798c' },
  PLACE: { zh: '地名', color: '#30638e' },
  ORGANIZATION: { zh: '机构', color: '#6a4c93' },
  DOCUMENT: { zh: '文件', color: '#5c8001' },
};

export const REPORT_NODE_COLOR = '#555555';

export function entityKey(kind: EntityKind, name: string): string {
  return `${kind}:${name}`;
}

/** A place mention whose division is known is keyed by its GB/T 2260 code, not its spelling. */
export function placeEntityKey(code: string): string {
  return entityKey('PLACE', code);
}

export function sentenceId(reportId: string, idx: number): string {
  return `${reportId}#${idx}`;
}

/**
 * Versioned, idempotent schema migrations. Applied in order at start; the
 * highest applied version is recorded on a (:SchemaMigration) node.
 */
export interface Migration {
  version: number;
  description: string;
  statements: string[];
}

export const migrations: Migration[] = [
  {
    version: 1,
    description: 'uniqueness constraints and lookup indexes',
    statements: [
      `CREATE CONSTRAINT report_id IF NOT EXISTS FOR (n:${Label.Report}) REQUIRE n.${ReportProps.id} IS UNIQUE`,
      `CREATE CONSTRAINT sentence_id IF NOT EXISTS FOR (n:${Label.Sentence}) REQUIRE n.${SentenceProps.id} IS UNIQUE`,
      `CREATE CONSTRAINT entity_key IF NOT EXISTS FOR (n:${Label.Entity}) REQUIRE n.${EntityProps.key} IS UNIQUE`,
      `CREATE CONSTRAINT schema_migration_version IF NOT EXISTS FOR (n:${Label.SchemaMigration}) REQUIRE n.version IS UNIQUE`,
      `CREATE INDEX entity_name IF NOT EXISTS FOR (n:${Label.Entity}) ON (n.${EntityProps.name})`,
      `CREATE INDEX entity_kind IF NOT EXISTS FOR (n:${Label.Entity}) ON (n.${EntityProps.kind})`,
    ],
  },
  {
    version: 2,
    description: 'places (GB/T 2260 hierarchy) and reports split from one file',
    statements: [
      `CREATE CONSTRAINT place_code IF NOT EXISTS FOR (n:${Label.Place}) REQUIRE n.${PlaceProps.code} IS UNIQUE`,
      `CREATE INDEX place_name IF NOT EXISTS FOR (n:${Label.Place}) ON (n.${PlaceProps.name})`,
      `CREATE INDEX report_source IF NOT EXISTS FOR (n:${Label.Report}) ON (n.${ReportProps.sourceId})`,
      `CREATE INDEX report_year IF NOT EXISTS FOR (n:${Label.Report}) ON (n.${ReportProps.year})`,
    ],
  },
  {
    version: 3,
    description: 'full-text search over entity names and aliases (CJK bigrams)',
    statements: [
      `CREATE FULLTEXT INDEX ${ENTITY_SEARCH_INDEX} IF NOT EXISTS FOR (n:${Label.Entity}) ON EACH [n.${EntityProps.name}, n.${EntityProps.aliasText}] OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'cjk'}}`,
      // Entities stored before this version have no aliasText yet; unchanged files are not rewritten.
      `MATCH (e:${Label.Entity}) WHERE e.${EntityProps.aliasText} IS NULL SET e.${EntityProps.aliasText} = reduce(t = '', a IN coalesce(e.${EntityProps.aliases}, []) | t + ' ' + a)`,
    ],
  },
  {
    version: 4,
    description: 'discovered term candidates, one node per term',
    statements: [
      `CREATE CONSTRAINT term_candidate IF NOT EXISTS FOR (n:${Label.TermCandidate}) REQUIRE n.${TermCandidateProps.term} IS UNIQUE`,
    ],
  },
];

export const SCHEMA_VERSION = migrations[migrations.length - 1]?.version ?? 0;
