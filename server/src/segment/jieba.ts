import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import nodejieba from 'nodejieba';
import { userDictLines, type Lexicon } from '../extract/lexicon.js';

export interface Token {
  word: string;
  tag: string;
  /** Offsets in the string that was segmented. */
  start: number;
  end: number;
}

let loadedDict: string | undefined;
/** The user dictionary's words, all tagged {@link USER_TAG}. */
let userWords: ReadonlySet<string> = new Set();
// Hashing the dictionary on every call cost more than segmenting short sentences.
const dictHashes = new WeakMap<Lexicon, { hash: string; lines: string; words: ReadonlySet<string> }>();

/** The tag every user-dictionary line gives its word (see userDictLines). */
const USER_TAG = 'nz';

/**
 * Loads jieba once per process with the lexicon as user dictionary. nodejieba
 * reads dictionaries from files, so the lines go to a content-addressed temp file.
 */
export function ensureJieba(lex: Lexicon): void {
  let entry = dictHashes.get(lex);
  if (!entry) {
    const dictLines = userDictLines(lex);
    const lines = dictLines.join('\n') + '\n';
    const words = new Set(dictLines.map((l) => l.split(' ')[0]!));
    entry = { lines, words, hash: crypto.createHash('sha1').update(lines).digest('hex').slice(0, 12) };
    dictHashes.set(lex, entry);
  }
  const { hash, lines, words } = entry;
  if (userWords !== words) tagCache.clear();
  userWords = words;
  if (loadedDict === hash) return;
  const file = path.join(os.tmpdir(), `policygraph-userdict-${hash}.utf8`);
  if (!fs.existsSync(file)) {
    const tmp = `${file}.${process.pid}`;
    fs.writeFileSync(tmp, lines);
    fs.renameSync(tmp, file);
  }
  nodejieba.load({ userDict: file });
  loadedDict = hash;
}

/**
 * jieba's tag for a word it cut, as cppjieba's PosTagger gives it: the user dictionary's tag, else the stock
 * dictionary's, else by its ASCII: none `x`, digits only `m`, letters `eng` (counting stops once half the
 * characters were ASCII, as there).
 */
function lookupTag(word: string): string {
  let t = tagCache.get(word);
  if (t === undefined) {
    if (tagCache.size >= TAG_CACHE_SIZE) tagCache.clear();
    tagCache.set(word, (t = dictionaryTag(word)));
  }
  return t;
}

// The stock dictionary's map is large enough that a lookup mostly waits on memory; the words a report
// uses again and again are answered from this small one. Cleared when the user dictionary changes.
const tagCache = new Map<string, string>();
const TAG_CACHE_SIZE = 50_000;

function dictionaryTag(word: string): string {
  if (userWords.has(word)) return USER_TAG;
  const entry = stockWordMap().get(word);
  if (entry?.tag) return entry.tag;
  // Most such words are one punctuation mark: half of one character is none, so no ASCII is counted.
  if (word.length === 1) return 'x';
  const half = Math.floor([...word].length / 2);
  let ascii = 0;
  let digits = 0;
  for (const ch of word) {
    if (ascii >= half) break;
    const c = ch.codePointAt(0)!;
    if (c < 0x80) {
      ascii++;
      if (c >= 0x30 && c <= 0x39) digits++;
    }
  }
  if (ascii === 0) return 'x';
  return digits === ascii ? 'm' : 'eng';
}

/**
 * POS-tagged tokens with offsets (jieba keeps every character, so tokens tile the text). The words come from
 * `cut` with HMM, the segmentation `tag` uses, and the tags from the same dictionaries looked up here: jieba's
 * own `tag` spent more time building its {word, tag} pairs than segmenting.
 */
export function tag(text: string, lex: Lexicon): Token[] {
  ensureJieba(lex);
  const tokens: Token[] = [];
  let pos = 0;
  for (const word of nodejieba.cut(text, true)) {
    const at = text.indexOf(word, pos);
    const start = at === -1 ? pos : at;
    tokens.push({ word, tag: lookupTag(word), start, end: start + word.length });
    pos = start + word.length;
  }
  return tokens;
}

/**
 * Tags many texts with one call into jieba: the native call and its string conversions cost about as much as
 * tagging a short sentence, so a report's sentences go together. Joined by a newline, which jieba never joins to
 * Han text, so each text segments as it would alone; a token straddling a join (punctuation runs) is cut there.
 */
export function tagMany(texts: string[], lex: Lexicon): Token[][] {
  const joined = texts.join('\n');
  const all = tag(joined, lex);
  const out: Token[][] = texts.map(() => []);
  let i = 0;
  let base = 0;
  for (const t of all) {
    let start = t.start;
    while (i < texts.length && start < t.end) {
      const end = base + texts[i]!.length;
      if (start >= end) {
        // Past this text (or on the newline after it): move to the next one.
        base = end + 1;
        i++;
        continue;
      }
      const a = Math.max(start, base);
      const b = Math.min(t.end, end);
      if (b > a)
        out[i]!.push(
          a === t.start && b === t.end
            ? { ...t, start: a - base, end: b - base }
            : { word: joined.slice(a, b), tag: t.tag, start: a - base, end: b - base },
        );
      if (t.end <= end) break;
      start = end;
    }
  }
  return out;
}

/** Stock jieba without the lexicon (the eval baseline); the next ensureJieba reloads the lexicon. */
export function stockCut(text: string): string[] {
  if (loadedDict !== 'stock') {
    nodejieba.load();
    loadedDict = 'stock';
  }
  return nodejieba.cut(text, true);
}

let stockDictText: string | undefined;

/** The text of jieba's stock dictionary ("word freq tag" lines), read once; empty if absent. */
function stockDictionary(): string {
  if (stockDictText === undefined) {
    const require = createRequire(import.meta.url);
    const file = path.join(path.dirname(require.resolve('nodejieba')), 'submodules/cppjieba/dict/jieba.dict.utf8');
    stockDictText = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  }
  return stockDictText;
}

export interface DictionaryEntry {
  freq: number;
  tag: string;
}

let stockWords: Map<string, DictionaryEntry> | undefined;

/** jieba's stock dictionary as word -> frequency and POS tag, parsed once per process. */
function stockWordMap(): Map<string, DictionaryEntry> {
  if (!stockWords) {
    stockWords = new Map();
    for (const line of stockDictionary().split('\n')) {
      const [word, freq, tag] = line.split(' ');
      if (word) stockWords.set(word, { freq: Number(freq) || 0, tag: tag ?? '' });
    }
  }
  return stockWords;
}

export function stockEntry(word: string): DictionaryEntry | undefined {
  return stockWordMap().get(word);
}

/** Whether jieba's stock dictionary knows the word (ordinary vocabulary, not a new term). */
export function isStockWord(word: string): boolean {
  return stockWordMap().has(word);
}

/** The word's frequency in jieba's stock dictionary (0 when it is not there). */
export function stockFrequency(word: string): number {
  return stockWordMap().get(word)?.freq ?? 0;
}
