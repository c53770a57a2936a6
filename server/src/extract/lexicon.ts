import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isEntityKind, type EntityKind } from '@policygraph/graph-schema';
import { stateDir } from '../neo4j/paths.js';

export interface LexiconEntry {
  kind: EntityKind;
  name: string;
  aliases: string[];
  /** Where the entry came from: the shipped lexicon, or a researcher accepting a discovered term. */
  source?: 'shipped' | 'accepted';
  /** Discovery score when accepted from candidates. */
  score?: number;
  /** Read off the seed reports (a local or seed-specific term): left out by `--no-seed-terms`. */
  seed?: boolean;
  /** Variants read off the seed reports: left out by `--no-seed-terms`. */
  seedAliases?: string[];
}

export interface LexiconOptions {
  /** Drop entries and aliases taken from the seed reports, to measure the rules and the general lexicon alone. */
  withoutSeedTerms?: boolean;
}

export interface Lexicon {
  entries: LexiconEntry[];
  /** Every form (name and aliases) -> its entry, longest forms first when scanning. */
  forms: Map<string, LexiconEntry>;
  formsByLength: string[];
}

/** Spinners rewrite several words of one phrase (义务教育进展根本均衡县); two rounds cover what the seeds show. */
const SPIN_ROUNDS = 2;

/** Spun spellings of a form (科学发展观 → 科学进展观), up to two substitutions combined. */
export function spunForms(form: string, pairs: ReadonlyArray<readonly [string, string]>): string[] {
  const out = new Set<string>();
  let frontier = [form];
  for (let round = 0; round < SPIN_ROUNDS; round++) {
    const next: string[] = [];
    for (const f of frontier) {
      for (const [original, spun] of pairs) {
        let at = f.indexOf(original);
        while (at !== -1) {
          const v = f.slice(0, at) + spun + f.slice(at + original.length);
          if (!out.has(v)) next.push(v);
          out.add(v);
          at = f.indexOf(original, at + 1);
        }
      }
    }
    frontier = next;
  }
  out.delete(form);
  return [...out];
}

export function buildLexicon(
  allEntries: LexiconEntry[],
  spinPairs: ReadonlyArray<readonly [string, string]> = [],
  options: LexiconOptions = {},
): Lexicon {
  const entries = options.withoutSeedTerms ? allEntries.filter((e) => !e.seed) : allEntries;
  const formsOf = (e: LexiconEntry) => [
    e.name,
    ...e.aliases,
    ...(options.withoutSeedTerms ? [] : (e.seedAliases ?? [])),
  ];
  const forms = new Map<string, LexiconEntry>();
  for (const e of entries) {
    if (!isEntityKind(e.kind)) throw new Error(`lexicon: unknown kind ${e.kind} for ${e.name}`);
    for (const f of formsOf(e)) forms.set(f, e);
  }
  // Spun variants never displace a real form of another entry.
  for (const e of entries) {
    for (const f of formsOf(e)) for (const v of spunForms(f, spinPairs)) if (!forms.has(v)) forms.set(v, e);
  }
  const formsByLength = [...forms.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  return { entries, forms, formsByLength };
}

let cached: Lexicon | undefined;

/** Terms a researcher accepted (`policygraph lexicon add`): POLICYGRAPH_LEXICON or .policygraph/lexicon.local.json. */
export function localLexiconPath(): string {
  return process.env.POLICYGRAPH_LEXICON ?? path.join(stateDir(), 'lexicon.local.json');
}

export function readLocalLexicon(file = localLexiconPath()): LexiconEntry[] {
  if (!fs.existsSync(file)) return [];
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { entries?: LexiconEntry[] };
  return (data.entries ?? []).map((e) => ({ ...e, aliases: e.aliases ?? [], source: 'accepted' as const }));
}

/** Adds (or extends) an accepted entry; returns the entries written. */
export function addLocalEntry(entry: LexiconEntry, file = localLexiconPath()): LexiconEntry[] {
  if (!isEntityKind(entry.kind)) throw new Error(`unknown kind ${entry.kind}`);
  const entries = readLocalLexicon(file).filter((e) => !(e.name === entry.name && e.kind === entry.kind));
  entries.push({ ...entry, source: 'accepted' });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify({ entries }, null, 2) + '\n');
  fs.renameSync(tmp, file);
  cached = undefined;
  return entries;
}

/** The lexicon shipped in server/data/lexicon.json plus accepted local terms. */
export function defaultLexicon(): Lexicon {
  cached ??= shippedLexicon();
  return cached;
}

/** The shipped lexicon built afresh, e.g. without the terms read off the seeds (eval `--no-seed-terms`). */
export function shippedLexicon(options: LexiconOptions = {}): Lexicon {
  const require = createRequire(import.meta.url);
  const data = require('../../data/lexicon.json') as { entries: LexiconEntry[] };
  const spin = require('../../data/spin-synonyms.json') as { pairs: Array<[string, string]> };
  const shipped = data.entries.map((e) => ({ ...e, source: 'shipped' as const }));
  return buildLexicon([...shipped, ...readLocalLexicon()], spin.pairs, options);
}

/** jieba user-dictionary lines ("word freq tag") so lexicon terms stay whole. */
export function userDictLines(lex: Lexicon): string[] {
  return lex.formsByLength.filter((f) => !/[\s,、()]/u.test(f)).map((f) => `${f} 100000 nz`);
}
