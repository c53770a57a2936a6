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
}

export interface Lexicon {
  entries: LexiconEntry[];
  /** Every form (name and aliases) -> its entry, longest forms first when scanning. */
  forms: Map<string, LexiconEntry>;
  formsByLength: string[];
}

/** Spun spellings of a form (科学发展观 → 科学进展观), one substitution at a time. */
export function spunForms(form: string, pairs: ReadonlyArray<readonly [string, string]>): string[] {
  const out = new Set<string>();
  for (const [original, spun] of pairs) {
    let at = form.indexOf(original);
    while (at !== -1) {
      out.add(form.slice(0, at) + spun + form.slice(at + original.length));
      at = form.indexOf(original, at + 1);
    }
  }
  out.delete(form);
  return [...out];
}

export function buildLexicon(
  entries: LexiconEntry[],
  spinPairs: ReadonlyArray<readonly [string, string]> = [],
): Lexicon {
  const forms = new Map<string, LexiconEntry>();
  for (const e of entries) {
    if (!isEntityKind(e.kind)) throw new Error(`lexicon: unknown kind ${e.kind} for ${e.name}`);
    for (const f of [e.name, ...e.aliases]) forms.set(f, e);
  }
  // Spun variants never displace a real form of another entry.
  for (const e of entries) {
    for (const f of [e.name, ...e.aliases]) for (const v of spunForms(f, spinPairs)) if (!forms.has(v)) forms.set(v, e);
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
  if (!cached) {
    const require = createRequire(import.meta.url);
    const data = require('../../data/lexicon.json') as { entries: LexiconEntry[] };
    const spin = require('../../data/spin-synonyms.json') as { pairs: Array<[string, string]> };
    const shipped = data.entries.map((e) => ({ ...e, source: 'shipped' as const }));
    cached = buildLexicon([...shipped, ...readLocalLexicon()], spin.pairs);
  }
  return cached;
}

/** jieba user-dictionary lines ("word freq tag") so lexicon terms stay whole. */
export function userDictLines(lex: Lexicon): string[] {
  return lex.formsByLength.filter((f) => !/[\s,、()]/u.test(f)).map((f) => `${f} 100000 nz`);
}
