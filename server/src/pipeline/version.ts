import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lexicon } from '../extract/lexicon.js';

/** The folders whose code decides what a report becomes (read → resolve), and the data they read. */
const STAGES = ['read', 'normalise', 'segment', 'extract', 'resolve', 'pipeline'];

let codeHash: string | undefined;
const lexiconHashes = new WeakMap<Lexicon, string>();

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? filesUnder(path.join(dir, d.name)) : [path.join(dir, d.name)]))
    .filter((f) => /\.(js|ts|json)$/.test(f) && !/\.(test|test-util)\.|\.d\.ts$|\.map$/.test(f))
    .sort();
}

/** A hash of the analysis code and its data files, read once per process (built or source tree alike). */
function analysisCodeHash(): string {
  if (codeHash) return codeHash;
  const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  const h = crypto.createHash('sha256');
  // The graph model too (labels, relationships, properties): when what a report is stored as changes, stored
  // reports are rewritten. Loader changes that store the same shape (speed-ups) leave the store alone.
  const graphSchema = path.dirname(fileURLToPath(import.meta.resolve('@policygraph/graph-schema')));
  for (const file of [
    ...STAGES.flatMap((s) => filesUnder(path.join(root, s))),
    ...filesUnder(path.join(root, '..', 'data')),
    ...filesUnder(graphSchema),
  ]) {
    h.update(path.relative(root, file));
    h.update(fs.readFileSync(file));
  }
  codeHash = h.digest('hex').slice(0, 16);
  return codeHash;
}

/**
 * What produced a report's sentences and mentions: the analysis code and data plus the lexicon in force
 * (shipped and accepted terms). A stored report is only "unchanged" if both its bytes and this match, so an
 * upgrade or a newly accepted term re-analyses files on the next ingest instead of keeping stale mentions.
 */
export function analysisVersion(lex: Lexicon): string {
  let lexHash = lexiconHashes.get(lex);
  if (!lexHash) {
    const forms = [...lex.forms].map(([form, e]) => [form, e.kind, e.name]);
    lexHash = crypto.createHash('sha256').update(JSON.stringify(forms)).digest('hex').slice(0, 16);
    lexiconHashes.set(lex, lexHash);
  }
  return `${analysisCodeHash()}-${lexHash}`;
}
